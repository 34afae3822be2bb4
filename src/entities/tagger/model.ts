// The trained model: feature weights, transition weights, and the file format that stores them.
//
// File (gzip-compressed):
//   "RASDNER1" | u32 LE header length | header JSON (UTF-8) | body
//   body = transitions (f32 × TRANSITIONS_LENGTH)
//        | feature keys, sorted, as varint deltas
//        | per feature: varint bit mask of the labels that have a weight
//        | the weights of those labels as i8 (weight = stored integer × header.scale)
// Sorting plus delta coding makes 32-bit hashed keys cost about two bytes each; dropping zero
// labels and quantising the rest to one byte keeps a model of ~2·10^5 features under 1 MB.
// Quantising to i8 costs nothing measurable on dev (see data/models/README.md).
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
  quantisation: 'i8';
  features: number;
  /** Divides scores before forward-backward so that marginals read as calibrated confidences. */
  temperature: number;
  /** `clustersVersion` of the word clusters the model was trained with, or null for none. */
  clusters?: string | null;
  /** The model's own name dictionary: normalised names by type (see gazetteer.ts NameDictionary). */
  names?: Partial<Record<string, string[]>> | null;
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

/** Bytes per slot of the weight table: u32 key, NUM_LABELS i8 weights, padding. */
const SLOT_BYTES = 16;

/**
 * Open-addressing map from feature key to its quantised weights. Key and weights share one 16-byte
 * slot, so a lookup touches one cache line: scoring is bound by memory latency, not arithmetic.
 * Key 0 marks an empty slot (feature keys are never 0, see hash.ts).
 */
export class WeightTable {
  private readonly slotKeys: Uint32Array;
  private readonly slotWeights: Int8Array;
  private readonly mask: number;
  /** Dequantisation factor: weight = stored integer × scale. */
  readonly scale: number;
  readonly size: number;

  /** `weights[r * NUM_LABELS + y]` is the quantised weight of feature `keys[r]` for label y. */
  constructor(keys: Uint32Array, weights: Int8Array, scale: number) {
    if (SLOT_BYTES < 4 + L) throw new Error('weight table slot too small for the label set');
    this.size = keys.length;
    this.scale = scale;
    let cap = 16;
    while (cap < keys.length * 2) cap <<= 1;
    const buffer = new ArrayBuffer(cap * SLOT_BYTES);
    this.slotKeys = new Uint32Array(buffer);
    this.slotWeights = new Int8Array(buffer);
    this.mask = cap - 1;
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r] & this.mask;
      while (this.slotKeys[s * (SLOT_BYTES / 4)] !== 0) s = (s + 1) & this.mask;
      this.slotKeys[s * (SLOT_BYTES / 4)] = keys[r];
      for (let y = 0; y < L; y++) this.slotWeights[s * SLOT_BYTES + 4 + y] = weights[r * L + y];
    }
  }

  /** Adds the quantised weights of `key` to acc[0..NUM_LABELS); false when the model lacks the key. */
  addTo(key: number, acc: Int32Array): boolean {
    const keys = this.slotKeys;
    let s = key & this.mask;
    for (;;) {
      const k = keys[s * (SLOT_BYTES / 4)];
      if (k === key) break;
      if (k === 0) return false;
      s = (s + 1) & this.mask;
    }
    const w = this.slotWeights;
    const base = s * SLOT_BYTES + 4;
    for (let y = 0; y < L; y++) acc[y] += w[base + y];
    return true;
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

/** Weights quantised to i8: the kept features (sorted by key) and their rows. */
export interface QuantisedWeights {
  keys: Uint32Array;
  weights: Int8Array;
  scale: number;
}

/**
 * Quantises to i8 with one scale for the whole model (the largest weight maps to ±127). Weights
 * that round to 0, or are below `minWeight`, are dropped, and rows left empty with them.
 */
export function quantise(raw: RawWeights, minWeight: number): QuantisedWeights {
  const n = raw.keys.length;
  let maxAbs = 0;
  for (let i = 0; i < raw.weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(raw.weights[i]));
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => raw.keys[a] - raw.keys[b]);
  const keys: number[] = [];
  const rows: number[] = [];
  for (const r of order) {
    let any = false;
    const row = new Array<number>(L);
    for (let y = 0; y < L; y++) {
      const w = raw.weights[r * L + y];
      const q = Math.abs(w) < minWeight ? 0 : Math.max(-127, Math.min(127, Math.round(w / scale)));
      row[y] = q;
      if (q !== 0) any = true;
    }
    if (!any) continue;
    keys.push(raw.keys[r]);
    rows.push(...row);
  }
  return { keys: Uint32Array.from(keys), weights: Int8Array.from(rows), scale };
}

