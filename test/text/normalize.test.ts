import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  normalizeArabic,
  normalizeWithOffsets,
  originalSpan,
  stripMarks,
  stripMarksWithOffsets,
} from '../../src/text/normalize.js';
import { anyText } from './arbitraries.js';

describe('normalizeArabic', () => {
  const cases: [string, string, string][] = [
    ['strips harakat, shadda, tanwin', 'مُحَمَّدٌ', 'محمد'],
    ['strips superscript alef U+0670', 'هٰذا رحمٰن', 'هذا رحمن'],
    ['strips tatweel', 'بـ"الطابع" الـــخاص', 'ب"الطابع" الخاص'],
    ['folds hamza-seated alefs and wasla', 'أحمد إلى آخر ٱلله', 'احمد الي اخر الله'],
    ['alef maqsura → ya', 'مستشفى', 'مستشفي'],
    ['taa marbuta → ha', 'الجمهورية', 'الجمهوريه'],
    ['hamza on waw and ya', 'مؤتمر رئيس', 'موتمر رييس'],
    ['keeps bare hamza', 'سماء', 'سماء'],
    ['Persian kaf and ya', 'کی', 'كي'],
    ['Arabic-Indic digits', '٢٨ نوفمبر ٢٠٢٢', '28 نوفمبر 2022'],
    ['Persian digits', '۱۴۰۱', '1401'],
    ['decimal and thousands separators', '٣٫٥ و١٬٠٠٠', '3.5 و1,000'],
    ['Arabic comma, semicolon, question mark, percent', 'نعم، لا؛ لماذا؟ ٥٠٪', 'نعم, لا; لماذا? 50%'],
    ['quotes fold to ASCII', '«نعم» “yes” ‘y’', '"نعم" "yes" \'y\''],
    ['dashes fold to hyphen', 'روسي–كازاخستاني — 2022', 'روسي-كازاخستاني - 2022'],
    ['zero-width and bidi marks removed', '\u200fبوتين\u200e \u200bو\u200cقال\ufeff', 'بوتين وقال'],
    ['presentation forms via NFKC', 'ﺍﻟﺴﻼﻡ ﻻ', 'السلام لا'],
    ['lam-alef with hamza ligature', 'ﻷن', 'لان'],
    ['ligature expands', 'ﷺ', 'صلي الله عليه وسلم'],
    ['NBSP → space', 'a\u00a0b', 'a b'],
    ['Latin accents removed, precomposed or not', 'Pérez Pe\u0301rez', 'Perez Perez'],
    ['full-width Latin', 'ＡＦＰ', 'AFP'],
    ['ellipsis expands', 'قال…', 'قال...'],
    ['ASCII unchanged', 'AFP 2022, (Reuters).', 'AFP 2022, (Reuters).'],
    ['empty', '', ''],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('returns the same string object when nothing changes', () => {
    const s = 'روسيا وكازاخستان';
    expect(normalizeArabic(s)).toBe(s);
  });

  it('is idempotent on every BMP code unit', () => {
    const failures: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const once = normalizeArabic(String.fromCharCode(c));
      if (normalizeArabic(once) !== once) failures.push(`U+${c.toString(16)}`);
    }
    expect(failures).toEqual([]);
  });

  it('is idempotent and never throws (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalizeArabic(s);
        expect(normalizeArabic(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles long input', () => {
    const s = 'وَقَالَ «الرئيس» ١٢٣، '.repeat(20000);
    const n = normalizeArabic(s);
    expect(n.startsWith('وقال "الرييس" 123, ')).toBe(true);
    expect(n.length).toBe('وقال "الرييس" 123, '.length * 20000);
  });
});

describe('normalizeWithOffsets', () => {
  it('maps every normalised character back to its source', () => {
    const s = 'قالَ: «نعمٌ» ﻻ ١٠';
    const { text, toOriginal } = normalizeWithOffsets(s);
    expect(text).toBe('قال: "نعم" لا 10');
    expect(toOriginal.length).toBe(text.length + 1);
    expect(toOriginal[text.length]).toBe(s.length);
    expect(s[toOriginal[text.indexOf('نعم')]]).toBe('ن');
    // ﻻ (one code unit) produced two characters
    const la = text.indexOf('لا');
    expect(toOriginal[la]).toBe(toOriginal[la + 1]);
    expect(s[toOriginal[la]]).toBe('ﻻ');
  });

  it('offsets are valid, non-decreasing, and each source character normalises to what it produced (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const { text, toOriginal } = normalizeWithOffsets(s);
        expect(text).toBe(normalizeArabic(s));
        expect(toOriginal.length).toBe(text.length + 1);
        expect(toOriginal[text.length]).toBe(s.length);
        let i = 0;
        while (i < text.length) {
          const o = toOriginal[i];
          expect(o).toBeGreaterThanOrEqual(0);
          expect(o).toBeLessThan(s.length);
          if (i > 0) expect(o).toBeGreaterThanOrEqual(toOriginal[i - 1]);
          let j = i;
          while (j < text.length && toOriginal[j] === o) j++;
          const c = s.charCodeAt(o);
          const pair =
            c >= 0xd800 &&
            c <= 0xdbff &&
            o + 1 < s.length &&
            s.charCodeAt(o + 1) >= 0xdc00 &&
            s.charCodeAt(o + 1) <= 0xdfff;
          // a surrogate pair kept as is maps unit to unit
          if (pair && j < text.length && toOriginal[j] === o + 1) j++;
          expect(normalizeArabic(s.slice(o, o + (pair ? 2 : 1)))).toBe(text.slice(i, j));
          i = j;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('originalSpan', () => {
  it('maps a match in the normalised text to the span as written, diacritics included', () => {
    const s = 'قال الرئيسُ الروسيّ فلاديمير بوتين\u200f.';
    const n = normalizeWithOffsets(s);
    const a = n.text.indexOf('الروسي');
    const span = originalSpan(s, n.toOriginal, a, a + 'الروسي'.length);
    expect(s.slice(span.start, span.end)).toBe('الروسيّ');
    const b = n.text.indexOf('بوتين');
    const span2 = originalSpan(s, n.toOriginal, b, b + 5);
    expect(s.slice(span2.start, span2.end)).toBe('بوتين'); // the trailing RLM is not swallowed
  });

  it('maps an empty span to an empty span', () => {
    const s = 'أبو ظبي';
    const n = normalizeWithOffsets(s);
    expect(originalSpan(s, n.toOriginal, 2, 2)).toEqual({ start: 2, end: 2 });
  });

  it('returns valid spans whose normalisation contains the normalised span (property)', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (s, x, y) => {
        const n = normalizeWithOffsets(s);
        const a = n.text.length === 0 ? 0 : x % (n.text.length + 1);
        const b = a + (n.text.length - a === 0 ? 0 : y % (n.text.length - a + 1));
        const span = originalSpan(s, n.toOriginal, a, b);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeGreaterThanOrEqual(span.start);
        expect(span.end).toBeLessThanOrEqual(s.length);
        expect(normalizeArabic(s.slice(span.start, span.end))).toContain(n.text.slice(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stripMarks', () => {
  it('removes diacritics, tatweel and invisibles but keeps letters as written', () => {
    expect(stripMarks('إِلَى الـمَدْرَسَةِ\u200f')).toBe('إلى المدرسة');
    expect(stripMarks('ﻷن')).toBe('لأن');
  });

  it('is idempotent with valid offsets (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const { text, toOriginal } = stripMarksWithOffsets(s);
        expect(stripMarks(text)).toBe(text);
        expect(text).toBe(stripMarks(s));
        expect(toOriginal.length).toBe(text.length + 1);
        expect(toOriginal[text.length]).toBe(s.length);
      }),
      { numRuns: 1000 },
    );
  });
});
