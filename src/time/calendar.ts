// Calendar arithmetic for the time layer: Gregorian days, ISO weeks, TIMEX3 formatting, the Hijri
// (Umm al-Qura) calendar both ways through Node's Intl, and Western Easter.

/** A Gregorian calendar day (month 1–12). */
export interface YMD {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export const toUtc = (x: YMD): number => Date.UTC(x.y, x.m - 1, x.d);

export function fromUtc(ms: number): YMD {
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export const addDays = (x: YMD, n: number): YMD => fromUtc(toUtc(x) + n * DAY_MS);

export const dayDiff = (a: YMD, b: YMD): number => Math.round((toUtc(a) - toUtc(b)) / DAY_MS);

/** Adds months to (y, m), returning the new year and month. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (((idx % 12) + 12) % 12) + 1 };
}

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const isValidDay = (y: number, m: number, d: number): boolean =>
  Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** ISO day of the week: Monday 1 … Sunday 7. */
export function isoWeekday(x: YMD): number {
  const w = new Date(toUtc(x)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(x: YMD): { year: number; week: number } {
  // The ISO week is the week of its Thursday.
  const thursday = addDays(x, 4 - isoWeekday(x));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { year: thursday.y, week: Math.floor(dayDiff(thursday, jan1) / 7) + 1 };
}

/** The Monday of the ISO week holding `x`. */
export const mondayOf = (x: YMD): YMD => addDays(x, 1 - isoWeekday(x));

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');
const padYear = (y: number): string => (y < 0 ? '-' : '') + pad(y, 4);

export const fmtDay = (x: YMD): string => `${padYear(x.y)}-${pad(x.m)}-${pad(x.d)}`;
export const fmtMonth = (y: number, m: number): string => `${padYear(y)}-${pad(m)}`;
export const fmtYear = (y: number): string => padYear(y);
export function fmtWeek(x: YMD): string {
  const w = isoWeek(x);
  return `${padYear(w.year)}-W${pad(w.week)}`;
}
export const fmtClock = (h: number, min: number, sec?: number): string =>
  `${pad(h)}:${pad(min)}${sec === undefined ? '' : `:${pad(sec)}`}`;

/** Reads the date part of an ISO date or datetime ("2022-11-28", "2022-11-28T10:00:00Z"). */
export function parseIsoDay(s: string | null | undefined): YMD | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) return null;
  const x = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidDay(x.y, x.m, x.d) ? x : null;
}

// ------------------------------------------------------------------ Hijri (Umm al-Qura)

/** A Hijri date (month 1 = Muharram … 12 = Dhu al-Hijja). */
export interface HijriDate {
  y: number;
  m: number;
  d: number;
}

let hijriFormat: Intl.DateTimeFormat | null = null;

/** The Umm al-Qura Hijri date of a Gregorian day (Intl, calendar islamic-umalqura). */
export function hijriFromGregorian(x: YMD): HijriDate {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const parts = hijriFormat.formatToParts(new Date(toUtc(x)));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/** Days from the Hijri epoch, a monotone key for comparing Hijri dates. */
const hijriOrdinal = (h: HijriDate): number => h.y * 400 + h.m * 32 + h.d;
/** The Julian calendar day 16 July 622 (1 Muharram AH 1), as a Gregorian-proleptic UTC time. */
const HIJRI_EPOCH_UTC = Date.UTC(622, 6, 19);
const MEAN_HIJRI_YEAR = 354.36667;
const MEAN_HIJRI_MONTH = 29.530589;

/**
 * The Gregorian day of a Hijri date, or null when that date does not exist (day 30 of a 29-day
 * month) or lies outside what Intl can convert. Inverse of hijriFromGregorian.
 */
export function gregorianFromHijri(h: HijriDate): YMD | null {
  if (!Number.isInteger(h.y) || h.m < 1 || h.m > 12 || h.d < 1 || h.d > 30 || h.y < 1 || h.y > 3000) return null;
  // Start from the arithmetic estimate, then walk with Intl until the Hijri date matches.
  const estimate = HIJRI_EPOCH_UTC + ((h.y - 1) * MEAN_HIJRI_YEAR + (h.m - 1) * MEAN_HIJRI_MONTH + (h.d - 1)) * DAY_MS;
  let x = fromUtc(Math.round(estimate / DAY_MS) * DAY_MS);
  const target = hijriOrdinal(h);
  for (let step = 0; step < 40; step++) {
    const cur = hijriFromGregorian(x);
    if (cur.y === h.y && cur.m === h.m && cur.d === h.d) return x;
    const diff = (h.y - cur.y) * 354 + (h.m - cur.m) * 29.5 + (h.d - cur.d);
    const move = Math.abs(diff) >= 2 ? Math.trunc(diff) : hijriOrdinal(cur) < target ? 1 : -1;
    const next = addDays(x, move);
    // When stepping by one day skips over the target, the date does not exist (e.g. 30th of a 29-day month).
    if (Math.abs(move) === 1) {
      const after = hijriFromGregorian(next);
      if (hijriOrdinal(cur) < target !== hijriOrdinal(after) < target && hijriOrdinal(after) !== target) return null;
    }
    x = next;
  }
  return null;
}

/** Length (29 or 30) of a Hijri month, or null when out of range. */
export function hijriMonthLength(y: number, m: number): number | null {
  const first = gregorianFromHijri({ y, m, d: 1 });
  if (!first) return null;
  return gregorianFromHijri({ y, m, d: 30 }) ? 30 : 29;
}

/** The Gregorian days spanned by a Hijri month or year. */
export function hijriSpan(y: number, m?: number): { first: YMD; last: YMD } | null {
  const first = gregorianFromHijri({ y, m: m ?? 1, d: 1 });
  const lastMonth = m ?? 12;
  const len = hijriMonthLength(y, lastMonth);
  if (!first || !len) return null;
  const last = gregorianFromHijri({ y, m: lastMonth, d: len });
  return last ? { first, last } : null;
}

// ------------------------------------------------------------------ Easter

/** Western (Gregorian) Easter Sunday: the anonymous Gregorian computus. */
export function westernEaster(y: number): YMD {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}
