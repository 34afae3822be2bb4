import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { emptyArticle, newAnalysis } from '../../src/analysis/create.js';
import type { Analysis } from '../../src/analysis/types.js';
import { parseInput } from '../../src/page/index.js';
import { normalizeArabic } from '../../src/text/normalize.js';
import { textStage } from '../../src/text/stage.js';
import { anyText } from './arbitraries.js';

const opts = { referenceDate: null };
const run = (text: string) => textStage.run(newAnalysis(null, text, 'body', emptyArticle()), opts);

/** Every invariant the later stages rely on. */
function checkLayers(doc: Analysis): void {
  const { text, tokens, sentences } = doc;
  sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.end).toBeGreaterThan(s.start);
    expect(text.slice(s.start, s.end)).not.toMatch(/\n/);
    if (i > 0) {
      expect(s.start).toBeGreaterThanOrEqual(sentences[i - 1].end);
      expect(s.tokenStart).toBe(sentences[i - 1].tokenEnd);
    } else expect(s.tokenStart).toBe(0);
    for (let t = s.tokenStart; t < s.tokenEnd; t++) expect(tokens[t].sentence).toBe(i);
  });
  if (sentences.length > 0) expect(sentences[sentences.length - 1].tokenEnd).toBe(tokens.length);
  tokens.forEach((t, i) => {
    expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(t.norm).toBe(normalizeArabic(t.text));
    if (i > 0) expect(t.start).toBeGreaterThanOrEqual(tokens[i - 1].end);
    const s = sentences[t.sentence];
    expect(t.start).toBeGreaterThanOrEqual(s.start);
    expect(t.end).toBeLessThanOrEqual(s.end);
  });
}

describe('textStage', () => {
  it('fills tokens and sentences, with norm and sentence indices', () => {
    const doc = run('قال الرئيسُ: «نعم». وأضاف بـ"الطابع الخاص" ١٢٣.');
    checkLayers(doc);
    expect(doc.sentences).toHaveLength(2);
    const ba = doc.tokens.find((t) => t.text === 'بـ');
    expect(ba).toMatchObject({ kind: 'arabic', norm: 'ب', sentence: 1 });
    expect(doc.tokens.find((t) => t.text === 'الرئيسُ')?.norm).toBe('الرييس');
    expect(doc.tokens.find((t) => t.kind === 'number')?.norm).toBe('123');
  });

  it('is pure: returns a new Analysis and leaves the input alone', () => {
    const input = newAnalysis(null, 'نص قصير.', 'body', emptyArticle());
    const out = textStage.run(input, opts);
    expect(out).not.toBe(input);
    expect(input.tokens).toEqual([]);
    expect(input.sentences).toEqual([]);
    expect(out.text).toBe(input.text);
  });

  it('handles empty text', () => {
    const doc = run('');
    expect(doc.tokens).toEqual([]);
    expect(doc.sentences).toEqual([]);
  });

  it('keeps the layers consistent on any input (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => checkLayers(run(s))),
      { numRuns: 1000 },
    );
  });
});

const SEED = new URL('../../examples/seed-article.txt', import.meta.url);
describe.skipIf(!existsSync(SEED))('textStage on the seed article (examples/seed-article.txt)', () => {
  const doc = textStage.run(parseInput({ id: 'seed', text: readFileSync(SEED, 'utf8') }), opts);
  const sentenceTexts = doc.sentences.map((s) => doc.text.slice(s.start, s.end));

  it('keeps every layer consistent', () => checkLayers(doc));

  it('keeps a paragraph with quoted clauses in one sentence', () => {
    expect(sentenceTexts).toContain(
      'وقال توكاييف خلال اجتماعه مع بوتين في الكرملين: "بالنسبة إلى كازاخستان، روسيا كانت وستظل الشريك الاستراتيجي الرئيسي"، مشيراً إلى أن "الزيارة تحمل طابعاً رمزياً نوعاً ما، ولكن لها دلالة سياسية أيضاً".',
    );
  });

  it('splits a paragraph of two sentences after the closing quote', () => {
    expect(sentenceTexts).toContain('وقال توكاييف: "لا نريد أن نكون خلف أي ستار حديدي جديد قد تسعى روسيا لإقامته".');
  });

  it('keeps the headline with «..» whole and «بـ» tokens as words', () => {
    expect(sentenceTexts).toContain('روسيا وكازاخستان.. "شراكة استراتيجية" بعد خلاف بشأن أوكرانيا');
    const ba = doc.tokens.filter((t) => t.text === 'بـ');
    expect(ba.length).toBeGreaterThanOrEqual(3);
    for (const t of ba) expect(t.kind).toBe('arabic');
  });
});
