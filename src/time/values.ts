// Small pure helpers of the time grammar: TIMEX3 duration values, 12/24-hour clocks, and how
// recognised pieces combine (a date with a clock time).
import type { DayPart, UnitCode } from './lexicon.js';
import type { CalSem, Sem } from './semantics.js';

export function validCal(c: CalSem): boolean {
  if (c.m !== undefined && (c.m < 1 || c.m > 12)) return false;
  if (c.d !== undefined && (c.d < 1 || c.d > 31)) return false;
  if (c.y !== undefined && c.m !== undefined && c.d !== undefined)
    return new Date(Date.UTC(c.y, c.m - 1, c.d)).getUTCDate() === c.d;
  return true;
}

/** The 24-hour hour for a 12-hour clock and a part of the day. */
export function to24(h: number, part: DayPart | undefined, am: boolean): number | null {
  if (h < 0 || h > 24) return null;
  if (h > 12) return h === 24 ? 0 : h;
  if (am || part === 'MO') return h === 12 ? 12 : h;
  switch (part) {
    case 'MI':
      return h === 12 || h >= 10 ? h : h + 12;
    case 'AF':
    case 'EV':
      return h === 12 ? 12 : h + 12;
    case 'NI':
      return h === 12 ? 0 : h >= 6 ? h + 12 : h;
    default:
      // No part of the day: news clock times from 1 to 5 are afternoon hours far more often than night ones.
      return h >= 1 && h <= 5 ? h + 12 : h;
  }
}

/** TIMEX3 duration value for n units (null: an unknown number, «PXY»). */
export function durationValue(unit: UnitCode, n: number | null): string {
  const scaled = (mult: number) => (n === null ? 'X' : fmtNum(n * mult));
  switch (unit) {
    case 'D':
      return `P${scaled(1)}D`;
    case 'W':
      return `P${scaled(1)}W`;
    case 'M':
      return `P${scaled(1)}M`;
    case 'Y':
      return `P${scaled(1)}Y`;
    // Decades and centuries are written in years so that values compare: «لعقود» → P10Y.
    case 'DE':
      return `P${n === null ? '10' : fmtNum(n * 10)}Y`;
    case 'CE':
      return `P${n === null ? '100' : fmtNum(n * 100)}Y`;
    case 'H':
      return `PT${scaled(1)}H`;
    case 'MIN':
      return `PT${scaled(1)}M`;
    case 'S':
      return `PT${scaled(1)}S`;
  }
}

const fmtNum = (x: number): string => (Number.isInteger(x) ? String(x) : String(+x.toFixed(3)));

export function isRangeEnd(s: Sem): boolean {
  return s.k === 'cal' || s.k === 'clock';
}
export function isClockish(s: Sem): boolean {
  return (s.k === 'clock' && !s.date) || (s.k === 'range' && s.from.k === 'clock' && !s.from.date);
}
export function isDayish(s: Sem): boolean {
  return (
    s.k === 'relDay' || s.k === 'weekday' || (s.k === 'cal' && s.d !== undefined) || (s.k === 'dayPart' && !!s.date)
  );
}
export function attachDate(clock: Sem, date: Sem): Sem | null {
  if (clock.k === 'range') {
    const from = attachDate(clock.from, date);
    const to = attachDate(clock.to, date);
    return from && to ? { k: 'range', from, to } : null;
  }
  if (clock.k !== 'clock') return null;
  if (date.k === 'dayPart') {
    // «الساعة العاشرة من صباح اليوم»: the part of the day after the clock sets its half of the day.
    const part = clock.part ?? date.part;
    const h = clock.part ? clock.h : to24(clock.raw ?? clock.h, part, false);
    return { ...clock, h: h ?? clock.h, part, date: date.date };
  }
  if (date.k === 'range') return null;
  return { ...clock, date };
}
