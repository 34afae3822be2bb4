// The trained model: feature weights, transition weights, and the file format that stores them.
//
// File (gzip-compressed):
//   "RASDNER1" | u32 LE header length | header JSON (UTF-8) | body
//   body = transitions (f32 × TRANSITIONS_LENGTH)
//        | feature keys, sorted, as varint deltas
//        | per feature: varint bit mask of the labels that have a weight
//        | the weights of those labels, quantised (i8 or i16 × header.scale)
// Sorting plus delta coding makes 32-bit hashed keys cost about two bytes each; dropping zero
// labels and quantising the rest keeps a model of ~10^5 features well under 2 MB.
import { gunzipSync, gzipSync } from 'node:zlib';
import { LABELS, NUM_LABELS } from './labels.js';
import { TRANSITIONS_LENGTH } from './viterbi.js';
import { domainFeatureKey, type TriggerLists } from './features.js';

const MAGIC = 'RASDNER1';
const L = NUM_LABELS;

/** What the header of a model file says about it. */
export interface ModelHeader {
  format: 'rasd-ner-perceptron';
  labels: string[];
  featureSet: string;
  normaliser: string;
  triggers: TriggerLists;
  /** Dequantisation factor: weight = stored integer × scale. */
  scale: number;
  quantisation: 'i8' | 'i16';
  features: number;
  /** Divides scores before forward-backward so that marginals read as calibrated confidences. */
  temperature: number;
  /** `clustersVersion` of the word clusters the model was trained with, or null for none. */
  clusters?: string | null;
  /** Corpus whose private feature copies are used at tagging time (see features.ts), or null. */
  domain?: string | null;
  provenance: {
    source: string;
    licence: string;
    command: string;
    created: string;
    [k: string]: unknown;
  };
  training?: Record<string, unknown>;
}

/** Open-addressing map from feature key to row of weights; 0 marks an empty slot. */
export class WeightTable {
  private readonly slots: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  /** weights[row * L + label] */
  readonly weights: Float32Array;
  readonly size: number;

  constructor(keys: Uint32Array, weights: Float32Array) {
    this.size = keys.length;
    let cap = 16;
    while (cap < keys.length * 2) cap <<= 1;
    this.slots = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
    this.weights = weights;
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r] & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = keys[r];
      this.rows[s] = r;
    }
  }

  /** Row of `key`, or -1 when the model has no weights for it. */
  row(key: number): number {
    let s = key & this.mask;
    for (;;) {
      const k = this.slots[s];
      if (k === key) return this.rows[s];
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }
}

/** A model ready for tagging. */
export interface Model {
  header: ModelHeader;
  table: WeightTable;
  transitions: Float32Array;
}

/** Weights as the trainer hands them over: keys and dense rows of L weights. */
export interface RawWeights {
  keys: Uint32Array;
  weights: Float64Array;
  transitions: Float64Array;
}

class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;
  private grow(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let c = this.buf.length * 2;
    while (c < this.length + n) c *= 2;
    const b = new Uint8Array(c);
    b.set(this.buf.subarray(0, this.length));
    this.buf = b;
  }
  bytes(b: Uint8Array): void {
    this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  varint(v: number): void {
    this.grow(5);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/**
 * Serialises a model. Weights whose magnitude is below `minWeight` are dropped, rows left empty are
 * dropped, the rest quantised to `quantisation` with one scale for the whole model.
 */
export function encodeModel(
  raw: RawWeights,
  header: Omit<ModelHeader, 'scale' | 'features' | 'quantisation' | 'format' | 'labels'>,
  opts: { minWeight: number; quantisation: 'i8' | 'i16' },
): { bytes: Buffer; features: number } {
  const n = raw.keys.length;
  const qmax = opts.quantisation === 'i8' ? 127 : 32767;
  let maxAbs = 0;
  for (let i = 0; i < raw.weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(raw.weights[i]));
  const scale = maxAbs > 0 ? maxAbs / qmax : 1;
  const threshold = Math.max(opts.minWeight, scale / 2);

  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => raw.keys[a] - raw.keys[b]);
  const kept: number[] = [];
  for (const r of order) {
    for (let y = 0; y < L; y++) {
      if (Math.abs(raw.weights[r * L + y]) >= threshold) {
        kept.push(r);
        break;
      }
    }
  }

  const body = new ByteWriter();
  const trans = new Uint8Array(raw.transitions.length * 4);
  const tv = new DataView(trans.buffer);
  raw.transitions.forEach((w, i) => tv.setFloat32(i * 4, w, true));
  body.bytes(trans);
  let prevKey = 0;
  for (const r of kept) {
    body.varint(raw.keys[r] - prevKey);
    prevKey = raw.keys[r];
  }
  const values: number[] = [];
  for (const r of kept) {
    let mask = 0;
    for (let y = 0; y < L; y++) {
      const w = raw.weights[r * L + y];
      if (Math.abs(w) >= threshold) {
        mask |= 1 << y;
        values.push(Math.max(-qmax, Math.min(qmax, Math.round(w / scale))));
      }
    }
    body.varint(mask);
  }
  const width = opts.quantisation === 'i8' ? 1 : 2;
  const packed = new Uint8Array(values.length * width);
  const pv = new DataView(packed.buffer);
  values.forEach((q, i) => (width === 1 ? pv.setInt8(i, q) : pv.setInt16(i * 2, q, true)));
  body.bytes(packed);

  const fullHeader: ModelHeader = {
    ...header,
    format: 'rasd-ner-perceptron',
    labels: [...LABELS],
    scale,
    quantisation: opts.quantisation,
    features: kept.length,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(fullHeader));
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode(MAGIC));
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, headerBytes.length, true);
  out.bytes(len);
  out.bytes(headerBytes);
  out.bytes(body.result());
  return { bytes: gzipSync(out.result(), { level: 9 }), features: kept.length };
}

