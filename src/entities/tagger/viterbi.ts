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

/**
 * Per-token label marginals when the scores, divided by `temperature`, are read as the log-potentials
 * of a linear-chain CRF (forward-backward over BIO-valid paths). Writes p(y_i = y) into
 * marginals[i * L + y]. Used for confidences, not for decoding.
 *
 * Works in probability space with the forward and backward vectors rescaled to sum 1 at each
 * token (Rabiner's scaling): 9 exponentials and 2 × 81 multiply-adds per token, no logarithms.
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
  const inv = 1 / temperature;
  const pot = work.delta; // exp(emission / T), shifted per token by its max
  const alpha = work.alpha;
  const beta = work.beta;
  const edge = transitionPotentials(trans, inv);
  for (let i = 0; i < n; i++) {
    const row = i * L;
    let max = -Infinity;
    for (let y = 0; y < L; y++) if (emit[row + y] > max) max = emit[row + y];
    for (let y = 0; y < L; y++) pot[row + y] = Math.exp((emit[row + y] - max) * inv);
  }
  let sum = 0;
  for (let y = 0; y < L; y++) sum += alpha[y] = edge[L * L + y] * pot[y];
  for (let y = 0; y < L; y++) alpha[y] /= sum;
  for (let i = 1; i < n; i++) {
    const row = i * L;
    sum = 0;
    for (let y = 0; y < L; y++) {
      let a = 0;
      for (let p = 0; p < L; p++) a += alpha[row - L + p] * edge[p * L + y];
      sum += alpha[row + y] = a * pot[row + y];
    }
    if (!(sum > 0)) sum = 1;
    for (let y = 0; y < L; y++) alpha[row + y] /= sum;
  }
  const last = (n - 1) * L;
  sum = 0;
  for (let y = 0; y < L; y++) sum += beta[last + y] = edge[L * L + L + y];
  for (let y = 0; y < L; y++) beta[last + y] /= sum;
  for (let i = n - 2; i >= 0; i--) {
    const row = i * L;
    sum = 0;
    for (let p = 0; p < L; p++) {
      let b = 0;
      for (let y = 0; y < L; y++) b += edge[p * L + y] * pot[row + L + y] * beta[row + L + y];
      sum += beta[row + p] = b;
    }
    if (!(sum > 0)) sum = 1;
    for (let p = 0; p < L; p++) beta[row + p] /= sum;
  }
  for (let i = 0; i < n; i++) {
    const row = i * L;
    let z = 0;
    for (let y = 0; y < L; y++) z += marginalsOut[row + y] = alpha[row + y] * beta[row + y];
    if (!(z > 0)) z = 1;
    for (let y = 0; y < L; y++) marginalsOut[row + y] /= z;
  }
}

/** exp(transition / T), 0 where BIO forbids the transition; cached for the last arrays seen. */
let edgeCache: { trans: Scores; inv: number; edge: Float64Array } | null = null;
function transitionPotentials(trans: Scores, inv: number): Float64Array {
  if (edgeCache && edgeCache.trans === trans && edgeCache.inv === inv) return edgeCache.edge;
  const edge = new Float64Array(TRANSITIONS_LENGTH);
  let max = -Infinity;
  for (let i = 0; i < TRANSITIONS_LENGTH; i++) if (trans[i] > max) max = trans[i];
  for (let prev = 0; prev <= L; prev++) {
    for (let cur = 0; cur < L; cur++) {
      const k = prev === L ? START + cur : prev * L + cur;
      edge[k] = ALLOWED[prev * L + cur] ? Math.exp((trans[k] - max) * inv) : 0;
    }
  }
  for (let y = 0; y < L; y++) edge[END + y] = Math.exp((trans[END + y] - max) * inv);
  edgeCache = { trans, inv, edge };
  return edge;
}
