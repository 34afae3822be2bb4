// Word clusters learnt from unlabelled news, as extra tagger features.
//
// A name the annotated data never saw (غوتي, البدري) still occurs in millions of words of news in
// the same contexts as other names. Each frequent word gets a binary path in a cluster tree, built
// as in Brown-cluster NER features (Turian et al. 2010) but cheaper to compute:
//   1. count, for each of the `vocabulary` most frequent words, which of the `contexts` most
//      frequent words stand just before and just after it;
//   2. weight the counts by positive PMI and reduce each word's row to `dims` numbers with a
//      randomised SVD (Halko et al. 2011);
//   3. split the words in two by 2-means on those vectors (cosine), recursively, `depth` levels.
// Path prefixes at several depths are then features: coarse classes and fine ones.
//
// File (gzip): "RASDCLU1" | u32 header length | header JSON | codes (u16 × n) | words, "\n"-joined.
// A code is a heap index: root 1, children 2c and 2c+1, so the prefix at depth d is code >> (len - d).
import { gunzipSync, gzipSync } from 'node:zlib';
import { normalizeWord } from './arabic.js';
import { hashString } from './hash.js';
import { seededRandom } from './train.js';

const MAGIC = 'RASDCLU1';

export interface ClusterHeader {
  version: string;
  words: number;
  depth: number;
  source: string;
  licence: string;
  command: string;
  created: string;
  /** How the clusters were built (ClusterOptions and corpus figures). */
  build?: Record<string, unknown>;
}

/** Word → cluster path code (see the file comment). */
export interface WordClusters {
  header: ClusterHeader;
  codes: Map<string, number>;
}

export interface ClusterOptions {
  /** Words clustered: the most frequent ones, at least `minCount` times seen. */
  vocabulary: number;
  minCount: number;
  /** Context words (left and right counted apart). */
  contexts: number;
  dims: number;
  depth: number;
  seed: number;
}

/** Words of a text, normalised, as the cluster vocabulary counts them. */
export function corpusWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) out.push(normalizeWord(m[0]));
  return out;
}

/** Open-addressing counter of (row, column) pairs packed into one u32 key. */
class PairCounter {
  keys: Uint32Array;
  counts: Float32Array;
  size = 0;
  private mask: number;
  constructor(capacityLog2: number) {
    this.keys = new Uint32Array(1 << capacityLog2);
    this.counts = new Float32Array(1 << capacityLog2);
    this.mask = (1 << capacityLog2) - 1;
  }
  add(key: number): void {
    // key + 1 so that 0 stays "empty"
    const k = key + 1;
    let s = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const cur = this.keys[s];
      if (cur === k) {
        this.counts[s]++;
        return;
      }
      if (cur === 0) {
        if (this.size * 4 > this.keys.length * 3) this.grow();
        else {
          this.keys[s] = k;
          this.counts[s] = 1;
          this.size++;
          return;
        }
        s = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
        continue;
      }
      s = (s + 1) & this.mask;
    }
  }
  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.counts = new Float32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (!k) continue;
      let s = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[s] !== 0) s = (s + 1) & this.mask;
      this.keys[s] = k;
      this.counts[s] = oldCounts[i];
    }
  }
}

/** Sparse matrix, compressed rows. */
interface Csr {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  col: Int32Array;
  val: Float32Array;
}

/** Y (rows × l) = A · X (cols × l), row-major dense. */
function mulA(a: Csr, x: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.rows * l);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * l;
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      const v = a.val[p];
      const xo = a.col[p] * l;
      for (let j = 0; j < l; j++) y[yo + j] += v * x[xo + j];
    }
  }
  return y;
}

/** Z (cols × l) = Aᵀ · Y (rows × l). */
function mulAt(a: Csr, y: Float64Array, l: number): Float64Array {
  const z = new Float64Array(a.cols * l);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * l;
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      const v = a.val[p];
      const zo = a.col[p] * l;
      for (let j = 0; j < l; j++) z[zo + j] += v * y[yo + j];
    }
  }
  return z;
}

/**
 * Orthonormalises the l columns of a row-major (n × l) matrix in place by Cholesky QR, twice
 * (CholeskyQR2): G = MᵀM = RᵀR, M ← M R⁻¹. Row-by-row passes, so it stays cache-friendly.
 */
