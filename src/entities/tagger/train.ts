// Training: an averaged structured perceptron (Collins 2002) over the features of features.ts.
//
// Each epoch visits the sentences in a seeded random order, decodes each with the current weights
// (Viterbi, BIO-constrained) and, where the best path differs from the gold one, adds the gold
// path's features and subtracts the predicted path's. The returned weights are the average over
// every step, which generalises far better than the last weights. Averaging is done lazily:
// `acc` holds Σ step·update, and the average is w − acc / steps.
import { FeatureBuffer, FeatureExtractor, type TriggerLists } from './features.js';
import { ALLOWED, NUM_LABELS, labelIndex, isInside } from './labels.js';
import type { RawWeights } from './model.js';
import type { NameDictionary } from './gazetteer.js';
import { DecodeWork, END, START, TRANSITIONS_LENGTH, viterbi } from './viterbi.js';

const L = NUM_LABELS;

/** One training sentence: words, their BIO labels (already coarse), optional gazetteer tags. */
export interface LabelledSentence {
  words: string[];
  labels: string[];
  gazetteer?: (string | null)[] | null;
  /** Corpus the sentence comes from, for domain-augmented features (see features.ts); null = none. */
  domain?: string | null;
  /** False to train this sentence without the model's name dictionary (see ExtractOptions). */
  names?: boolean;
}

export interface TrainOptions {
  epochs: number;
  /** Seed of the shuffling: same data + same seed → same model. */
  seed: number;
  triggers: TriggerLists;
  /** Word → cluster code (clusters.ts), or null to train without cluster features. */
  clusters?: ReadonlyMap<string, number> | null;
  /** The model's own name dictionary (gazetteer.ts), or null. */
  names?: NameDictionary | null;
  /** Features seen fewer times than this in the training data get no weights. */
  minFeatureCount: number;
  /** Called after each epoch with a way to get the averaged weights so far (for dev scoring). */
  onEpoch?: (epoch: number, averaged: () => RawWeights) => void;
}

/** Deterministic PRNG (mulberry32), so that shuffling is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gold label indices with BIO repaired the CoNLL way: an I-X that continues nothing becomes B-X. */
export function goldIndices(labels: readonly string[]): Int32Array {
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let y = labelIndex(labels[i]);
    const prev = i === 0 ? L : out[i - 1];
    if (isInside(y) && !ALLOWED[prev * L + y]) y -= 1;
    out[i] = y;
  }
  return out;
}

interface PreparedSentence {
  gold: Int32Array;
  /** rows[offsets[i] .. offsets[i+1]) are the weight rows of token i's features. */
  rows: Int32Array;
  offsets: Int32Array;
}

/** Trains and returns the averaged weights. */
export function trainPerceptron(sentences: readonly LabelledSentence[], opts: TrainOptions): RawWeights {
  const extractor = new FeatureExtractor(opts.triggers, opts.clusters ?? null, opts.names ?? null);
  const buf = new FeatureBuffer();

  // Pass 1: count features, so that rare ones can be left out.
  const counts = new Map<number, number>();
  const extracted: { keys: Uint32Array; offsets: Int32Array }[] = [];
  for (const s of sentences) {
    extractor.extract(s.words, buf, { gazetteer: s.gazetteer, domain: s.domain, names: s.names });
    const n = s.words.length;
    const keys = buf.keys.slice(0, buf.offsets[n]);
    extracted.push({ keys, offsets: buf.offsets.slice(0, n + 1) });
    for (let f = 0; f < keys.length; f++) counts.set(keys[f], (counts.get(keys[f]) ?? 0) + 1);
  }
  const rowOf = new Map<number, number>();
  const keyList: number[] = [];
  for (const [key, count] of counts) {
    if (count >= opts.minFeatureCount) {
      rowOf.set(key, keyList.length);
      keyList.push(key);
    }
  }
  const prepared: PreparedSentence[] = extracted.map(({ keys, offsets }, si) => {
    const n = offsets.length - 1;
    const rows: number[] = [];
    const rowOffsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      rowOffsets[i] = rows.length;
      for (let f = offsets[i]; f < offsets[i + 1]; f++) {
        const r = rowOf.get(keys[f]);
        if (r !== undefined) rows.push(r);
      }
    }
    rowOffsets[n] = rows.length;
    return { gold: goldIndices(sentences[si].labels), rows: Int32Array.from(rows), offsets: rowOffsets };
  });
  extracted.length = 0;

  const numRows = keyList.length;
  const w = new Float64Array(numRows * L);
  const acc = new Float64Array(numRows * L);
  const tw = new Float64Array(TRANSITIONS_LENGTH);
  const tacc = new Float64Array(TRANSITIONS_LENGTH);
  let step = 1;

  const averaged = (): RawWeights => {
    const weights = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) weights[i] = w[i] - acc[i] / step;
    const transitions = new Float64Array(TRANSITIONS_LENGTH);
    for (let i = 0; i < TRANSITIONS_LENGTH; i++) transitions[i] = tw[i] - tacc[i] / step;
    return { keys: Uint32Array.from(keyList), weights, transitions };
  };

  const random = seededRandom(opts.seed);
  const order = Array.from({ length: prepared.length }, (_, i) => i);
  const work = new DecodeWork();
  let emit = new Float64Array(256 * L);
  let pred = new Int32Array(256);

  const updateToken = (s: PreparedSentence, i: number, y: number, delta: number): void => {
    const d2 = delta * step;
    for (let f = s.offsets[i]; f < s.offsets[i + 1]; f++) {
      const k = s.rows[f] * L + y;
      w[k] += delta;
      acc[k] += d2;
    }
  };
  const updateTransition = (k: number, delta: number): void => {
    tw[k] += delta;
    tacc[k] += delta * step;
  };
  const transitionIndex = (seq: Int32Array, i: number): number => (i === 0 ? START + seq[0] : seq[i - 1] * L + seq[i]);

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const si of order) {
      const s = prepared[si];
      const n = s.gold.length;
      if (n === 0) continue;
      if (emit.length < n * L) {
        emit = new Float64Array(n * L * 2);
        pred = new Int32Array(n * 2);
      }
      emit.fill(0, 0, n * L);
      for (let i = 0; i < n; i++) {
        const base = i * L;
        for (let f = s.offsets[i]; f < s.offsets[i + 1]; f++) {
          const rb = s.rows[f] * L;
          for (let y = 0; y < L; y++) emit[base + y] += w[rb + y];
        }
      }
      viterbi(emit, n, tw, work, pred);
      for (let i = 0; i < n; i++) {
        const g = s.gold[i];
        const p = pred[i];
        if (g !== p) {
          updateToken(s, i, g, 1);
          updateToken(s, i, p, -1);
        }
        const gt = transitionIndex(s.gold, i);
        const pt = transitionIndex(pred, i);
        if (gt !== pt) {
          updateTransition(gt, 1);
          updateTransition(pt, -1);
        }
      }
      const ge = END + s.gold[n - 1];
      const pe = END + pred[n - 1];
      if (ge !== pe) {
        updateTransition(ge, 1);
        updateTransition(pe, -1);
      }
      step++;
    }
    opts.onEpoch?.(epoch, averaged);
  }
  return averaged();
}
