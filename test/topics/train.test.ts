import { describe, expect, it } from 'vitest';
import { extractFeatures, type FeatureConfig } from '../../src/topics/features.js';
import { trainSoftmax, type TrainExample } from '../../src/topics/train.js';
import { decodeModel, encodeModel, probabilities, quantizeModel } from '../../src/topics/model.js';
import { classifyTopics, scoreTopics } from '../../src/topics/classify.js';

// A tiny synthetic corpus: each label has its own vocabulary; sentences are random draws from it plus
// shared filler, so the model must learn which words carry the label.
const VOCAB: Record<string, string[]> = {
  sport: ['مباراة', 'هدف', 'الفريق', 'الدوري', 'اللاعب', 'المدرب', 'الملعب', 'البطولة'],
  economy: ['الأسهم', 'البورصة', 'النفط', 'الأسعار', 'التضخم', 'البنك', 'الاستثمار', 'الميزانية'],
  culture: ['الفيلم', 'المهرجان', 'الرواية', 'المسرح', 'الفنان', 'الأغنية', 'المعرض', 'الشاعر'],
};
const FILLER = ['قال', 'في', 'على', 'اليوم', 'بعد', 'الذي', 'كان', 'أمس', 'خلال', 'هذا'];
const LABELS = Object.keys(VOCAB);
const CFG: FeatureConfig = { hashBits: 12, titleWeight: 3, stems: true, bigrams: true };

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

function sentence(label: string, r: () => number, n = 12): string {
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const pool = r() < 0.4 ? VOCAB[label] : FILLER;
    words.push(pool[Math.floor(r() * pool.length)]);
  }
  return words.join(' ');
}

function corpus(seed: number, perLabel: number): Array<{ text: string; y: number }> {
  const r = rng(seed);
  const out: Array<{ text: string; y: number }> = [];
  for (let i = 0; i < perLabel; i++) LABELS.forEach((label, y) => out.push({ text: sentence(label, r), y }));
  return out;
}

const toExamples = (docs: Array<{ text: string; y: number }>): TrainExample[] =>
  docs.map((d) => ({ x: extractFeatures({ body: d.text }, CFG), y: [d.y] }));

function train(examples: TrainExample[], seed = 7) {
  const w = trainSoftmax(examples, { labels: LABELS.length, hashBits: CFG.hashBits, epochs: 5, learningRate: 1, seed });
  return { w, model: quantizeModel(w.weights, w.bias, { labels: LABELS, features: CFG, provenance: { test: true } }) };
}

describe('topic training', () => {
  const trainSet = toExamples(corpus(1, 40));
  const testSet = corpus(2, 20);

  it('learns a tiny synthetic corpus: unseen sentences get their label', () => {
    const { model } = train(trainSet);
    const right = testSet.filter((d) => classifyTopics(model, { body: d.text })[0] === LABELS[d.y]).length;
    expect(right / testSet.length).toBeGreaterThanOrEqual(0.95);
  });

  it('is reproducible: same examples and seed → same weights; another seed → other weights', () => {
    const a = train(trainSet, 7).w;
    const b = train(trainSet, 7).w;
    const c = train(trainSet, 8).w;
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(c.weights.buffer))).toBe(false);
  });

  it('with two accepted labels, moves toward the accepted ones and away from the rest', () => {
    // every example accepts sport or economy: culture's probability must fall
    const examples = toExamples(corpus(3, 10)).map((e) => ({ ...e, y: [0, 1] }));
    const { model } = train(examples);
    const p = probabilities(model, extractFeatures({ body: sentence('culture', rng(9)) }, CFG));
    expect(p[2]).toBeLessThan(p[0] + p[1]);
    expect(p[0] + p[1]).toBeGreaterThan(0.9);
  });

  it('keeps its predictions through the file format (quantised, gzipped, read back)', () => {
    const { model } = train(trainSet);
    const back = decodeModel(encodeModel(model));
    expect(back.header).toEqual(model.header);
    for (const d of testSet.slice(0, 10))
      expect(scoreTopics(back, { body: d.text })).toEqual(scoreTopics(model, { body: d.text }));
  });

  it('refuses bytes that are not a topic model', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(() => decodeModel(gzipSync(Buffer.from('not a model at all')))).toThrow(/not a topic model/);
    expect(() => decodeModel(Buffer.from('plain bytes'))).toThrow();
  });
});