function orthonormalise(m: Float64Array, n: number, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = new Float64Array(l * l);
    for (let r = 0; r < n; r++) {
      const o = r * l;
      for (let i = 0; i < l; i++) {
        const v = m[o + i];
        if (v === 0) continue;
        for (let j = i; j < l; j++) g[i * l + j] += v * m[o + j];
      }
    }
    // Cholesky (upper R with G = RᵀR); a tiny ridge keeps rank-deficient inputs finite.
    const rr = new Float64Array(l * l);
    for (let i = 0; i < l; i++) {
      let d = g[i * l + i] + 1e-10;
      for (let k = 0; k < i; k++) d -= rr[k * l + i] ** 2;
      const rii = Math.sqrt(Math.max(d, 1e-20));
      rr[i * l + i] = rii;
      for (let j = i + 1; j < l; j++) {
        let x = g[i * l + j];
        for (let k = 0; k < i; k++) x -= rr[k * l + i] * rr[k * l + j];
        rr[i * l + j] = x / rii;
      }
    }
    // Each row x ← x R⁻¹: solve y R = x left to right.
    for (let r = 0; r < n; r++) {
      const o = r * l;
      for (let j = 0; j < l; j++) {
        let x = m[o + j];
        for (let k = 0; k < j; k++) x -= m[o + k] * rr[k * l + j];
        m[o + j] = x / rr[j * l + j];
      }
    }
  }
}

