// Feature extraction: one sentence of words → for each token a list of 32-bit feature keys.
//
// Every value a feature needs (normalised word, proclitic-stripped core, shape, trigger class,
// gazetteer tag) is computed once per token into typed arrays, then the features of token i are
// integer mixes of a template id with those per-token hashes (see hash.ts): no feature strings,
// no per-feature allocation. The feature set is versioned: a model records `FEATURE_SET` and
// is refused by an extractor of another version.
import {
  dropOneLetterClitic,
  firstWordForms,
  normalizeWord,
  stripProclitics,
  wordShape,
  type Shape,
} from './arabic.js';
import { featureKey, featureKey2, hashRange, hashString } from './hash.js';
import { labelIndex } from './labels.js';
import type { NameDictionary } from './gazetteer.js';

/** Version of the templates below; bump when any template changes meaning. */
export const FEATURE_SET = 'tagger-features-3';

/** Feature templates. The numbers are part of the model: append, never renumber. */
const enum T {
  Bias = 0,
  Raw,
  Norm,
  Pre1,
  Pre2,
  Pre3,
  Pre4,
  Suf1,
  Suf2,
  Suf3,
  Suf4,
  Core,
  DropOne,
  Clitics,
  Shape,
  Length,
  NormM2,
  NormM1,
  NormP1,
  NormP2,
  CoreM1,
  CoreP1,
  BigramM1,
  BigramP1,
  TrigM2,
  TrigM1,
  Trig0,
  TrigP1,
  GazM1,
  Gaz0,
  GazP1,
  Suf2P1,
  ShapeM1,
  ShapeP1,
  First,
  CorePre3,
  CoreSuf3,
  TrigM1Len0,
  GazSpan,
  Domain,
  Clu4,
  Clu6,
  Clu8,
  Clu10,
  Clu12,
  CluM1x6,
  CluM1x10,
  CluP1x6,
  CluP1x10,
  Suf2M1,
  NamePartM1,
  NamePart0,
  NamePartP1,
  Count,
}

/** Trigger classes, as bits; a word may carry several (الفريق is a rank and a team). */
export const TRIGGER_CLASSES = ['TITLE', 'ORGHEAD', 'LOCCUE', 'SPEECH', 'NAMEPART'] as const;
export type TriggerClass = (typeof TRIGGER_CLASSES)[number];

/** Trigger word lists: class → words as written (normalised and stripped when loaded). */
export type TriggerLists = Partial<Record<TriggerClass, string[]>>;

const SHAPES: readonly Shape[] = ['arabic', 'latin', 'digit', 'punct', 'mixed', 'other'];
const MAX_LENGTH_BUCKET = 10;

// Values standing for positions outside the sentence.
const BOS = hashString('<s>');
const EOS = hashString('</s>');
const NO_VALUE = 0;

/** The first `depth` steps of a cluster path (the whole path when it is shorter). */
function clusterPrefix(code: number, depth: number): number {
  const len = 31 - Math.clz32(code);
  return len > depth ? code >>> (len - depth) : code;
}

/**
 * Key of the private copy, for corpus `domain`, of the feature `key` (see the domain adaptation in
 * `FeatureExtractor.extract`).
 */
export function domainFeatureKey(domain: string, key: number): number {
  return featureKey2(T.Domain, hashString(domain), key);
}

/** What `FeatureExtractor.extract` may be told besides the words. */
export interface ExtractOptions {
  /** Caller's dictionary (KB) BIO tags per word (B-LOC, I-PER …), null where none. */
  gazetteer?: readonly (string | null | undefined)[] | null;
  /** Corpus of the sentence, for domain-augmented training features; null at tagging time. */
  domain?: string | null;
  /** False to leave out the model's own name dictionary (for sentences it was built from). */
  names?: boolean;
}

/** Reusable output: the feature keys of token i are keys[offsets[i] .. offsets[i+1]). */
export class FeatureBuffer {
  keys: Uint32Array = new Uint32Array(1024);
  offsets: Int32Array = new Int32Array(64);
  length = 0;

