import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_FEATURE_CONFIG, MAX_CHARS, extractFeatures, hashFeature } from '../../src/topics/features.js';

const norm2 = (v: Float32Array): number => v.reduce((a, x) => a + x * x, 0);
const same = (
  a: { indices: Int32Array; values: Float32Array },
  b: { indices: Int32Array; values: Float32Array },
): void => {
  expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
  expect(Array.from(a.values)).toEqual(Array.from(b.values));
};

describe('topic features', () => {
  const article = {
    title: 'ريال مدريد يفوز على برشلونة',
    body: 'فاز ريال مدريد على برشلونة بثلاثة أهداف في الدوري الإسباني.',
  };

  it('are deterministic: same article, same vector', () => {
    same(extractFeatures(article), extractFeatures({ ...article }));
  });

  it('hash a name the same way every time, and namespaces apart', () => {
    expect(hashFeature('w', 'مباراة')).toBe(hashFeature('w', 'مباراة'));
    expect(hashFeature('w', 'مباراة')).not.toBe(hashFeature('s', 'مباراة'));
  });

  it('give a unit-length vector with sorted, distinct bucket indices', () => {
    const x = extractFeatures(article);
    expect(norm2(x.values)).toBeCloseTo(1, 5);
    for (let i = 1; i < x.indices.length; i++) expect(x.indices[i]).toBeGreaterThan(x.indices[i - 1]);
    const buckets = 1 << DEFAULT_FEATURE_CONFIG.hashBits;
    for (const k of x.indices) expect(k >= 0 && k < buckets).toBe(true);
  });

  it('count Arabic words, not punctuation, numbers or one-letter clitics', () => {
    expect(extractFeatures({ body: 'قال الوزير: 25 و «نعم»!' }).arabicWords).toBe(3);
  });

  it('read spelling variants in matching form (diacritics, hamza seats, tatweel, Arabic-Indic digits)', () => {
    same(extractFeatures({ body: 'أَكَّدَ الرئيـــس ١٢' }), extractFeatures({ body: 'اكد الرئيس 12' }));
  });

  it('weigh title words above body words', () => {
    const asTitle = extractFeatures({ title: 'مباراة', body: 'الحكومة' });
    const asBody = extractFeatures({ title: 'الحكومة', body: 'مباراة' });
    const weightOf = (x: ReturnType<typeof extractFeatures>, word: string): number => {
      const k = hashFeature('w', word) & ((1 << DEFAULT_FEATURE_CONFIG.hashBits) - 1);
      return x.values[Array.from(x.indices).indexOf(k)];
    };
    expect(weightOf(asTitle, 'مباراه')).toBeGreaterThan(weightOf(asBody, 'مباراه'));
  });

  it('add word pairs only when bigrams are on, and stems only when stems are on', () => {
    const body = 'البنك المركزي يرفع أسعار الفائدة';
    const full = extractFeatures({ body });
    const noPairs = extractFeatures({ body }, { ...DEFAULT_FEATURE_CONFIG, bigrams: false });
    const noStems = extractFeatures({ body }, { ...DEFAULT_FEATURE_CONFIG, stems: false });
    expect(noPairs.indices.length).toBeLessThan(full.indices.length);
    expect(noStems.indices.length).toBeLessThan(full.indices.length);
  });

  it('give an empty vector for empty or absent text', () => {
    for (const input of [{}, { title: '', body: '' }, { title: null, body: null }, { body: '   \n' }]) {
      const x = extractFeatures(input);
      expect(x.indices.length).toBe(0);
      expect(x.arabicWords).toBe(0);
    }
  });

  it('read only the first MAX_CHARS of a huge text', () => {
    const word = 'اقتصاد ';
    const huge = word.repeat(Math.ceil((MAX_CHARS * 3) / word.length));
    expect(extractFeatures({ body: huge }).arabicWords).toBeLessThanOrEqual(Math.ceil(MAX_CHARS / word.length));
  });

  it('never throw, and stay finite and of length ≤ 1, on arbitrary text', () => {
    const arabicish = fc
      .array(
        fc.constantFrom(
          'ال',
          'مباراة',
          'بـ',
          'ـ',
          '\u064b',
          'ى',
          'ة',
          '١',
          '3.5',
          '-',
          '/',
          '«',
          '؟',
          ' ',
          '\n',
          '\u200f',
          '😀',
          '\ud83d',
          'Z',
        ),
        { maxLength: 40 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.oneof(arabicish, fc.string({ unit: 'binary', maxLength: 60 })),
        fc.option(fc.string()),
        (body, title) => {
          const x = extractFeatures({ title, body });
          for (const v of x.values) expect(Number.isFinite(v)).toBe(true);
          expect(norm2(x.values)).toBeLessThanOrEqual(1 + 1e-5);
        },
      ),
      { numRuns: 300 },
    );
  });
});
