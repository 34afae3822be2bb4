// The shared Arabic number parser (src/text/numbers.ts): digits, words, vague quantities, ordinals.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseArabicNumber, parseArabicOrdinal, parseDigits } from '../../src/text/numbers.js';

const words = (s: string) => s.split(' ');

describe('digits', () => {
  const cases: Array<[string, number | null]> = [
    ['193', 193],
    ['3.5', 3.5],
    ['1,500,000', 1500000],
    ['١٬٥٠٠', 1500],
    ['٣٫٥', 3.5],
    ['۱۲۳', 123],
    ['2,5', 2.5],
    ['1.500.000', 1500000],
    ['12a', null],
    ['', null],
  ];
  for (const [s, v] of cases) it(`«${s}» → ${v}`, () => expect(parseDigits(s)).toBe(v));
  it('reads any integer written with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseDigits(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });
  it('reads Arabic-Indic digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => {
        expect(parseDigits(n.toLocaleString('ar-EG', { useGrouping: false }))).toBe(n);
      }),
    );
  });
});

describe('number words', () => {
  const cases: Array<[string, number, number, number]> = [
    // text, low, high, words used
    ['ثلاثة آلاف شخص', 3000, 3000, 2],
    ['عشرات الآلاف من الروس', 10000, 99999, 2],
    ['مئات الآلاف', 100000, 999999, 2],
    ['آلاف المتظاهرين', 1000, 9999, 1],
    ['مئات', 100, 999, 1],
    ['بضعة آلاف', 3000, 9999, 2],
    ['بضع مئات', 300, 999, 2],
    ['3.5 مليون دولار', 3500000, 3500000, 2],
    ['خمسة وعشرون', 25, 25, 2],
    ['خمسة و عشرون', 25, 25, 3],
    ['مائة وخمسون ألفا', 150000, 150000, 3],
    ['ألف وخمسمائة', 1500, 1500, 2],
    ['خمسة ملايين وثلاثمائة ألف', 5300000, 5300000, 4],
    ['مليون ونصف', 1500000, 1500000, 2],
    ['نصف مليون', 500000, 500000, 2],
    ['ثلاثة أرباع', 0.75, 0.75, 2],
    ['أحد عشر ألفا', 11000, 11000, 3],
    ['إحدى عشرة', 11, 11, 2],
    ['مائتي ألف', 200000, 200000, 2],
    ['ألفين', 2000, 2000, 1],
    ['مليونين', 2000000, 2000000, 1],
    ['ثلاث مائة وعشرون', 320, 320, 3],
    ['عشرة آلاف', 10000, 10000, 2],
    ['عشرين ألف', 20000, 20000, 2],
    ['مليار دولار', 1e9, 1e9, 1],
    ['20 ألف', 20000, 20000, 2],
    ['3 ملايين', 3000000, 3000000, 2],
  ];
  for (const [s, low, high, consumed] of cases)
    it(s, () => expect(parseArabicNumber(words(s))).toMatchObject({ low, high, consumed }));
  it('ordinals and other words are not cardinals', () => {
    for (const s of ['الثاني', 'ثانية', 'الأولى', 'أحد', 'إحدى', 'الاثنين', 'دولة', 'و'])
      expect(parseArabicNumber([s]), s).toBeNull();
  });
  it('two numbers in digits joined by و stay two', () =>
    expect(parseArabicNumber(words('13 و15'))).toMatchObject({ low: 13, consumed: 1 }));
});

/** Writes n (1 … 999,999,999) in Modern Standard Arabic words, masculine, nominative. */
function inWords(n: number): string {
  const UNITS = ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة'];
  const TENS = ['', '', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
  const HUNDREDS = ['', 'مئة', 'مئتان', 'ثلاثمئة', 'أربعمئة', 'خمسمئة', 'ستمئة', 'سبعمئة', 'ثمانمئة', 'تسعمئة'];
  const below1000 = (x: number): string[] => {
    const parts: string[] = [];
    const h = Math.floor(x / 100);
    const r = x % 100;
    if (h) parts.push(HUNDREDS[h]);
    if (r === 0) return parts;
    if (r <= 10) parts.push(UNITS[r]);
    else if (r === 11) parts.push('أحد عشر');
    else if (r === 12) parts.push('اثنا عشر');
    else if (r < 20) parts.push(`${UNITS[r % 10]} عشر`);
    else parts.push(r % 10 ? `${UNITS[r % 10]} و${TENS[Math.floor(r / 10)]}` : TENS[Math.floor(r / 10)]);
    return parts;
  };
  const scaled = (x: number, one: string, two: string, plural: string): string[] => {
    if (x === 1) return [one];
    if (x === 2) return [two];
    if (x <= 10) return [`${below1000(x).join(' و')} ${plural}`];
    return [`${below1000(x).join(' و')} ${one}`];
  };
  const parts = [
    ...(Math.floor(n / 1e6) ? scaled(Math.floor(n / 1e6), 'مليون', 'مليونان', 'ملايين') : []),
    ...(Math.floor(n / 1000) % 1000 ? scaled(Math.floor(n / 1000) % 1000, 'ألف', 'ألفان', 'آلاف') : []),
    ...below1000(n % 1000),
  ];
  return parts.join(' و');
}

describe('words written by a generator read back', () => {
  it('every number below a billion, as words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 999_999_999 }), (n) => {
        const w = inWords(n).split(' ');
        expect(parseArabicNumber(w), inWords(n)).toMatchObject({ low: n, high: n, consumed: w.length });
      }),
      { numRuns: 500 },
    );
  });
  it('spot checks of the generator itself', () => {
    expect(inWords(25)).toBe('خمسة وعشرون');
    expect(inWords(3500)).toBe('ثلاثة آلاف وخمسمئة');
  });
});

describe('ordinals', () => {
  const cases: Array<[string, number, number]> = [
    ['الأول من', 1, 1],
    ['الثالث عشر', 13, 2],
    ['الثالثة عشرة', 13, 2],
    ['الحادي والعشرين', 21, 2],
    ['السادس والعشرين من', 26, 2],
    ['العشرون', 20, 1],
    ['ثالث يوم', 3, 1],
  ];
  for (const [s, value, consumed] of cases)
    it(s, () => expect(parseArabicOrdinal(words(s))).toMatchObject({ value, consumed }));
  it('«الحادي» alone is not an ordinal', () => expect(parseArabicOrdinal(['الحادي'])).toBeNull());
  it('cardinals are not ordinals', () => expect(parseArabicOrdinal(['ثلاثة'])).toBeNull());
});
