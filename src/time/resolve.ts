// Resolution: a recognised expression (`Sem`) → a TIMEX3 value, against the reference date (the
// article's publication date) with the news reading: bare weekdays and months are the most recent
// ones on or before the reference unless the clause speaks of the future.
import type { Timex } from '../analysis/types.js';
import {
  addDays,
  addMonths,
  dayDiff,
  daysInMonth,
  fmtClock,
  fmtDay,
  fmtMonth,
  fmtWeek,
  fmtYear,
  gregorianFromHijri,
  hijriFromGregorian,
  hijriSpan,
  isValidDay,
  isoWeekday,
  mondayOf,
  westernEaster,
  type YMD,
} from './calendar.js';
import type { CalSem, Direction, Sem } from './semantics.js';

export interface Resolution {
  type: Timex['type'];
  value: string;
  anchor?: NonNullable<Timex['anchor']>;
}

export interface ResolveContext {
  /** The reference (publication) day, or null when unknown. */
  ref: YMD | null;
  /** The clause around the expression speaks of the future. */
  future: boolean;
  /** Values of the earlier DATE/TIME expressions of the text, oldest first (for anaphora). */
  history: readonly string[];
  /** The subset of `history` that names the present (اليوم، هذا الشهر): «آنذاك» never points back to it. */
  present?: ReadonlySet<string>;
}

type Anchor = NonNullable<Timex['anchor']>;

/** A DATE resolution with the day it names, when it names one (for clocks and parts of the day). */
interface DateResolution {
  value: string;
  anchor: Anchor;
  day: YMD | null;
}

const PLACEHOLDER_REL = (offset: number): string =>
  offset < 0 ? 'PAST_REF' : offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF';
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A day and month without a year this close ahead of the publication date are the coming ones
 * («يقرر في 12 مايو»): past dates of the previous year are almost always written with their year.
 */
const UPCOMING_DAYS = 60;

/** Which year a month (and day) without a year falls in, read from the reference day. */
export function inferYear(m: number, d: number | null, ref: YMD, dir: Direction | undefined, future: boolean): number {
  const before = m < ref.m || (m === ref.m && d !== null && d < ref.d);
  const after = m > ref.m || (m === ref.m && d !== null && d > ref.d);
  switch (dir) {
    case 'past':
      return before ? ref.y : ref.y - 1;
    case 'future':
    case 'following':
      return after ? ref.y : ref.y + 1;
    case 'current':
      return ref.y;
    default:
      if (future) return before ? ref.y + 1 : ref.y;
      if (!after) return ref.y;
      // Days ahead of the reference in its own year: upcoming when close, else last year's.
      if (d !== null && isValidDay(ref.y, m, d) && dayDiff({ y: ref.y, m, d }, ref) <= UPCOMING_DAYS) return ref.y;
      return ref.y - 1;
  }
}

