// MinHash signatures over word shingles, and the LSH band keys that find candidate pairs.
//
// The text is put in matching form (normalizeArabic), cut into words (letters and digits), and every
// run of SHINGLE_WORDS words becomes a 32-bit shingle hash. The signature keeps, for each of
// MINHASH_PERMUTATIONS hash functions, the smallest hash over the shingles; the share of equal positions
// in two signatures estimates the Jaccard similarity of the shingle sets (Broder 1997).
// The hash functions are murmur3's finaliser applied to the shingle hash xor a fixed per-position seed:
// deterministic across runs and machines, so signatures stored yesterday compare with today's.
import { normalizeArabic } from '../text/normalize.js';
import { LSH_BANDS, LSH_ROWS, MINHASH_PERMUTATIONS, SHINGLE_WORDS } from './settings.js';

export interface Shingled {
  /** Distinct shingle hashes. */
  shingles: Uint32Array;
  /** Words in the text. */
  words: number;
}

export interface MinHashSignature {
  /** MINHASH_PERMUTATIONS minima. */
  values: Uint32Array;
  /** Distinct shingles behind it (for containment estimates). */
  shingles: number;
  words: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text in matching form. */
export function matchWords(text: string): string[] {
  return normalizeArabic(text).toLowerCase().match(WORD) ?? [];
}

/** murmur3 fmix32: a bijective 32-bit mixer with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** The per-position seeds, from a fixed splitmix32 sequence (never change them: stored signatures
 *  would stop comparing). */
const SEEDS: Uint32Array = (() => {
  const out = new Uint32Array(MINHASH_PERMUTATIONS);
  let s = 0x9e3779b9;
  for (let i = 0; i < out.length; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    out[i] = (z ^ (z >>> 16)) >>> 0;
  }
  return out;
})();

/** Distinct hashes of every SHINGLE_WORDS-word run; a text shorter than that is one shingle. */
export function shingle(words: readonly string[]): Shingled {
  const n = words.length;
  if (n === 0) return { shingles: new Uint32Array(0), words: 0 };
  const wh = words.map(wordHash);
  const k = Math.min(SHINGLE_WORDS, n);
  const set = new Set<number>();
  for (let i = 0; i + k <= n; i++) {
    let h = 0x2545f491;
    for (let j = 0; j < k; j++) h = fmix32((h ^ wh[i + j]) + j);
    set.add(h);
  }
  return { shingles: Uint32Array.from(set), words: n };
}

/** The MinHash signature of a text (null when it has no words). */
export function minhash(text: string): MinHashSignature | null {
  return signatureOf(shingle(matchWords(text)));
}

export function signatureOf(sh: Shingled): MinHashSignature | null {
  if (sh.shingles.length === 0) return null;
  const values = new Uint32Array(MINHASH_PERMUTATIONS).fill(0xffffffff);
  for (const x of sh.shingles) {
    for (let i = 0; i < MINHASH_PERMUTATIONS; i++) {
      const v = fmix32(x ^ SEEDS[i]);
      if (v < values[i]) values[i] = v;
    }
  }
  return { values, shingles: sh.shingles.length, words: sh.words };
}

/** Estimated Jaccard similarity: the share of positions where the two signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let eq = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) eq++;
  return eq / n;
}

/** Estimated share of the smaller set's shingles found in the larger one, from J and the set sizes:
 *  |A∩B| = J·(|A|+|B|)/(1+J). */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB);
  if (small === 0) return 0;
  const inter = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, inter / small);
}

/** One key per LSH band: articles sharing any key are candidate pairs. Keys are integers below 2^53
 *  (safe in JavaScript and in SQLite INTEGER columns); the band number is mixed in so that equal rows
 *  in different bands do not collide. */
export function bandKeys(values: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let hi = fmix32(b + 0x51ed27);
    let lo = fmix32(b ^ 0x6a09e667);
    for (let r = 0; r < LSH_ROWS; r++) {
      const v = values[b * LSH_ROWS + r];
      hi = fmix32(hi ^ v);
      lo = fmix32((lo + Math.imul(v, 0x9e3779b1)) >>> 0);
    }
    keys.push((hi & 0x1fffff) * 0x100000000 + lo);
  }
  return keys;
}
