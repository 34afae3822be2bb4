// What a recognised time expression means before it is resolved against the reference date.
import type { DayPart, Holiday, Mod, UnitCode } from './lexicon.js';

/** Direction given by an adjective: «يونيو الماضي» past, «الاثنين المقبل» future. */
export type Direction = 'past' | 'future' | 'current' | 'following';

/** A calendar position named by its fields; missing fields come from the reference date. */
export interface CalSem {
  k: 'cal';
  /** Year as written (Hijri when `hijri` and the year is a Hijri year). */
  y?: number;
  /** Year relative to the reference year (العام الماضي → -1). */
  yRel?: number;
  m?: number;
  /** Month relative to the reference month («من هذا الشهر» → 0, «الشهر القادم» → +1). */
  mRel?: number;
  d?: number;
  /** Month (and day) are Hijri; `hijriYear` tells whether `y` is a Hijri year too. */
  hijri?: boolean;
  hijriYear?: boolean;
  /** «يونيو الماضي»: the nearest such month strictly before (or after) the reference. */
  dir?: Direction;
  /** ISO weekday written with the date («الاثنين 18 شباط»): used to choose between readings. */
  weekday?: number;
  /** The n-th (1…5, -1 = last) such weekday of the month: «ثالث ثلاثاء من أيلول». */
  nth?: { iso: number; n: number };
  /** «أول أسبوع من أكتوبر» (1) / «آخر أسبوع في سبتمبر» (-1). */
  weekOfMonth?: number;
  /** «آخر يوم من الشهر». */
  lastDay?: boolean;
}

export type Sem =
  | CalSem
  | { k: 'weekday'; iso: number; dir: Direction | 'bare'; weekRel?: number }
  | { k: 'relDay'; offset: number; following?: boolean }
  | { k: 'relUnit'; unit: UnitCode; offset: number; following?: boolean }
  | { k: 'weekend'; weekRel: number }
  | { k: 'ago'; unit: UnitCode; n: number }
  | { k: 'season'; code: string; y?: number; yRel?: number; dir?: Direction }
  | { k: 'quarter'; q: 'Q' | 'H'; n: number; y?: number; yRel?: number }
  | { k: 'decade'; decade: number; century?: number }
  | { k: 'century'; century?: number; rel?: number }
  | { k: 'holiday'; holiday: Holiday; y?: number }
  | {
      k: 'clock';
      /** 24-hour hour, and the hour as written (1–12) before the part of the day was applied. */
      h: number;
      raw?: number;
      min: number;
      sec?: number;
      part?: DayPart;
      tz?: string;
      date?: Sem;
    }
  | { k: 'dayPart'; part: DayPart; date: Sem }
  | { k: 'range'; from: Sem; to: Sem }
  | { k: 'duration'; value: string }
  | { k: 'set'; value: string }
  | { k: 'ref'; value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  | { k: 'anaphor'; gran: 'D' | 'W' | 'M' | 'Y' | 'any' };

/** A recognised expression: tokens [i, j), text offsets [start, end). */
export interface Candidate {
  i: number;
  j: number;
  start: number;
  end: number;
  sem: Sem;
  mod: Mod | null;
  /** Name of the rule that found it (for debugging and tests). */
  rule: string;
}