/** Eigen-decomposition of a symmetric l × l matrix (cyclic Jacobi). Returns values and column vectors. */
function symmetricEigen(a: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += m[p * l + q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = m[p * l + q];
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (m[q * l + q] - m[p * l + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const mkp = m[k * l + p];
          const mkq = m[k * l + q];
          m[k * l + p] = c * mkp - s * mkq;
          m[k * l + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < l; k++) {
          const mpk = m[p * l + k];
          const mqk = m[q * l + k];
          m[p * l + k] = c * mpk - s * mqk;
          m[q * l + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p];
          const vkq = v[k * l + q];
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = m[i * l + i];
  return { values, vectors: v };
}

/** Rank-`k` left singular vectors of A scaled by √σ, one row of k numbers per row of A. */
function randomisedSvd(a: Csr, k: number, random: () => number): Float64Array {
  const l = k + 10;
  const gauss = (): number => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = gauss();
  let y = mulA(a, omega, l);
  for (let it = 0; it < 2; it++) {
    orthonormalise(y, a.rows, l);
    const z = mulAt(a, y, l);
    orthonormalise(z, a.cols, l);
    y = mulA(a, z, l);
  }
  orthonormalise(y, a.rows, l); // Q
  const bt = mulAt(a, y, l); // Bᵀ = Aᵀ Q  (cols × l)
  const bbt = new Float64Array(l * l);
  for (let c = 0; c < a.cols; c++) {
    const o = c * l;
    for (let i = 0; i < l; i++) for (let j = i; j < l; j++) bbt[i * l + j] += bt[o + i] * bt[o + j];
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) bbt[i * l + j] = bbt[j * l + i];
  const { values, vectors } = symmetricEigen(bbt, l);
  const order = Array.from({ length: l }, (_, i) => i)
    .sort((p, q) => values[q] - values[p])
    .slice(0, k);
  const out = new Float64Array(a.rows * k);
  for (let r = 0; r < a.rows; r++) {
    for (let j = 0; j < k; j++) {
      const e = order[j];
      const scale = Math.sqrt(Math.sqrt(Math.max(values[e], 0)));
      let s = 0;
      for (let i = 0; i < l; i++) s += y[r * l + i] * vectors[i * l + e];
      out[r * k + j] = s * scale;
    }
  }
  return out;
}

/**
 * Recursive two-way splits of unit vectors; writes heap-index codes. Each split starts from the
 * sign of the projection on the members' principal direction (PDDP, Boley 1998), which always
 * divides the set, then is refined by a few rounds of 2-means.
 */
function bisect(
  vectors: Float64Array,
  dims: number,
  members: number[],
  code: number,
  depth: number,
  maxDepth: number,
  codes: Uint16Array,
  random: () => number,
): void {
  for (const m of members) codes[m] = code;
  if (depth >= maxDepth || members.length < 4) return;
  const mean = new Float64Array(dims);
  for (const m of members) for (let j = 0; j < dims; j++) mean[j] += vectors[m * dims + j];
  for (let j = 0; j < dims; j++) mean[j] /= members.length;
  // principal direction of the centred members, by power iteration
  let dir = new Float64Array(dims);
  for (let j = 0; j < dims; j++) dir[j] = random() - 0.5;
  for (let it = 0; it < 25; it++) {
    const next = new Float64Array(dims);
    for (const m of members) {
      let p = 0;
      for (let j = 0; j < dims; j++) p += (vectors[m * dims + j] - mean[j]) * dir[j];
      for (let j = 0; j < dims; j++) next[j] += p * (vectors[m * dims + j] - mean[j]);
    }
    let n = 0;
    for (let j = 0; j < dims; j++) n += next[j] ** 2;
    n = Math.sqrt(n) || 1;
    for (let j = 0; j < dims; j++) next[j] /= n;
    dir = next;
  }
  let side = Uint8Array.from(members, (m) => {
    let p = 0;
    for (let j = 0; j < dims; j++) p += (vectors[m * dims + j] - mean[j]) * dir[j];
    return p > 0 ? 1 : 0;
  });
  const c0 = new Float64Array(dims);
  const c1 = new Float64Array(dims);
  for (let iter = 0; iter < 5; iter++) {
    c0.fill(0);
    c1.fill(0);
    let n0 = 0;
    let n1 = 0;
    members.forEach((m, i) => {
      const c = side[i] ? c1 : c0;
      if (side[i]) n1++;
      else n0++;
      for (let j = 0; j < dims; j++) c[j] += vectors[m * dims + j];
    });
    if (!n0 || !n1) break;
    for (let j = 0; j < dims; j++) {
      c0[j] /= n0;
      c1[j] /= n1;
    }
    // nearest centroid (Euclidean): compare |x−c1|² − |x−c0|² = 2x·(c0−c1) + |c1|² − |c0|²
    let q0 = 0;
    let q1 = 0;
    for (let j = 0; j < dims; j++) {
      q0 += c0[j] ** 2;
      q1 += c1[j] ** 2;
    }
    const next = Uint8Array.from(members, (m) => {
      let d = 0;
      for (let j = 0; j < dims; j++) d += vectors[m * dims + j] * (c0[j] - c1[j]);
      return 2 * d + q1 - q0 < 0 ? 1 : 0;
    });
    const changed = next.some((x, i) => x !== side[i]);
    side = next;
    if (!changed) break;
  }
  const left = members.filter((_, i) => side[i] === 0);
  const right = members.filter((_, i) => side[i] === 1);
  if (!left.length || !right.length) return;
  bisect(vectors, dims, left, code * 2, depth + 1, maxDepth, codes, random);
  bisect(vectors, dims, right, code * 2 + 1, depth + 1, maxDepth, codes, random);
}

/** Builds clusters from an iterable of texts (two passes: it is iterated twice). */
export function buildClusters(
  texts: () => Iterable<string>,
  opts: ClusterOptions,
  log: (m: string) => void = () => {},
): Map<string, number> {
  const freq = new Map<string, number>();
  for (const text of texts()) for (const w of corpusWords(text)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const ranked = [...freq.entries()]
    .filter(([w, c]) => c >= opts.minCount && w.length > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = ranked.slice(0, opts.vocabulary).map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const C = Math.min(opts.contexts, vocab.length);
  log(`clusters: ${freq.size} word types, ${vocab.length} clustered, ${C} context words`);
  freq.clear();

  const pairs = new PairCounter(22);
  const cols = 2 * C;
  for (const text of texts()) {
    const ids = corpusWords(text).map((w) => index.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i];
      if (t < 0) continue;
      const left = i > 0 ? ids[i - 1] : -1;
      const right = i + 1 < ids.length ? ids[i + 1] : -1;
      if (left >= 0 && left < C) pairs.add(t * cols + left);
      if (right >= 0 && right < C) pairs.add(t * cols + C + right);
    }
  }
  log(`clusters: ${pairs.size} distinct (word, context) pairs`);

  // PPMI matrix in CSR.
  const rowTotal = new Float64Array(vocab.length);
  const colTotal = new Float64Array(cols);
  const entries: number[] = [];
  for (let s = 0; s < pairs.keys.length; s++) {
    const k = pairs.keys[s];
    if (!k) continue;
    const key = k - 1;
    const c = pairs.counts[s];
    rowTotal[Math.floor(key / cols)] += c;
    colTotal[key % cols] += c;
    entries.push(s);
  }
  // Context distribution smoothed (α = 0.75, Levy et al. 2015) so rare contexts do not dominate.
  let smoothedTotal = 0;
  for (let c = 0; c < cols; c++) smoothedTotal += colTotal[c] ** 0.75;
  entries.sort((a, b) => pairs.keys[a] - pairs.keys[b]);
  const rowPtr = new Int32Array(vocab.length + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (const s of entries) {
    const key = pairs.keys[s] - 1;
    const r = Math.floor(key / cols);
    const c = key % cols;
    const pmi = Math.log((pairs.counts[s] * smoothedTotal) / (rowTotal[r] * colTotal[c] ** 0.75));
    if (pmi <= 0) continue;
    rowPtr[r + 1]++;
    col.push(c);
    val.push(pmi);
  }
  for (let r = 0; r < vocab.length; r++) rowPtr[r + 1] += rowPtr[r];
  const a: Csr = { rows: vocab.length, cols, rowPtr, col: Int32Array.from(col), val: Float32Array.from(val) };
  log(`clusters: PPMI matrix ${a.rows} × ${a.cols}, ${val.length} non-zero`);

  const random = seededRandom(opts.seed);
  const vectors = randomisedSvd(a, opts.dims, random);
  for (let r = 0; r < a.rows; r++) {
    let n = 0;
    for (let j = 0; j < opts.dims; j++) n += vectors[r * opts.dims + j] ** 2;
    n = Math.sqrt(n) || 1;
    for (let j = 0; j < opts.dims; j++) vectors[r * opts.dims + j] /= n;
  }
  log('clusters: SVD done');
  const codes = new Uint16Array(vocab.length);
  bisect(
    vectors,
    opts.dims,
    Array.from({ length: vocab.length }, (_, i) => i),
    1,
    0,
    opts.depth,
    codes,
    random,
  );
  return new Map(vocab.map((w, i) => [w, codes[i]]));
}

export function encodeClusters(codes: Map<string, number>, header: Omit<ClusterHeader, 'words' | 'version'>): Buffer {
  const words = [...codes.keys()];
  const full: ClusterHeader = { ...header, version: clustersVersion(codes), words: words.length };
  const headerBytes = new TextEncoder().encode(JSON.stringify(full));
  const codeBytes = new Uint8Array(words.length * 2);
  const dv = new DataView(codeBytes.buffer);
  words.forEach((w, i) => dv.setUint16(i * 2, codes.get(w) ?? 0, true));
  const wordBytes = new TextEncoder().encode(words.join('\n'));
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, headerBytes.length, true);
  return gzipSync(Buffer.concat([new TextEncoder().encode(MAGIC), len, headerBytes, codeBytes, wordBytes]), {
    level: 9,
  });
}

/** A fingerprint of the clusters, recorded in the model so that a model is never paired with other clusters. */
export function clustersVersion(codes: Map<string, number>): string {
  let h = 0;
  for (const [w, c] of codes) h = (Math.imul(h, 31) + hashString(w) + c) >>> 0;
  return `${codes.size}-${h.toString(16)}`;
}

export function decodeClusters(file: Uint8Array): WordClusters {
  const data = gunzipSync(file);
  if (new TextDecoder().decode(data.subarray(0, 8)) !== MAGIC) throw new Error('not a rasd cluster file (bad magic)');
  const headerLength = new DataView(data.buffer, data.byteOffset).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(data.subarray(12, 12 + headerLength))) as ClusterHeader;
  const codeStart = 12 + headerLength;
  const dv = new DataView(data.buffer, data.byteOffset + codeStart, header.words * 2);
  const words = new TextDecoder().decode(data.subarray(codeStart + header.words * 2)).split('\n');
  const codes = new Map<string, number>();
  words.forEach((w, i) => codes.set(w, dv.getUint16(i * 2, true)));
  return { header, codes };
}
