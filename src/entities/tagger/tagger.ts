// Tagging one sentence with a loaded model: features → emission scores → Viterbi.
import { FeatureBuffer, FeatureExtractor, FEATURE_SET } from './features.js';
import { FEATURE_NORMALISER } from './arabic.js';
import { ENTITY_TYPES, LABELS, NUM_LABELS } from './labels.js';
import { NameDictionary } from './gazetteer.js';
import type { EntityType } from '../../analysis/types.js';
import type { Model } from './model.js';
import type { WordClusters } from './clusters.js';
import { DecodeWork, marginals, viterbi } from './viterbi.js';

const L = NUM_LABELS;

/** A sentence's labels with, for each token, the marginal probability of its label. */
export interface TaggedSentence {
  labels: string[];
  /** p(label_i | sentence) under the model read as a CRF (see viterbi.ts `marginals`). */
  confidence: number[];
}

/**
 * A sequence tagger over one model. Reuses its buffers between calls, so one instance must not be
 * used from two async tasks at once (Node runs it on one thread, so plain calls are safe).
 */
export class Tagger {
  readonly model: Model;
  private readonly extractor: FeatureExtractor;
  private readonly features = new FeatureBuffer();
  private readonly work = new DecodeWork();
  private emit = new Float32Array(0);
  private best = new Int32Array(0);
  private probs = new Float64Array(0);

  /** `clusters` must be the word clusters the model was trained with (checked by version). */
  constructor(model: Model, clusters: WordClusters | null = null) {
    if (model.header.featureSet !== FEATURE_SET || model.header.normaliser !== FEATURE_NORMALISER) {
      throw new Error(
        `NER model was trained with features ${model.header.featureSet}/${model.header.normaliser}, code has ${FEATURE_SET}/${FEATURE_NORMALISER}: retrain with \`npm run train:ner\``,
      );
    }
    const want = model.header.clusters ?? null;
    const have = clusters ? clusters.header.version : null;
    if (want !== have) {
      throw new Error(
        `NER model expects word clusters ${want ?? '(none)'}, got ${have ?? '(none)'}: ship the cluster file the model was trained with, or retrain`,
      );
    }
    this.model = model;
    this.extractor = new FeatureExtractor(model.header.triggers, clusters ? clusters.codes : null, namesOf(model));
  }

  /**
   * BIO labels (O, B-PER, I-LOC …) for a sentence of words. `gazetteerTags[i]`, when given, is the
   * BIO tag of a dictionary (KB) match covering word i, or null.
   */
  tag(words: readonly string[], gazetteerTags?: readonly (string | null)[]): string[] {
    const n = this.decode(words, gazetteerTags);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = LABELS[this.best[i]];
    return out;
  }

  /** Like `tag`, with a confidence per token. */
  tagWithConfidence(words: readonly string[], gazetteerTags?: readonly (string | null)[]): TaggedSentence {
    const n = this.decode(words, gazetteerTags);
    if (this.probs.length < n * L) this.probs = new Float64Array(Math.max(n * L, this.probs.length * 2));
    marginals(this.emit, n, this.model.transitions, this.model.header.temperature, this.work, this.probs);
    const labels = new Array<string>(n);
    const confidence = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      labels[i] = LABELS[this.best[i]];
      confidence[i] = this.probs[i * L + this.best[i]];
    }
    return { labels, confidence };
  }

  /** Scores and decodes; leaves the emission scores in this.emit and labels in this.best. */
  private decode(words: readonly string[], gazetteerTags: readonly (string | null)[] | undefined): number {
    const n = words.length;
    if (n === 0) return 0;
    if (this.emit.length < n * L) {
      this.emit = new Float32Array(Math.max(n * L, this.emit.length * 2));
      this.best = new Int32Array(this.emit.length / L);
    }
    this.extractor.extract(words, this.features, {
      gazetteer: gazetteerTags,
      domain: this.model.header.domain ?? null,
    });
    scoreEmissions(this.features, n, this.model, this.emit);
    viterbi(this.emit, n, this.model.transitions, this.work, this.best);
    return n;
  }
}

/** The name dictionary a model carries in its header, if any. */
export function namesOf(model: Model): NameDictionary | null {
  const lists = model.header.names;
  if (!lists) return null;
  const names = new Map<string, EntityType>();
  for (const type of ENTITY_TYPES) for (const name of lists[type] ?? []) names.set(name, type);
  return new NameDictionary(names);
}

const acc = new Int32Array(L);

/** emit[i * L + y] = sum of the weights of token i's features for label y. */
export function scoreEmissions(features: FeatureBuffer, n: number, model: Model, emit: Float32Array): void {
  const { keys, offsets } = features;
  const table = model.table;
  const scale = table.scale;
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    for (let f = offsets[i], end = offsets[i + 1]; f < end; f++) table.addTo(keys[f], acc);
    const base = i * L;
    for (let y = 0; y < L; y++) emit[base + y] = acc[y] * scale;
  }
}