/**
 * Folds domain-augmented weights (features.ts) into plain ones for tagging text of `target`: each
 * shared feature's weights plus those of its private `target` copy; the other domains' private
 * copies are dropped. The result tags exactly as the augmented model does on `target`, with half
 * the lookups and a smaller file; use it with `domain: null` in the header.
 */
export function foldDomain(raw: RawWeights, target: string, domains: readonly string[]): RawWeights {
  const row = new Map<number, number>();
  raw.keys.forEach((k, i) => row.set(k, i));
  const isCopy = new Uint8Array(raw.keys.length);
  for (const k of raw.keys) {
    for (const d of domains) {
      const r = row.get(domainFeatureKey(d, k));
      if (r !== undefined) isCopy[r] = 1;
    }
  }
  const keys: number[] = [];
  const weights: number[] = [];
  raw.keys.forEach((k, i) => {
    if (isCopy[i]) return;
    const own = row.get(domainFeatureKey(target, k));
    keys.push(k);
    for (let y = 0; y < L; y++) weights.push(raw.weights[i * L + y] + (own === undefined ? 0 : raw.weights[own * L + y]));
  });
  return { keys: Uint32Array.from(keys), weights: Float64Array.from(weights), transitions: raw.transitions };
}

/** A model straight from trainer weights (no quantisation), for scoring during training. */
export function modelFromRaw(raw: RawWeights, header: ModelHeader): Model {
  return { header, table: new WeightTable(raw.keys, Float32Array.from(raw.weights)), transitions: Float32Array.from(raw.transitions) };
}

/** Reads a model file's bytes (gzip-compressed, as written by `encodeModel`). */
export function decodeModel(file: Uint8Array): Model {
  const data = gunzipSync(file);
  if (new TextDecoder().decode(data.subarray(0, 8)) !== MAGIC) throw new Error('not a rasd NER model (bad magic): retrain with `npm run train:ner`');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(data.subarray(12, 12 + headerLength))) as ModelHeader;
  if (header.format !== 'rasd-ner-perceptron' || header.labels.join(' ') !== LABELS.join(' ')) {
    throw new Error('NER model has another format or label set: retrain with `npm run train:ner`');
  }
  let pos = 12 + headerLength;
  const transitions = new Float32Array(TRANSITIONS_LENGTH);
  for (let i = 0; i < TRANSITIONS_LENGTH; i++, pos += 4) transitions[i] = view.getFloat32(pos, true);
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = data[pos++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  const n = header.features;
  const keys = new Uint32Array(n);
  let key = 0;
  for (let i = 0; i < n; i++) {
    key += varint();
    keys[i] = key;
  }
  const masks = new Uint16Array(n);
  for (let i = 0; i < n; i++) masks[i] = varint();
  const weights = new Float32Array(n * L);
  const wide = header.quantisation === 'i16';
  for (let i = 0; i < n; i++) {
    const m = masks[i];
    for (let y = 0; y < L; y++) {
      if (!(m & (1 << y))) continue;
      const q = wide ? view.getInt16(pos, true) : view.getInt8(pos);
      pos += wide ? 2 : 1;
      weights[i * L + y] = q * header.scale;
    }
  }
  return { header, table: new WeightTable(keys, weights), transitions };
}