/** Serialises a model (quantising its weights, see `quantise`). */
export function encodeModel(
  raw: RawWeights,
  header: Omit<ModelHeader, 'scale' | 'features' | 'quantisation' | 'format' | 'labels'>,
  opts: { minWeight: number },
): { bytes: Buffer; features: number } {
  const q = quantise(raw, opts.minWeight);
  const n = q.keys.length;
  const body = new ByteWriter();
  const trans = new Uint8Array(raw.transitions.length * 4);
  const tv = new DataView(trans.buffer);
  raw.transitions.forEach((w, i) => tv.setFloat32(i * 4, w, true));
  body.bytes(trans);
  let prevKey = 0;
  for (let r = 0; r < n; r++) {
    body.varint(q.keys[r] - prevKey);
    prevKey = q.keys[r];
  }
  const values: number[] = [];
  for (let r = 0; r < n; r++) {
    let mask = 0;
    for (let y = 0; y < L; y++) {
      const v = q.weights[r * L + y];
      if (v !== 0) {
        mask |= 1 << y;
        values.push(v);
      }
    }
    body.varint(mask);
  }
  body.bytes(new Uint8Array(Int8Array.from(values).buffer));

  const fullHeader: ModelHeader = {
    ...header,
    format: 'rasd-ner-perceptron',
    labels: [...LABELS],
    scale: q.scale,
    quantisation: 'i8',
    features: n,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(fullHeader));
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode(MAGIC));
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, headerBytes.length, true);
  out.bytes(len);
  out.bytes(headerBytes);
  out.bytes(body.result());
  return { bytes: gzipSync(out.result(), { level: 9 }), features: n };
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
    for (let y = 0; y < L; y++)
      weights.push(raw.weights[i * L + y] + (own === undefined ? 0 : raw.weights[own * L + y]));
  });
  return { keys: Uint32Array.from(keys), weights: Float64Array.from(weights), transitions: raw.transitions };
}

/**
 * A model straight from trainer weights, quantised as `encodeModel` would, for scoring during
 * training: what is measured is what would be shipped.
 */
export function modelFromRaw(raw: RawWeights, header: ModelHeader, minWeight = 0): Model {
  const q = quantise(raw, minWeight);
  return {
    header: { ...header, scale: q.scale, features: q.keys.length },
    table: new WeightTable(q.keys, q.weights, q.scale),
    transitions: Float32Array.from(raw.transitions),
  };
}

/** Reads a model file's bytes (gzip-compressed, as written by `encodeModel`). */
export function decodeModel(file: Uint8Array): Model {
  const data = gunzipSync(file);
  if (new TextDecoder().decode(data.subarray(0, 8)) !== MAGIC)
    throw new Error('not a rasd NER model (bad magic): retrain with `npm run train:ner`');
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
  const weights = new Int8Array(n * L);
  for (let i = 0; i < n; i++) {
    const m = masks[i];
    for (let y = 0; y < L; y++) if (m & (1 << y)) weights[i * L + y] = view.getInt8(pos++);
  }
  return { header, table: new WeightTable(keys, weights, header.scale), transitions };
}