/** The n-th (or last, n = -1) ISO weekday of a month. */
function nthWeekday(y: number, m: number, iso: number, n: number): YMD | null {
  if (n === -1) {
    const last = { y, m, d: daysInMonth(y, m) };
    return addDays(last, -((isoWeekday(last) - iso + 7) % 7));
  }
  const first = { y, m, d: 1 };
  const day = addDays(first, ((iso - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
  return day.m === m ? day : null;
}

/** First (1) or last (-1) Monday-to-Sunday week lying inside the month. */
function weekOfMonth(y: number, m: number, which: number): string {
  if (which === 1) {
    const first = { y, m, d: 1 };
    return fmtWeek(addDays(first, (1 - isoWeekday(first) + 7) % 7));
  }
  const last = { y, m, d: daysInMonth(y, m) };
  return fmtWeek(addDays(last, -(isoWeekday(last) % 7)));
}

/** The day the most recent earlier expression names, if it names one (for «اليوم التالي»). */
function antecedentDay(history: readonly string[]): YMD | null {
  for (let k = history.length - 1; k >= 0; k--) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(history[k]);
    if (m) return { y: +m[1], m: +m[2], d: +m[3] };
  }
  return null;
}

function resolveCal(c: CalSem, ctx: ResolveContext): DateResolution | null {
  if (c.hijri) return resolveHijri(c, ctx);
  const { ref } = ctx;
  let anchor: Anchor = 'absolute';
  let y = c.y;
  let m = c.m;
  if (y === undefined && c.yRel !== undefined) {
    if (!ref)
      return m === undefined
        ? { value: PLACEHOLDER_REL(c.yRel), anchor: 'published', day: null }
        : { value: `XXXX-${pad2(m)}${c.d ? '-' + pad2(c.d) : ''}`, anchor: 'published', day: null };
    y = ref.y + c.yRel;
    anchor = 'published';
  }
  if (m === undefined && c.mRel !== undefined) {
    if (!ref) return null;
    const mm = addMonths(ref.y, ref.m, c.mRel);
    m = mm.m;
    y ??= mm.y;
    anchor = 'published';
  }
  if (m === undefined) {
    if (y === undefined) return null;
    return { value: fmtYear(y), anchor, day: null };
  }
  if (y === undefined) {
    anchor = 'published';
    if (!ref) return { value: `XXXX-${pad2(m)}${c.d ? '-' + pad2(c.d) : ''}`, anchor, day: null };
    y = inferYear(m, c.d ?? null, ref, c.dir, ctx.future);
  }
  if (c.nth) {
    // «الثلاثاء الثالث من أيلول»: the 3rd of September if that is a Tuesday, else the third Tuesday.
    if (c.d !== undefined && isValidDay(y, m, c.d) && isoWeekday({ y, m, d: c.d }) === c.nth.iso) {
      const day = { y, m, d: c.d };
      return { value: fmtDay(day), anchor, day };
    }
    const day = nthWeekday(y, m, c.nth.iso, c.nth.n);
    return day ? { value: fmtDay(day), anchor, day } : null;
  }
  if (c.weekOfMonth) return { value: weekOfMonth(y, m, c.weekOfMonth), anchor, day: null };
  if (c.lastDay) {
    const day = { y, m, d: daysInMonth(y, m) };
    return { value: fmtDay(day), anchor, day };
  }
  if (c.d !== undefined) {
    if (!isValidDay(y, m, c.d)) return null;
    const day = { y, m, d: c.d };
    return { value: fmtDay(day), anchor, day };
  }
  return { value: fmtMonth(y, m), anchor, day: null };
}

/** The Hijri year whose month m (day d) falls in Gregorian year gy. */
function hijriYearInGregorian(gy: number, m: number, d: number): number | null {
  const h1 = hijriFromGregorian({ y: gy, m: 1, d: 1 }).y;
  for (const hy of [h1, h1 + 1]) {
    const g = gregorianFromHijri({ y: hy, m, d });
    if (g && g.y === gy) return hy;
  }
  return null;
}

const spanValue = (s: { first: YMD; last: YMD }): string => `${fmtDay(s.first)}/${fmtDay(s.last)}`;

function resolveHijri(c: CalSem, ctx: ResolveContext): DateResolution | null {
  const { ref } = ctx;
  if (c.m === undefined) {
    if (c.y === undefined) return null;
    const s = hijriSpan(c.y);
    return s ? { value: spanValue(s), anchor: 'absolute', day: null } : null;
  }
  let hy: number | null;
  let anchor: Anchor = 'absolute';
  if (c.y !== undefined && c.hijriYear) hy = c.y;
  else if (c.y !== undefined || c.yRel !== undefined) {
    // «رمضان 2019»: the Ramadan that falls in Gregorian 2019.
    if (c.y === undefined && !ref) return null;
    const gy = c.y ?? (ref as YMD).y + (c.yRel as number);
    if (c.y === undefined) anchor = 'published';
    hy = hijriYearInGregorian(gy, c.m, c.d ?? 1);
  } else {
    if (!ref) return null;
    const hr = hijriFromGregorian(ref);
    hy = inferYear(c.m, c.d ?? null, { y: hr.y, m: hr.m, d: hr.d }, c.dir, ctx.future);
    anchor = 'published';
  }
  if (hy === null) return null;
  if (c.d !== undefined) {
    const day = gregorianFromHijri({ y: hy, m: c.m, d: c.d });
    return day ? { value: fmtDay(day), anchor, day } : null;
  }
  const s = hijriSpan(hy, c.m);
  return s ? { value: spanValue(s), anchor, day: null } : null;
}

function resolveWeekday(
  iso: number,
  dir: Direction | 'bare',
  weekRel: number | undefined,
  ctx: ResolveContext,
): DateResolution {
  const { ref } = ctx;
  if (!ref) return { value: `XXXX-WXX-${iso}`, anchor: 'published', day: null };
  let day: YMD;
  let anchor: Anchor = 'published';
  const wd = isoWeekday(ref);
  if (weekRel !== undefined) day = addDays(mondayOf(ref), 7 * weekRel + iso - 1);
  else {
    switch (dir) {
      case 'past':
        day = addDays(ref, -((wd - iso + 7) % 7 || 7));
        break;
      case 'future':
        day = addDays(ref, (iso - wd + 7) % 7 || 7);
        break;
      case 'current':
        day = addDays(mondayOf(ref), iso - 1);
        break;
      case 'following': {
        // «الاثنين التالي»: the next such day after the day last spoken of.
        const base = antecedentDay(ctx.history) ?? ref;
        if (antecedentDay(ctx.history)) anchor = 'previous';
        day = addDays(base, (iso - isoWeekday(base) + 7) % 7 || 7);
        break;
      }
      default:
        // News reading: the most recent such day, the reference day itself included.
        day = ctx.future ? addDays(ref, (iso - wd + 7) % 7) : addDays(ref, -((wd - iso + 7) % 7));
    }
  }
  return { value: fmtDay(day), anchor, day };
}

const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function seasonYear(code: string, ref: YMD, dir: Direction | undefined): number {
  const start = SEASON_START[code] ?? 1;
  // The season of year y runs from month `start` of y for three months.
  const contains = (y: number) => {
    const idx = ref.y * 12 + ref.m - (y * 12 + start);
    return idx >= 0 && idx < 3;
  };
  const startsAfter = (y: number) => y * 12 + start > ref.y * 12 + ref.m;
  let y = ref.y;
  if (dir === 'future') {
    if (!startsAfter(y)) y++;
    return y;
  }
  if (dir === 'current') return contains(y - 1) ? y - 1 : y;
  while (startsAfter(y) || contains(y)) y--;
  return y;
}

/** Resolves the date side of an expression (for DATE values and the day of clocks). */
function resolveDate(sem: Sem, ctx: ResolveContext): DateResolution | null {
  const { ref } = ctx;
  switch (sem.k) {
    case 'cal':
      return resolveCal(sem, ctx);
    case 'weekday':
      return resolveWeekday(sem.iso, sem.dir, sem.weekRel, ctx);
    case 'relDay': {
      const prev = sem.following ? antecedentDay(ctx.history) : null;
      const base = prev ?? ref;
      if (!base) return { value: PLACEHOLDER_REL(sem.offset), anchor: 'published', day: null };
      const day = addDays(base, sem.offset);
      return { value: fmtDay(day), anchor: prev ? 'previous' : 'published', day };
    }
    case 'relUnit': {
      const prev = sem.following ? antecedentDay(ctx.history) : null;
      const base = prev ?? ref;
      if (!base) return { value: PLACEHOLDER_REL(sem.offset), anchor: 'published', day: null };
      const anchor: Anchor = prev ? 'previous' : 'published';
      switch (sem.unit) {
        case 'D': {
          const day = addDays(base, sem.offset);
          return { value: fmtDay(day), anchor, day };
        }
        case 'W':
          return { value: fmtWeek(addDays(base, 7 * sem.offset)), anchor, day: null };
        case 'M': {
          const mm = addMonths(base.y, base.m, sem.offset);
          return { value: fmtMonth(mm.y, mm.m), anchor, day: null };
        }
        case 'Y':
          return { value: fmtYear(base.y + sem.offset), anchor, day: null };
        case 'DE':
          return { value: String(Math.floor(base.y / 10) + sem.offset), anchor, day: null };
        case 'CE':
          return { value: pad2(Math.floor(base.y / 100) + sem.offset), anchor, day: null };
        default:
          return null;
      }
    }
    case 'weekend': {
      if (!ref) return { value: PLACEHOLDER_REL(sem.weekRel), anchor: 'published', day: null };
      return { value: `${fmtWeek(addDays(ref, 7 * sem.weekRel))}-WE`, anchor: 'published', day: null };
    }
    case 'ago': {
      if (!ref) return { value: 'PAST_REF', anchor: 'published', day: null };
      const n = sem.n;
      const whole = Math.round(n);
      switch (sem.unit) {
        case 'D':
        case 'W': {
          const day = addDays(ref, -Math.round(n * (sem.unit === 'W' ? 7 : 1)));
          return { value: fmtDay(day), anchor: 'published', day };
        }
        case 'M': {
          const mm = addMonths(ref.y, ref.m, -whole);
          return { value: fmtMonth(mm.y, mm.m), anchor: 'published', day: null };
        }
        case 'Y':
          return { value: fmtYear(ref.y - whole), anchor: 'published', day: null };
        case 'DE':
          return { value: fmtYear(ref.y - 10 * whole), anchor: 'published', day: null };
        case 'CE':
          return { value: fmtYear(ref.y - 100 * whole), anchor: 'published', day: null };
        default:
          return { value: fmtDay(ref), anchor: 'published', day: ref };
      }
    }
    case 'season': {
      let y = sem.y;
      if (y === undefined && sem.yRel !== undefined && ref) y = ref.y + sem.yRel;
      if (y === undefined) {
        if (!ref) return { value: `XXXX-${sem.code}`, anchor: 'published', day: null };
        y = seasonYear(sem.code, ref, sem.dir);
      }
      return { value: `${fmtYear(y)}-${sem.code}`, anchor: sem.y !== undefined ? 'absolute' : 'published', day: null };
    }
    case 'quarter': {
      const y = sem.y ?? (ref && sem.yRel !== undefined ? ref.y + sem.yRel : undefined);
      if (y === undefined) return { value: `XXXX-${sem.q}${sem.n}`, anchor: 'published', day: null };
      return {
        value: `${fmtYear(y)}-${sem.q}${sem.n}`,
        anchor: sem.y !== undefined ? 'absolute' : 'published',
        day: null,
      };
    }
    case 'decade': {
      // «الثمانينيات» without a century are those of the twentieth.
      const century = sem.century ?? 19;
      return { value: `${pad2(century)}${sem.decade}`, anchor: 'absolute', day: null };
    }
    case 'century': {
      if (sem.century !== undefined) return { value: pad2(sem.century), anchor: 'absolute', day: null };
      if (!ref) return { value: PLACEHOLDER_REL(sem.rel ?? 0), anchor: 'published', day: null };
      return { value: pad2(Math.floor(ref.y / 100) + (sem.rel ?? 0)), anchor: 'published', day: null };
    }
    case 'holiday':
      return resolveHoliday(sem.holiday, sem.y, ctx);
    default:
      return null;
  }
}

function resolveHoliday(
  h: { calendar: string; month: number; day: number },
  y: number | undefined,
  ctx: ResolveContext,
): DateResolution | null {
  const { ref } = ctx;
  if (h.calendar === 'hijri')
    return resolveHijri({ k: 'cal', m: h.month, d: h.day, hijri: true, ...(y !== undefined ? { y } : {}) }, ctx);
  if (h.calendar === 'easter') {
    let year = y;
    if (year === undefined) {
      if (!ref) return null;
      const e = westernEaster(ref.y);
      const after = fmtDay(e) > fmtDay(ref);
      const before = fmtDay(e) < fmtDay(ref);
      year = ctx.future ? (before ? ref.y + 1 : ref.y) : after ? ref.y - 1 : ref.y;
    }
    const day = westernEaster(year);
    return { value: fmtDay(day), anchor: y !== undefined ? 'absolute' : 'published', day };
  }
  return resolveCal({ k: 'cal', m: h.month, d: h.day, ...(y !== undefined ? { y } : {}) }, ctx);
}

/** The first value of the history at the granularity an anaphor asks for. */
function resolveAnaphor(
  gran: 'D' | 'W' | 'M' | 'Y' | 'any',
  history: readonly string[],
  present: ReadonlySet<string>,
): string | null {
  for (let k = history.length - 1; k >= 0; k--) {
    const v = history[k];
    if (gran === 'any') {
      if (present.has(v)) continue;
      return v;
    }
    const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    const month = /^(\d{4})-(\d{2})(?![\d-])|^(\d{4})-(\d{2})-\d{2}/.exec(v);
    switch (gran) {
      case 'D':
        if (day) return day[0];
        break;
      case 'W':
        if (day) return fmtWeek({ y: +day[1], m: +day[2], d: +day[3] });
        if (/^\d{4}-W\d{2}/.test(v)) return v.slice(0, 8);
        break;
      case 'M':
        if (month) return v.slice(0, 7);
        break;
      case 'Y':
        if (/^\d{4}/.test(v)) return v.slice(0, 4);
        break;
    }
  }
  return null;
}

/**
 * The TIMEX3 type and value of an expression, or null when it cannot be given one (an anaphor with
 * nothing before it, a Hijri month without any year and no reference date, an impossible date).
 */
export function resolve(sem: Sem, ctx: ResolveContext): Resolution | null {
  switch (sem.k) {
    case 'duration':
      return { type: 'DURATION', value: sem.value };
    case 'set':
      return { type: 'SET', value: sem.value };
    case 'ref':
      return { type: 'DATE', value: sem.value, anchor: 'published' };
    case 'anaphor': {
      const v = resolveAnaphor(sem.gran, ctx.history, ctx.present ?? new Set());
      return v ? { type: /T/.test(v) ? 'TIME' : 'DATE', value: v, anchor: 'previous' } : null;
    }
    case 'clock': {
      let day: YMD | null = ctx.ref;
      let anchor: Anchor = 'published';
      if (sem.date) {
        const d = resolveDate(sem.date, ctx);
        if (!d) return null;
        day = d.day;
        anchor = d.anchor;
        if (!day) return null;
      }
      const clock = fmtClock(sem.h, sem.min, sem.sec) + (sem.tz ?? '');
      return { type: 'TIME', value: `${day ? fmtDay(day) : 'XXXX-XX-XX'}T${clock}`, anchor };
    }
    case 'dayPart': {
      const d = resolveDate(sem.date, ctx);
      if (!d) return null;
      return { type: 'TIME', value: `${d.day ? fmtDay(d.day) : d.value}T${sem.part}`, anchor: d.anchor };
    }
    case 'range': {
      const a = resolve(sem.from, ctx);
      const b = resolve(sem.to, ctx);
      if (!a || !b) return null;
      const anchor: Anchor = a.anchor === 'absolute' && b.anchor === 'absolute' ? 'absolute' : 'published';
      return { type: a.type === 'TIME' ? 'TIME' : 'DATE', value: `${a.value}/${b.value}`, anchor };
    }
    default: {
      const d = resolveDate(sem, ctx);
      return d ? { type: 'DATE', value: d.value, anchor: d.anchor } : null;
    }
  }
}