  /** Makes room for n tokens of up to `perToken` features each. */
  reserve(n: number, perToken: number): void {
    if (this.offsets.length < n + 1) this.offsets = new Int32Array(Math.max(n + 1, this.offsets.length * 2));
    const need = n * perToken;
    if (this.keys.length < need) this.keys = new Uint32Array(Math.max(need, this.keys.length * 2));
  }
}

/** Upper bound on features per token (templates that may fire more than once counted twice). */
const MAX_FEATURES_PER_TOKEN = T.Count + 8;

/** Per-token values, grown as needed and reused between sentences. */
class TokenValues {
  capacity = 0;
  norms: string[] = [];
  raw = new Uint32Array(0);
  norm = new Uint32Array(0);
  core = new Uint32Array(0);
  drop = new Uint32Array(0);
  clitics = new Uint32Array(0);
  shape = new Uint8Array(0);
  length = new Uint8Array(0);
  trig = new Uint8Array(0);
  gaz = new Int8Array(0);
  cluster = new Uint16Array(0);
  namePart = new Uint8Array(0);
  coreStart = new Int32Array(0);

  ensure(n: number): void {
    if (n <= this.capacity) return;
    const c = Math.max(n, this.capacity * 2, 64);
    this.capacity = c;
    this.raw = new Uint32Array(c);
    this.norm = new Uint32Array(c);
    this.core = new Uint32Array(c);
    this.drop = new Uint32Array(c);
    this.clitics = new Uint32Array(c);
    this.shape = new Uint8Array(c);
    this.length = new Uint8Array(c);
    this.trig = new Uint8Array(c);
    this.gaz = new Int8Array(c);
    this.cluster = new Uint16Array(c);
    this.namePart = new Uint8Array(c);
    this.coreStart = new Int32Array(c);
  }
}

/**
 * Turns sentences into feature keys. One extractor per thread of work: it reuses its buffers, so
 * it is not re-entrant. `extract` is deterministic: same words, tags and triggers → same keys.
 */
export class FeatureExtractor {
  private readonly triggers = new Map<string, number>();
  private readonly values = new TokenValues();
  private readonly clusters: ReadonlyMap<string, number> | null;
  private readonly names: NameDictionary | null;

  /**
   * `clusters`: word → cluster path code (see clusters.ts); `names`: the model's own name
   * dictionary (gazetteer.ts). Either may be null for a model trained without them.
   */
  constructor(
    triggers: TriggerLists,
    clusters: ReadonlyMap<string, number> | null = null,
    names: NameDictionary | null = null,
  ) {
    this.clusters = clusters;
    this.names = names;
    TRIGGER_CLASSES.forEach((cls, bit) => {
      for (const word of triggers[cls] ?? []) {
        const core = stripProclitics(normalizeWord(word.trim())).core;
        if (core) this.triggers.set(core, (this.triggers.get(core) ?? 0) | (1 << bit));
      }
    });
  }

  /** Cluster code of a normalised word: its own, or that of its form without clitics; 0 when none. */
  private clusterOf(norm: string): number {
    const clusters = this.clusters;
    if (!clusters) return 0;
    const direct = clusters.get(norm);
    if (direct !== undefined) return direct;
    for (const form of firstWordForms(norm)) {
      const c = clusters.get(form);
      if (c !== undefined) return c;
    }
    return 0;
  }

  /** Trigger-class bits of a word (0 when it is no trigger). */
  triggerBits(word: string): number {
    return this.triggers.get(stripProclitics(normalizeWord(word)).core) ?? 0;
  }

