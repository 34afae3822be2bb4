// Property tests: on arbitrary strings the parser never throws anything but InputError, and every
// block and caption span is valid and traceable to the raw input.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseInput } from '../../src/page/index.js';
import { InputError } from '../../src/analysis/errors.js';
import type { Analysis } from '../../src/analysis/types.js';

// Pieces that exercise the rules: Arabic words, datelines, credits, debris, dates, markup.
const PIECES = [
  'موسكو-أ ف ب',
  'القاهرة - رويترز - ',
  '(د ب أ)',
  ' - AFP',
  ' (رويترز)',
  'تصوير: فلان',
  'Getty Images',
  'اقرأ أيضاً:',
  'تصنيفات',
  'شارك',
  'فيسبوك تويتر',
  'جميع الحقوق محفوظة',
  '©',
  'دقائق القراءة - 4',
  '28 نوفمبر 2022',
  'الاثنين',
  'آب/أغسطس',
  'قال الرئيس إن الاجتماع كان مثمراً.',
  'علاقاتنا بـ"طابع خاص"',
  '\n',
  '\n\n',
  ' ',
  '.',
  '،',
  '«',
  '»',
  '"',
  '-',
  '|',
  '#',
  'ـ',
  '\u00a0',
  '\u200f',
  '٢٠٢٢',
  '<p>',
  '</p>',
  '<h2>',
  '</h2>',
  '<br>',
  '<figcaption>',
  '</figcaption>',
  '<script>',
  '&amp;',
];
const pageLike = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })),
    { maxLength: 60 },
  )
  .map((xs) => xs.join(''));

function checkSpans(a: Analysis, raw: string | null): void {
  expect(a.blocks.map((b) => a.text.slice(b.start, b.end)).join('\n\n')).toBe(a.text);
  for (const b of a.blocks) {
    expect(b.start).toBeLessThanOrEqual(b.end);
    expect(b.end).toBeLessThanOrEqual(a.text.length);
    const t = a.text.slice(b.start, b.end);
    expect(t.length).toBeGreaterThan(0);
    if (raw !== null && b.rawStart !== null) expect(raw.slice(b.rawStart, b.rawStart + t.length)).toBe(t);
  }
  for (const c of a.article.captions) expect(a.text.slice(c.start, c.end)).toBe(c.text);
}

function parsesOrRefuses(rec: Parameters<typeof parseInput>[0], raw: string | null): void {
  let a: Analysis;
  try {
    a = parseInput(rec);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return;
  }
  checkSpans(a, raw);
}

describe('the page parser on arbitrary input', () => {
  it('text: never throws (but InputError), spans valid and traceable', () => {
    fc.assert(
      fc.property(pageLike, (s) => parsesOrRefuses({ text: s }, s)),
      { numRuns: 400 },
    );
  });
  it('body: never throws (but InputError), spans valid and traceable', () => {
    fc.assert(
      fc.property(pageLike, fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (s, title) =>
        parsesOrRefuses({ body: s, title }, s),
      ),
      { numRuns: 300 },
    );
  });
  it('html: never throws (but InputError), spans valid', () => {
    fc.assert(
      fc.property(pageLike, (s) => parsesOrRefuses({ html: s }, null)),
      { numRuns: 200 },
    );
  });
  it('fully random strings too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        parsesOrRefuses({ text: s }, s);
        parsesOrRefuses({ html: s }, null);
      }),
      { numRuns: 300 },
    );
  });
});
