import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../../src/text/tokenize.js';
import { anyText } from './arbitraries.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);
const kinds = (s: string) => tokenize(s).map((t) => `${t.text}/${t.kind}`);

describe('tokenize', () => {
  it('splits Arabic words, punctuation and numbers with offsets', () => {
    const s = 'أظهر الرئيس الروسي، الاثنين.';
    const toks = tokenize(s);
    expect(toks.map((t) => t.text)).toEqual(['أظهر', 'الرئيس', 'الروسي', '،', 'الاثنين', '.']);
    for (const t of toks) expect(s.slice(t.start, t.end)).toBe(t.text);
    expect(toks[3].kind).toBe('punct');
  });

  it('keeps diacritics and tatweel inside their word', () => {
    expect(kinds('مُحَمَّدٌ الـــرئيس')).toEqual(['مُحَمَّدٌ/arabic', 'الـــرئيس/arabic']);
    expect(texts('هٰذا')).toEqual(['هٰذا']);
  });

  it('keeps «بـ» (ba + tatweel) before a quote as a word token', () => {
    expect(kinds('متعهداً بـ"بذل كل ما في وسعه"')).toEqual([
      'متعهداً/arabic',
      'بـ/arabic',
      '"/punct',
      'بذل/arabic',
      'كل/arabic',
      'ما/arabic',
      'في/arabic',
      'وسعه/arabic',
      '"/punct',
    ]);
    expect(texts('بـ «الطابع الخاص»')).toEqual(['بـ', '«', 'الطابع', 'الخاص', '»']);
  });

  it('reads numbers with decimal and thousands separators, in any digits', () => {
    expect(kinds('3.5 ١٬٠٠٠ ٣٫٥ 1,000,000 ۱۴۰۱')).toEqual([
      '3.5/number',
      '١٬٠٠٠/number',
      '٣٫٥/number',
      '1,000,000/number',
      '۱۴۰۱/number',
    ]);
  });

  it('does not take a separator that is not between digits', () => {
    expect(texts('عام 2022. وفي 28، قال')).toEqual(['عام', '2022', '.', 'وفي', '28', '،', 'قال']);
    expect(texts('50%')).toEqual(['50', '%']);
  });

  it('separates a number from a glued Arabic letter', () => {
    expect(kinds('2022م')).toEqual(['2022/number', 'م/arabic']);
  });

  it('reads Latin words, with digits after letters and inner apostrophes', () => {
    expect(kinds("AFP G20 O'Brien F-16")).toEqual([
      'AFP/latin',
      'G20/latin',
      "O'Brien/latin",
      'F/latin',
      '-/punct',
      '16/number',
    ]);
    expect(texts('"MBC مصر"')).toEqual(['"', 'MBC', 'مصر', '"']);
  });

  it('groups runs of the same punctuation mark', () => {
    expect(texts('وكازاخستان.. "شراكة" ؟! ...')).toEqual(['وكازاخستان', '..', '"', 'شراكة', '"', '؟', '!', '...']);
  });

  it('skips bidi and zero-width marks between words, keeps ZWNJ inside a word', () => {
    expect(texts('\u200fبوتين\u200e \u200bقال')).toEqual(['بوتين', 'قال']);
    expect(texts('می\u200cخواهم')).toEqual(['می\u200cخواهم']);
  });

  it('gives symbols and emoji their own tokens without splitting surrogate pairs', () => {
    expect(kinds('#عاصي_الحلاني 😀 $')).toEqual([
      '#/punct',
      'عاصي/arabic',
      '_/punct',
      'الحلاني/arabic',
      '😀/symbol',
      '$/symbol',
    ]);
  });

  it('classifies a lone tatweel as punctuation and stray marks as symbols', () => {
    expect(kinds('ـ \u064e')).toEqual(['ـ/punct', '\u064e/symbol']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t\u200f ')).toEqual([]);
  });

  it('offsets are valid, ordered, non-overlapping and never cut a surrogate pair (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const toks = tokenize(s);
        let last = 0;
        for (const t of toks) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(s.slice(t.start, t.end)).toBe(t.text);
          const first = s.charCodeAt(t.start);
          expect(
            first >= 0xdc00 &&
              first <= 0xdfff &&
              t.start > 0 &&
              s.charCodeAt(t.start - 1) >= 0xd800 &&
              s.charCodeAt(t.start - 1) <= 0xdbff,
          ).toBe(false);
          last = t.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('covers every visible character (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const covered = new Uint8Array(s.length);
        for (const t of tokenize(s)) covered.fill(1, t.start, t.end);
        for (let i = 0; i < s.length; i++) {
          if (!covered[i])
            expect(
              /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad\u180e\u034f\ufe00-\ufe0f]/u.test(
                s[i],
              ),
            ).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