  /** Fills `out` with the features of each word. */
  extract(words: readonly string[], out: FeatureBuffer, opts: ExtractOptions = {}): void {
    const n = words.length;
    const v = this.values;
    const domain = opts.domain ?? null;
    const caller = opts.gazetteer;
    const names = opts.names === false ? null : this.names;
    v.ensure(n);
    out.reserve(n, domain === null ? MAX_FEATURES_PER_TOKEN : 2 * MAX_FEATURES_PER_TOKEN);
    out.length = n;
    for (let i = 0; i < n; i++) {
      const word = words[i];
      const norm = normalizeWord(word);
      const split = stripProclitics(norm);
      const drop = dropOneLetterClitic(norm);
      v.norms[i] = norm;
      v.raw[i] = hashString(word);
      v.norm[i] = hashString(norm);
      v.core[i] = hashString(split.core);
      v.coreStart[i] = norm.length - split.core.length;
      v.drop[i] = drop === null ? NO_VALUE : hashString(drop);
      v.clitics[i] = hashString(`${split.conj}+${split.prep}+${split.article ? 'ال' : ''}`);
      v.shape[i] = SHAPES.indexOf(wordShape(word));
      v.length[i] = Math.min(split.core.length, MAX_LENGTH_BUCKET);
      v.trig[i] = this.triggers.get(split.core) ?? 0;
      v.cluster[i] = this.clusterOf(norm);
      v.namePart[i] = names ? names.partsOf(norm) : 0;
    }
    if (v.norms.length > n) v.norms.length = n;
    // Dictionary tags: the caller's (the KB) where it has one, else the model's own dictionary's.
    const own = names ? names.tags(v.norms) : null;
    for (let i = 0; i < n; i++) {
      const g = caller?.[i] ?? own?.[i];
      v.gaz[i] = g ? labelIndex(g) : -1;
    }

    const keys = out.keys;
    const d = domain === null ? 0 : hashString(domain);
    let k = 0;
    for (let i = 0; i < n; i++) {
      out.offsets[i] = k;
      const norm = v.norms[i];
      const len = norm.length;
      const coreStart = v.coreStart[i];
      const prev = i > 0 ? v.norm[i - 1] : BOS;
      const next = i + 1 < n ? v.norm[i + 1] : EOS;

      keys[k++] = featureKey(T.Bias, 0);
      keys[k++] = featureKey(T.Raw, v.raw[i]);
      keys[k++] = featureKey(T.Norm, v.norm[i]);
      for (let a = 1; a <= 4 && a <= len; a++) {
        keys[k++] = featureKey(T.Pre1 + a - 1, hashRange(norm, 0, a));
        keys[k++] = featureKey(T.Suf1 + a - 1, hashRange(norm, len - a, len));
      }
      keys[k++] = featureKey(T.Core, v.core[i]);
      if (len - coreStart >= 3) {
        keys[k++] = featureKey(T.CorePre3, hashRange(norm, coreStart, coreStart + 3));
        keys[k++] = featureKey(T.CoreSuf3, hashRange(norm, len - 3, len));
      }
      if (v.drop[i] !== NO_VALUE) keys[k++] = featureKey(T.DropOne, v.drop[i]);
      keys[k++] = featureKey(T.Clitics, v.clitics[i]);
      keys[k++] = featureKey(T.Shape, v.shape[i]);
      keys[k++] = featureKey(T.Length, v.length[i]);
      keys[k++] = featureKey(T.NormM2, i > 1 ? v.norm[i - 2] : BOS);
      keys[k++] = featureKey(T.NormM1, prev);
      keys[k++] = featureKey(T.NormP1, next);
      keys[k++] = featureKey(T.NormP2, i + 2 < n ? v.norm[i + 2] : EOS);
      keys[k++] = featureKey(T.CoreM1, i > 0 ? v.core[i - 1] : BOS);
      keys[k++] = featureKey(T.CoreP1, i + 1 < n ? v.core[i + 1] : EOS);
      keys[k++] = featureKey2(T.BigramM1, prev, v.norm[i]);
      keys[k++] = featureKey2(T.BigramP1, v.norm[i], next);
      keys[k++] = featureKey(T.ShapeM1, i > 0 ? v.shape[i - 1] : 255);
      keys[k++] = featureKey(T.ShapeP1, i + 1 < n ? v.shape[i + 1] : 255);
      if (i === 0) keys[k++] = featureKey(T.First, 0);
      if (i + 1 < n) {
        const nn = v.norms[i + 1];
        if (nn.length >= 2) keys[k++] = featureKey(T.Suf2P1, hashRange(nn, nn.length - 2, nn.length));
      }
      const t0 = v.trig[i];
      const tm1 = i > 0 ? v.trig[i - 1] : 0;
      const tm2 = i > 1 ? v.trig[i - 2] : 0;
      const tp1 = i + 1 < n ? v.trig[i + 1] : 0;
      if (t0) keys[k++] = featureKey(T.Trig0, t0);
      if (tm1) {
        keys[k++] = featureKey(T.TrigM1, tm1);
        keys[k++] = featureKey2(T.TrigM1Len0, tm1, v.length[i]);
      }
      if (tm2) keys[k++] = featureKey(T.TrigM2, tm2);
      if (tp1) keys[k++] = featureKey(T.TrigP1, tp1);
      const g0 = v.gaz[i];
      const gm1 = i > 0 ? v.gaz[i - 1] : -1;
      const gp1 = i + 1 < n ? v.gaz[i + 1] : -1;
      if (g0 >= 0) keys[k++] = featureKey(T.Gaz0, g0);
      if (gm1 >= 0) keys[k++] = featureKey(T.GazM1, gm1);
      if (gp1 >= 0) keys[k++] = featureKey(T.GazP1, gp1);
      if (g0 >= 0 && gm1 >= 0) keys[k++] = featureKey2(T.GazSpan, gm1, g0);
      const c0 = v.cluster[i];
      if (c0) {
        keys[k++] = featureKey(T.Clu4, clusterPrefix(c0, 4));
        keys[k++] = featureKey(T.Clu6, clusterPrefix(c0, 6));
        keys[k++] = featureKey(T.Clu8, clusterPrefix(c0, 8));
        keys[k++] = featureKey(T.Clu10, clusterPrefix(c0, 10));
        keys[k++] = featureKey(T.Clu12, clusterPrefix(c0, 12));
      }
      const cm1 = i > 0 ? v.cluster[i - 1] : 0;
      const cp1 = i + 1 < n ? v.cluster[i + 1] : 0;
      if (cm1) {
        keys[k++] = featureKey(T.CluM1x6, clusterPrefix(cm1, 6));
        keys[k++] = featureKey(T.CluM1x10, clusterPrefix(cm1, 10));
      }
      if (cp1) {
        keys[k++] = featureKey(T.CluP1x6, clusterPrefix(cp1, 6));
        keys[k++] = featureKey(T.CluP1x10, clusterPrefix(cp1, 10));
      }
      const np0 = v.namePart[i];
      const npm1 = i > 0 ? v.namePart[i - 1] : 0;
      const npp1 = i + 1 < n ? v.namePart[i + 1] : 0;
      if (np0) keys[k++] = featureKey(T.NamePart0, np0);
      if (npm1) keys[k++] = featureKey(T.NamePartM1, npm1);
      if (npp1) keys[k++] = featureKey(T.NamePartP1, npp1);
      if (i > 0) {
        const pn = v.norms[i - 1];
        if (pn.length >= 2) keys[k++] = featureKey(T.Suf2M1, hashRange(pn, pn.length - 2, pn.length));
      }
      if (domain !== null) {
        // Domain adaptation by feature augmentation (Daumé 2007): every feature also gets a copy
        // private to the corpus it came from, so conventions that differ between corpora (what
        // counts as MISC, whether نسبة adjectives are LOC) land in the private copies.
        for (let f = out.offsets[i], end = k; f < end; f++) keys[k++] = featureKey2(T.Domain, d, keys[f]);
      }
    }
    out.offsets[n] = k;
  }
}
