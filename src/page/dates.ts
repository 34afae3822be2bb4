// Calendar dates written in a page («28 نوفمبر 2022», «28 آب/اغسطس 2013», «28/11/2022»,
// «2022-11-28»), weekday words («الاثنين»), and date lines (a line that is only a date stamp).
// These give the publication date when neither the caller nor the page metadata does.
// Everything here works on the matching form (fold.ts): values only, no offsets.
import { foldForMatch, escapeRegExp } from './fold.js';
import { lexicon } from './lexicon.js';
import { MIN_PLAUSIBLE_YEAR, DATE_LINE_MAX_CHARS } from './settings.js';

export interface FoundDate {
  year: number;
  month: number;
  day: number;
  /** YYYY-MM-DD */
  iso: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

interface Compiled {
  dayMonthYear: RegExp;
  monthDayYear: RegExp;
  weekday: RegExp;
  hijri: RegExp;
  labels: RegExp;
}
let compiled: Compiled | null = null;

function patterns(): Compiled {
  if (compiled) return compiled;
  const lx = lexicon();
  const alt = (names: Iterable<string>) =>
    [...names]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
  const months = alt(lx.monthByName.keys());
  // A month name is a whole word; a second name after «/» or in brackets is the same month in
  // another calendar («آب/أغسطس», «تشرين الثاني (نوفمبر)»).
  const M = `(${months})(?!\\p{L})`;
  const DUAL = `(?:\\s*[/(]\\s*(?:${months})\\s*\\)?)?`;
  compiled = {
    dayMonthYear: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\s*(?:من\\s+)?${M}${DUAL}\\s*[،,]?\\s*(\\d{4})(?!\\d)`, 'giu'),
    monthDayYear: new RegExp(`(?<!\\p{L})${M}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})(?!\\d)`, 'giu'),
    weekday: new RegExp(`(?<!\\p{L})(${alt(lx.weekdayByName.keys())})(?!\\p{L})`, 'giu'),
    hijri: new RegExp(
      `(?<![\\p{L}\\d])\\d{1,2}\\s*(?:${alt(lx.hijriMonths)})(?!\\p{L})\\s*\\d{3,4}\\s*(?:هـ|ه)?(?!\\p{L})`,
      'giu',
    ),
    labels: new RegExp(`(?<!\\p{L})(?:${alt(lx.dateLabels)})(?!\\p{L})`, 'giu'),
  };
  return compiled;
}

const HAS_YEAR = /[0-9٠-٩۰-۹]{4}/;
const NUMERIC_DMY = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/g;
const NUMERIC_YMD = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g;

/** A valid calendar date within the plausible range, or null. */
export function makeDate(year: number, month: number, day: number, now = new Date()): FoundDate | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  if (year < MIN_PLAUSIBLE_YEAR || year > now.getUTCFullYear() + 1) return null;
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCMonth() !== month - 1) return null; // 31 April and the like
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, iso, weekday: t.getUTCDay() };
}

/** Every full date (day, month, year) written in `s`, in order of appearance. */
export function findDates(s: string): FoundDate[] {
  if (!HAS_YEAR.test(s)) return []; // every form read here has a four-digit year: a cheap first test
  const p = patterns();
  const lx = lexicon();
  const f = foldForMatch(s);
  const hits: Array<{ at: number; date: FoundDate }> = [];
  const push = (at: number, d: FoundDate | null) => {
    if (d) hits.push({ at, date: d });
  };
  for (const m of f.matchAll(p.dayMonthYear)) push(m.index, makeDate(+m[3], lx.monthByName.get(m[2]) ?? 0, +m[1]));
  for (const m of f.matchAll(p.monthDayYear)) push(m.index, makeDate(+m[3], lx.monthByName.get(m[1]) ?? 0, +m[2]));
  for (const m of f.matchAll(NUMERIC_YMD)) push(m.index, makeDate(+m[1], +m[2], +m[3]));
  for (const m of f.matchAll(NUMERIC_DMY)) push(m.index, makeDate(+m[3], +m[2], +m[1]));
  return hits.sort((a, b) => a.at - b.at).map((h) => h.date);
}

/** Weekdays named in `s` as words («الاثنين», «يوم الأحد», «اليوم (الاثنين)»): 0 = Sunday … 6. */
export function weekdaysIn(s: string): Set<number> {
  const p = patterns();
  const lx = lexicon();
  const out = new Set<number>();
  for (const m of foldForMatch(s).matchAll(p.weekday)) {
    const w = lx.weekdayByName.get(m[1]);
    if (w !== undefined) out.add(w);
  }
  return out;
}

/** If `line` is only a date stamp (dates, weekday, time, «آخر تحديث», GMT offset…), its first
 *  Gregorian date; otherwise null. «الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)». */
export function dateLineValue(line: string): FoundDate | null {
  if (line.length > DATE_LINE_MAX_CHARS) return null;
  const dates = findDates(line);
  if (dates.length === 0) return null;
  const p = patterns();
  const rest = foldForMatch(line)
    .replace(/\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?/g, ' ')
    .replace(p.dayMonthYear, ' ')
    .replace(p.monthDayYear, ' ')
    .replace(NUMERIC_YMD, ' ')
    .replace(NUMERIC_DMY, ' ')
    .replace(p.hijri, ' ')
    .replace(/(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)/g, ' ')
    .replace(/(?:gmt|utc)\s*[+-]?\s*\d{0,4}(?::\d{2})?/g, ' ')
    .replace(/[+-]\d{2}:?\d{2}/g, ' ')
    .replace(p.weekday, ' ')
    .replace(p.labels, ' ');
  return /[\p{L}\p{N}]/u.test(rest) ? null : dates[0];
}
