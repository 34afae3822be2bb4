// Bad input never crashes or hangs: a clear InputError or a degraded result with warnings.
import { describe, it, expect } from 'vitest';
import { parseInput } from '../../src/page/index.js';
import { InputError } from '../../src/analysis/errors.js';
import { MAX_INPUT_CHARS } from '../../src/analysis/input.js';

const spansValid = (a: ReturnType<typeof parseInput>) => {
  for (const b of a.blocks) expect(a.text.slice(b.start, b.end).length).toBe(b.end - b.start);
  expect(a.blocks.map((b) => a.text.slice(b.start, b.end)).join('\n\n')).toBe(a.text);
};

describe('records that cannot be analysed: InputError', () => {
  it.each([
    [{}, /no text, html or body/],
    [{ text: 'a', body: 'b' }, /more than one/],
    [{ text: '' }, /text is empty/],
    [{ body: '   \n\t ' }, /body is empty/],
    [{ html: '' }, /html is empty/],
    [{ text: '\u0000\u0001\u0002\u0003binary\u0004\u0005\u0006\u0007\u0008' }, /binary/],
    [{ text: 'نص', published: 'yesterday' }, /not an ISO date/],
    [{ text: 'نص', published: '2022-02-30' }, /not an ISO date/],
    [{ text: 'x'.repeat(MAX_INPUT_CHARS + 1) }, /limit/],
  ])('%#: refuses with a message', (rec, msg) => {
    expect(() => parseInput(rec)).toThrow(InputError);
    expect(() => parseInput(rec)).toThrow(msg);
  });
});

describe('poor but analysable input: a degraded result', () => {
  it('a page with no Arabic comes out with a warning', () => {
    const a = parseInput({
      text: 'Breaking news headline\n\nThe government announced a new plan on Monday to expand renewable energy.',
    });
    expect(a.article.title).toBe('Breaking news headline');
    expect(a.article.paragraphs).toHaveLength(1);
    expect(a.warnings.join(' ')).toMatch(/no Arabic text/);
  });

  it('a page of debris only comes out empty with a warning', () => {
    const a = parseInput({ text: 'شارك\nفيسبوك تويتر\nجميع الحقوق محفوظة' });
    expect(a.article.paragraphs).toEqual([]);
    expect(a.warnings.join(' ')).toMatch(/no article paragraphs/);
    spansValid(a);
  });

  it('invalid UTF-16 (lone surrogates) and odd Unicode do not break anything', () => {
    const a = parseInput({ text: 'عنوان \ud800 الخبر\n\nنص \udc00 الخبر مع رموز ‏‎\u200f\u202e وأرقام ٣٤٥.' });
    spansValid(a);
  });

  it('5 MB of text is parsed (one huge line, and many lines)', () => {
    const line = 'قال المتحدث باسم الحكومة إن المفاوضات مستمرة منذ أسابيع، وإن الطرفين اقتربا من اتفاق. ';
    const huge = line.repeat(Math.floor((MAX_INPUT_CHARS - 100) / line.length));
    const one = parseInput({ text: huge });
    expect(one.article.paragraphs).toHaveLength(1);
    spansValid(one);
    const n = Math.floor((MAX_INPUT_CHARS - 100) / (line.length + 8));
    const many = parseInput({ text: Array.from({ length: n }, (_, i) => `${line}${i}.`).join('\n') });
    expect(many.article.paragraphs.length).toBeGreaterThan(0);
  });

  it('pathological lines (long runs of separators, brackets, dates, agency names) finish', () => {
    const lines = [
      'موسكو - '.repeat(20000),
      '('.repeat(50000) + 'رويترز',
      '28 نوفمبر '.repeat(20000) + '2022',
      '- AFP '.repeat(20000),
      'اقرأ أيضا '.repeat(20000),
      ' '.repeat(100000) + '.',
      '#'.repeat(100000),
      '| '.repeat(50000),
      'تصوير: '.repeat(20000),
    ];
    const a = parseInput({ text: 'عنوان الخبر\n\n' + lines.join('\n') });
    spansValid(a);
    const h = parseInput({
      html: `<html><body><article>${lines.map((l) => `<p>${l}</p>`).join('')}</article></body></html>`,
    });
    spansValid(h);
  });

  it('deeply nested and huge HTML is parsed', () => {
    const deep =
      '<div>'.repeat(2000) +
      '<p>نص عربي في عمق الصفحة يكفي ليكون فقرة حقيقية من الخبر المنشور.</p>' +
      '</div>'.repeat(2000);
    expect(parseInput({ html: `<html><body>${deep}</body></html>` }).article.paragraphs.length).toBeGreaterThan(0);
    const p = (i: number) => `<p>جملة عربية رقم ${i} من الخبر المنشور اليوم عن الاقتصاد والسياسة في المنطقة.</p>`;
    const big = parseInput({
      html: `<html><body><article>${Array.from({ length: 20000 }, (_, i) => p(i)).join('')}</article></body></html>`,
    });
    expect(big.article.paragraphs).toHaveLength(20000);
    expect(big.warnings.join(' ')).toMatch(/too large for the content finder/);
    const deeper = '<div>'.repeat(100_000) + '<p>نص عربي.</p>' + '</div>'.repeat(100_000);
    expect(() => parseInput({ html: `<html><body>${deeper}</body></html>` })).toThrow(/nested \d+ elements deep/);
  });
});
