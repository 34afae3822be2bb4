// The topic model: one weight per (feature bucket, label) plus a bias per label, and its file format.
//
// File (gzip of): "RTOP" magic, format version byte, u32 LE header length, header JSON (UTF-8), then the
// weights as int8, bucket-major (the labels of one bucket side by side, so scoring a feature reads one
// short run of bytes). Weight = int8 × header.scale. Quantising to int8 keeps the file small; buckets
// no feature of the training data reached are all zero and gzip folds them away.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureConfig, SparseVector } from './features.js';

/** Provenance and settings carried in the model file. */
export interface TopicModelHeader {
  /** Label slugs in score order (see data/topics/labels.json). */
  labels: string[];
  features: FeatureConfig;
  /** One bias per label. */
  bias: number[];
  /** Multiplier turning the int8 weights back into real weights. */
  scale: number;
  /** Free-form provenance: sources, licence, training command, seed, date, held-out figures. */
  provenance: Record<string, unknown>;
}

export interface TopicModel {
  header: TopicModelHeader;
  /** int8 weights, index = bucket * labels.length + label. */
  weights: Int8Array;
}

const MAGIC = 'RTOP';
const VERSION = 1;

/** Quantises real weights (bucket-major, same layout) into a model. */
export function quantizeModel(
  real: Float64Array | Float32Array,
  bias: ArrayLike<number>,
  header: Omit<TopicModelHeader, 'bias' | 'scale'>,
): TopicModel {
  let max = 0;
  for (let i = 0; i < real.length; i++) {
    const a = Math.abs(real[i]);
    if (a > max) max = a;
  }
  const scale = max > 0 ? max / 127 : 1;
  const weights = new Int8Array(real.length);
  for (let i = 0; i < real.length; i++) weights[i] = Math.round(real[i] / scale);
  return { header: { ...header, bias: Array.from(bias), scale }, weights };
}

/** The model as gzipped bytes. */
export function encodeModel(model: TopicModel): Buffer {
  const head = Buffer.from(JSON.stringify(model.header), 'utf8');
  const out = Buffer.alloc(4 + 1 + 4 + head.length + model.weights.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt8(VERSION, 4);
  out.writeUInt32LE(head.length, 5);
  head.copy(out, 9);
  Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength).copy(out, 9 + head.length);
  return gzipSync(out, { level: 9 });
}

/** Reads a model from gzipped bytes; throws with a clear reason when the bytes are not one. */
export function decodeModel(bytes: Uint8Array): TopicModel {
  const buf = gunzipSync(bytes);
  if (buf.length < 9 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('rasd topics: not a topic model file');
  const version = buf.readUInt8(4);
  if (version !== VERSION) throw new Error(`rasd topics: model format ${version}, this code reads ${VERSION}`);
  const headLen = buf.readUInt32LE(5);
  const header = JSON.parse(buf.toString('utf8', 9, 9 + headLen)) as TopicModelHeader;
  const weights = new Int8Array(buf.length - 9 - headLen);
  weights.set(new Int8Array(buf.buffer, buf.byteOffset + 9 + headLen, weights.length));
  const expected = (1 << header.features.hashBits) * header.labels.length;
  if (weights.length !== expected)
    throw new Error(`rasd topics: model holds ${weights.length} weights, its header implies ${expected}`);
  return { header, weights };
}

/**
 * Label probabilities (softmax of the linear scores), in header.labels order.
 * @example probabilities(model, extractFeatures({ title: '…' }, model.header.features))
 */
export function probabilities(model: TopicModel, x: SparseVector): Float64Array {
  const L = model.header.labels.length;
  const z = new Float64Array(L);
  const w = model.weights;
  for (let i = 0; i < x.indices.length; i++) {
    const base = x.indices[i] * L;
    const v = x.values[i];
    for (let c = 0; c < L; c++) z[c] += v * w[base + c];
  }
  const { bias, scale } = model.header;
  let max = -Infinity;
  for (let c = 0; c < L; c++) {
    z[c] = z[c] * scale + bias[c];
    if (z[c] > max) max = z[c];
  }
  let sum = 0;
  for (let c = 0; c < L; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < L; c++) z[c] /= sum;
  return z;
}
