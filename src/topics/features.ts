// Features of an article for the topic classifier: a sparse, L2-normalised vector of hashed counts.
//
// What counts (all in matching form, src/text/normalize.ts, so that spelling variants meet):
//   w:  each word (Arabic words; other-script words lower-cased)
//   s:  its light stem (src/text/stem.ts) when that differs from the word — joins و/ب/ال and plural forms
//   b:  each pair of adjacent words — «كاس العالم» or «البنك المركزي» says more than either word
//   #:  the digit count of a number (scores and years look different from prices)
// Title words count TITLE_WEIGHT times: a headline states the topic in a few words.
// Each feature's value is 1 + ln(count) (sublinear: the tenth «مباراة» adds little), then the vector is
// scaled to unit length so long and short articles score on the same footing.
//
// Names are hashed (FNV-1a, 32 bits) into 2^hashBits buckets instead of kept in a vocabulary: no
// dictionary to ship, and unseen words cost nothing. Bigrams combine the two word hashes, which avoids
// building a string per pair. The hashing is part of the model: the config travels in the model header.
import { normalizeArabic } from '../text/normalize.js';
import { lightStem } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';

/** How words become features; stored in the model so that training and inference agree. */
export interface FeatureConfig {
  /** Number of buckets is 2^hashBits. */
  hashBits: number;
  /** How many times each title token counts. */
  titleWeight: number;
  /** Use light stems (s:). */
  stems: boolean;
  /** Use adjacent word pairs (b:). */
  bigrams: boolean;
}

export const DEFAULT_FEATURE_CONFIG: Readonly<FeatureConfig> = {
  hashBits: 18,
  titleWeight: 3,
  stems: true,
  bigrams: true,
};

/** An article as the classifier sees it. */
export interface TopicInput {
  title?: string | null;
  body?: string | null;
}

/** A sparse vector: bucket indices in increasing order and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
  /** Arabic words seen (title + body): the classifier abstains when there are too few. */
  arabicWords: number;
}

/** Articles longer than this are cut (in UTF-16 units) before tokenising: the topic is plain by then,
 *  and a 5 MB paste must not stall the pipeline. */
export const MAX_CHARS = 20_000;

// Stems are costly (the clitic segmenter consults its lexicon) and words repeat (Zipf), so they are
// cached. A plain Map emptied when full: simple, bounded, and the frequent words come back at once.
const STEM_CACHE_MAX = 200_000;
const stemCache = new Map<string, string>();

/** Empties the stem cache (for measuring cold-start speed). */
export function clearStemCache(): void {
  stemCache.clear();
}

function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = lightStem(word);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** FNV-1a over the UTF-16 units of a namespace letter and a string. */
export function hashFeature(namespace: string, s: string): number {
  let h = 0x811c9dc5;
  h = Math.imul(h ^ namespace.charCodeAt(0), 0x01000193);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Bigram hash from two word hashes (order matters). */
function pairHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x62 /* 'b' */, 0x01000193);
  h = Math.imul(h ^ (b >>> 16), 0x01000193);
  h = Math.imul(h ^ (b & 0xffff), 0x01000193);
  // final avalanche (murmur3 fmix) so that nearby inputs spread over the buckets
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Adds the features of one text to `counts` (bucket → weighted count); returns its Arabic word count. */
function addText(text: string, weight: number, cfg: FeatureConfig, counts: Map<number, number>): number {
  const mask = (1 << cfg.hashBits) - 1;
  const add = (h: number): void => {
    const k = h & mask;
    counts.set(k, (counts.get(k) ?? 0) + weight);
  };
  const norm = normalizeArabic(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  let prev = -1; // hash of the previous word, -1 after punctuation/start (no pair across a full stop)
  let arabic = 0;
  for (const t of tokenize(norm)) {
    if (t.kind === 'arabic' || t.kind === 'latin') {
      const word = t.kind === 'latin' ? t.text.toLowerCase() : t.text;
      // one-letter words are detached clitics or initials: noise
      if (word.length < 2) continue;
      if (t.kind === 'arabic') arabic++;
      const wh = hashFeature('w', word);
      add(wh);
      if (cfg.stems && t.kind === 'arabic') {
        const stem = cachedStem(word);
        if (stem !== word) add(hashFeature('s', stem));
      }
      if (cfg.bigrams && prev !== -1) add(pairHash(prev, wh));
      prev = wh;
    } else if (t.kind === 'number') {
      let digits = 0;
      for (let i = 0; i < t.text.length; i++) if (t.text.charCodeAt(i) >= 48 && t.text.charCodeAt(i) <= 57) digits++;
      add(hashFeature('#', String(Math.min(digits, 5))));
      prev = -1;
    } else if (t.text !== '-' && t.text !== '/') {
      // punctuation ends a phrase; a hyphen or slash inside a name does not
      prev = -1;
    }
  }
  return arabic;
}

/**
 * The feature vector of an article. Deterministic: same input and config → same vector.
 * @example extractFeatures({ title: 'ريال مدريد يفوز', body: 'فاز ريال مدريد على برشلونة' }).indices.length > 0
 */
export function extractFeatures(input: TopicInput, cfg: FeatureConfig = DEFAULT_FEATURE_CONFIG): SparseVector {
  const counts = new Map<number, number>();
  let arabicWords = 0;
  if (input.title) arabicWords += addText(input.title, cfg.titleWeight, cfg, counts);
  if (input.body) arabicWords += addText(input.body, 1, cfg, counts);
  const indices = Int32Array.from(counts.keys()).sort();
  const values = new Float32Array(indices.length);
  let norm2 = 0;
  for (let i = 0; i < indices.length; i++) {
    const v = 1 + Math.log(counts.get(indices[i]) as number);
    values[i] = v;
    norm2 += v * v;
  }
  const scale = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
  for (let i = 0; i < values.length; i++) values[i] *= scale;
  return { indices, values, arabicWords };
}
