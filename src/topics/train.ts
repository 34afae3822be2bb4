// Training: multinomial logistic regression (softmax) by averaged stochastic gradient descent.
//
// An example may accept more than one label (a mixed feed such as Al Arabiya's «عرب وعالم» is world or
// Middle East news): the loss is then −log of the probability of the accepted set, whose gradient pushes
// the scores toward whichever accepted label the model already prefers and away from the others. With one
// accepted label this is the ordinary log-loss.
//
// Each epoch visits the examples in a seeded random order; for each, the gradient of the log-loss moves
// the weights of the example's features, by `learningRate` (the vectors have unit length, so one rate
// suits every article). The returned weights are the average of the weights after every step (Polyak
// averaging), which smooths SGD's last-example noise and acts as the regulariser; it is kept lazily:
// `acc` holds Σ step·Δ and the average is w − acc/steps.
import type { SparseVector } from './features.js';

export interface TrainExample {
  x: SparseVector;
  /** Indices of the accepted labels (at least one). */
  y: readonly number[];
}

export interface TrainOptions {
  /** Number of labels. */
  labels: number;
  /** 2^hashBits buckets (must match the feature config the examples were built with). */
  hashBits: number;
  epochs: number;
  learningRate: number;
  /** Seed of the shuffling: same examples + same seed → same weights. */
  seed: number;
  /** Called after each epoch with the averaged weights so far (for dev scoring). */
  onEpoch?: (epoch: number, averaged: () => TrainedWeights) => void;
}

/** Real weights, bucket-major (index = bucket * labels + label), and one bias per label. */
export interface TrainedWeights {
  weights: Float64Array;
  bias: Float64Array;
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

/** Trains the softmax weights on `examples`. */
export function trainSoftmax(examples: readonly TrainExample[], opts: TrainOptions): TrainedWeights {
  const L = opts.labels;
  const size = (1 << opts.hashBits) * L;
  const w = new Float64Array(size);
  const acc = new Float64Array(size);
  const b = new Float64Array(L);
  const accB = new Float64Array(L);
  const z = new Float64Array(L);
  const random = seededRandom(opts.seed);
  const order = Array.from({ length: examples.length }, (_, i) => i);
  let step = 1;

  const averaged = (): TrainedWeights => {
    const weights = new Float64Array(size);
    for (let i = 0; i < size; i++) weights[i] = w[i] - acc[i] / step;
    const bias = new Float64Array(L);
    for (let c = 0; c < L; c++) bias[c] = b[c] - accB[c] / step;
    return { weights, bias };
  };

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    // Fisher–Yates with the seeded generator
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (const e of order) {
      const { x, y } = examples[e];
      for (let c = 0; c < L; c++) z[c] = b[c];
      for (let i = 0; i < x.indices.length; i++) {
        const base = x.indices[i] * L;
        const v = x.values[i];
        for (let c = 0; c < L; c++) z[c] += v * w[base + c];
      }
      let max = -Infinity;
      for (let c = 0; c < L; c++) if (z[c] > max) max = z[c];
      let sum = 0;
      for (let c = 0; c < L; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      // z becomes the gradient of the loss w.r.t. the scores: p_c − [c accepted]·p_c / P(accepted)
      let accepted = 0;
      for (const c of y) accepted += z[c];
      for (let c = 0; c < L; c++) z[c] /= sum;
      if (accepted > 0) {
        const share = sum / accepted;
        for (const c of y) z[c] -= z[c] * share;
      } else {
        // the accepted labels' probabilities underflowed: pull them up evenly
        for (const c of y) z[c] -= 1 / y.length;
      }
      for (let c = 0; c < L; c++) {
        const d = -opts.learningRate * z[c];
        if (d === 0) continue;
        b[c] += d;
        accB[c] += step * d;
        for (let i = 0; i < x.indices.length; i++) {
          const k = x.indices[i] * L + c;
          const dv = d * x.values[i];
          w[k] += dv;
          acc[k] += step * dv;
        }
      }
      step++;
    }
    opts.onEpoch?.(epoch, averaged);
  }
  return averaged();
}
