// Calendar arithmetic: ISO weeks at year ends, Hijri conversion both ways, Easter.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  fmtWeek,
  gregorianFromHijri,
  hijriFromGregorian,
  hijriMonthLength,
  hijriSpan,
  isoWeek,
  westernEaster,
  parseIsoDay,
} from '../../src/time/calendar.js';

describe('ISO weeks', () => {
  const cases: Array<[string, string]> = [
    ['2022-11-28', '2022-W48'],
    ['2023-01-01', '2022-W52'], // a Sunday belongs to the week of the previous Monday
    ['2023-01-02', '2023-W01'],
    ['2021-01-03', '2020-W53'], // 2020 had 53 ISO weeks
    ['2024-12-30', '2025-W01'], // a late-December Monday can open the next year's week 1
    ['2026-12-31', '2026-W53'],
  ];
  for (const [day, week] of cases) it(`${day} → ${week}`, () => expect(fmtWeek(parseIsoDay(day)!)).toBe(week));
  it('every week has 7 consecutive days with the same week number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), (n) => {
        const monday = addDays({ y: 1990, m: 1, d: 1 }, n * 7); // 1990-01-01 is a Monday
        const w = isoWeek(monday);
        for (let k = 1; k < 7; k++) expect(isoWeek(addDays(monday, k))).toEqual(w);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Hijri (Umm al-Qura)', () => {
  const cases: Array<[string, [number, number, number]]> = [
    ['2023-03-23', [1444, 9, 1]], // 1 Ramadan 1444
    ['2022-07-30', [1444, 1, 1]], // 1 Muharram 1444
    ['2019-05-06', [1440, 9, 1]],
    ['2023-04-21', [1444, 10, 1]], // Eid al-Fitr 1444
  ];
  for (const [day, [y, m, d]] of cases) {
    it(`${day} ↔ ${d}/${m}/${y}`, () => {
      expect(hijriFromGregorian(parseIsoDay(day)!)).toEqual({ y, m, d });
      expect(gregorianFromHijri({ y, m, d })).toEqual(parseIsoDay(day));
    });
  }
  it('converts back and forth without loss (1950–2070)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 * 366 }), (n) => {
        const g = addDays({ y: 1950, m: 1, d: 1 }, n);
        expect(gregorianFromHijri(hijriFromGregorian(g))).toEqual(g);
      }),
      { numRuns: 300 },
    );
  });
  it('a 30th day that does not exist is null', () => {
    for (let m = 1; m <= 12; m++) {
      const len = hijriMonthLength(1444, m);
      expect([29, 30]).toContain(len);
      expect(gregorianFromHijri({ y: 1444, m, d: 30 }) === null).toBe(len === 29);
    }
  });
  it('spans a Hijri year', () => {
    const s = hijriSpan(1444)!;
    expect([s.first, s.last]).toEqual([parseIsoDay('2022-07-30'), parseIsoDay('2023-07-18')]);
  });
  it('rejects impossible input', () => {
    expect(gregorianFromHijri({ y: 1444, m: 13, d: 1 })).toBeNull();
    expect(gregorianFromHijri({ y: 1444, m: 1, d: 0 })).toBeNull();
  });
});

describe('Easter', () => {
  const cases: Array<[number, string]> = [
    [2013, '2013-03-31'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
  ];
  for (const [y, day] of cases) it(`${y}`, () => expect(westernEaster(y)).toEqual(parseIsoDay(day)));
});
