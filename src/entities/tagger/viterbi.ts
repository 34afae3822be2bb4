// First-order decoding over BIO labels.
//
// Scores: emit[i * L + y] for token i and label y, plus transition scores in one array laid out as
// trans[prev * L + cur] (prev < L), trans[START + cur] for the first token and trans[END + prev]
// after the last. Transitions that break BIO (I-X not after B-X/I-X) are never taken, whatever
// the weights say, so every decoded sequence is well formed.
import { ALLOWED, NUM_LABELS } from './labels.js';

const L = NUM_LABELS;
/** Offset of the start row in a transition array. */
export const START = L * L;
/** Offset of the end row in a transition array. */
export const END = L * L + L;
/** Length of a transition array. */
export const TRANSITIONS_LENGTH = L * L + 2 * L;

type Scores = Float32Array | Float64Array;

/** Scratch space for decoding, grown as needed; one per caller (not re-entrant). */
export class DecodeWork {
  delta = new Float64Array(0);
  back = new Int8Array(0);
  alpha = new Float64Array(0);
  beta = new Float64Array(0);

  ensure(n: number): void {
    if (this.delta.length >= n * L) return;
    const size = Math.max(n * L, this.delta.length * 2, 64 * L);
    this.delta = new Float64Array(size);
    this.back = new Int8Array(size);
    this.alpha = new Float64Array(size);
    this.beta = new Float64Array(size);
  }
}

/** Writes the best BIO-valid label sequence for n tokens into out[0..n). */
export function viterbi(emit: Scores, n: number, trans: Scores, work: DecodeWork, out: Int32Array): void {
  if (n === 0) return;
  work.ensure(n);
  const delta = work.delta;
  const back = work.back;
  for (let y = 0; y < L; y++) {
    delta[y] = ALLOWED[L * L + y] ? trans[START + y] + emit[y] : -Infinity;
    back[y] = -1;
  }
  for (let i = 1; i < n; i++) {
    const row = i * L;
    const prevRow = row - L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[p * L + y]) continue;
        const s = delta[prevRow + p] + trans[p * L + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[row + y] = best + emit[row + y];
      back[row + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    const s = delta[last + y] + trans[END + y];
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg];
  }
}

function logSumExp(a: Float64Array, from: number, count: number, stride: number): number {
  let max = -Infinity;
  for (let j = 0; j < count; j++) if (a[from + j * stride] > max) max = a[from + j * stride];
  if (max === -Infinity) return max;
  let sum = 0;
  for (let j = 0; j < count; j++) sum += Math.exp(a[from + j * stride] - max);
  return max + Math.log(sum);
}

/**
 * Per-token label marginals when the scores, divided by `temperature`, are read as the log-potentials
 * of a linear-chain CRF (forward-backward over BIO-valid paths). Writes p(y_i = y) into
 * marginals[i * L + y]. Used for confidences, not for decoding.
 */
export function marginals(
  emit: Scores,
  n: number,
  trans: Scores,
  temperature: number,
  work: DecodeWork,
  marginalsOut: Float64Array,
): void {
  if (n === 0) return;
  work.ensure(n);
  const alpha = work.alpha;
  const beta = work.beta;
  const tmp = work.delta; // free during marginals
  const inv = 1 / temperature;
  for (let y = 0; y < L; y++) alpha[y] = ALLOWED[L * L + y] ? (trans[START + y] + emit[y]) * inv : -Infinity;
  for (let i = 1; i < n; i++) {
    const row = i * L;
    for (let y = 0; y < L; y++) {
      for (let p = 0; p < L; p++) tmp[p] = ALLOWED[p * L + y] ? alpha[row - L + p] + trans[p * L + y] * inv : -Infinity;
      alpha[row + y] = logSumExp(tmp, 0, L, 1) + emit[row + y] * inv;
    }
  }
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) beta[last + y] = trans[END + y] * inv;
  for (let i = n - 2; i >= 0; i--) {
    const row = i * L;
    for (let p = 0; p < L; p++) {
      for (let y = 0; y < L; y++)
        tmp[y] = ALLOWED[p * L + y] ? trans[p * L + y] * inv + emit[row + L + y] * inv + beta[row + L + y] : -Infinity;
      beta[row + p] = logSumExp(tmp, 0, L, 1);
    }
  }
  for (let y = 0; y < L; y++) tmp[y] = alpha[last + y] + beta[last + y];
  const logZ = logSumExp(tmp, 0, L, 1);
  for (let i = 0; i < n * L; i++) marginalsOut[i] = Math.exp(alpha[i] + beta[i] - logZ);
}
