// Features of an article for the topic classifier: a sparse, L2-normalised vector of hashed counts.
//
// What counts (all in matching form, src/text/normalize.ts, so that spelling variants meet):
//   w:  each word (Arabic words; other-script words lower-cased)
//   s:  its light stem (src/text/stem.ts) when that differs from the word — joins و/ب/ال and plural forms
//   b:  each pair of adjacent words — «كاس العالم» or «البنك المركزي» says more than either word
//   #:  the digit count of a number (scores and years look different from prices)
// Title words count `titleWeight` (3) times: a headline states the topic in a few words.
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

// Stems are costly (the clitic segmenter consults its lexicon: a few µs a word) and words repeat (Zipf),
// so the stem feature of each word is cached. The cache is an open-addressing table keyed by the word's
// own feature hash and checked against the word itself, because a Map keyed by the token strings (fresh
// slices each time) spends most of its time hashing them. Emptied when full: bounded, and the frequent
// words come back at once. A miss only costs time: the result never depends on what was seen before.
const STEM_TABLE_BITS = 19;
const STEM_TABLE_MAX = 1 << (STEM_TABLE_BITS - 1); // half full at most, so probes stay short
const stemWords: Array<string | undefined> = new Array(1 << STEM_TABLE_BITS);
const stemHashes = new Int32Array(1 << STEM_TABLE_BITS);
const stemValues = new Int32Array(1 << STEM_TABLE_BITS);
let stemCount = 0;
/** Stored for a word whose stem is the word itself (no s: feature). */
const NO_STEM = 0;

/** Empties the stem cache (for measuring cold-start speed). */
export function clearStemCache(): void {
  stemWords.fill(undefined);
  stemCount = 0;
}

/** The s: feature hash of an Arabic word (wordHash = its w: hash), or NO_STEM when the stem is the word. */
function stemFeature(word: string, wordHash: number): number {
  const mask = (1 << STEM_TABLE_BITS) - 1;
  let slot = wordHash & mask;
  for (;;) {
    const w = stemWords[slot];
    if (w === undefined) break;
    if (stemHashes[slot] === (wordHash | 0) && w === word) return stemValues[slot];
    slot = (slot + 1) & mask;
  }
  const stem = lightStem(word);
  // 0 is reserved for NO_STEM; a real hash of 0 (one in 2^32) moves to 1
  const value = stem === word ? NO_STEM : hashFeature('s', stem) || 1;
  if (stemCount >= STEM_TABLE_MAX) {
    clearStemCache();
    slot = wordHash & mask;
  }
  // A token's text is a slice of the article's normalised text, and V8 keeps the whole parent string alive
  // for as long as a long slice lives: the cache stores a flat copy so it never holds articles in memory.
  stemWords[slot] = [...word].join('');
  stemHashes[slot] = wordHash | 0;
  stemValues[slot] = value;
  stemCount++;
  return value;
}

// Counts are summed in a dense scratch array (one per bucket count, reused across calls) with the list of
// buckets touched: far faster than a Map, and reset by walking that list.
interface Scratch {
  counts: Float64Array;
  touched: Int32Array;
  n: number;
}
const scratches = new Map<number, Scratch>();

function scratchFor(hashBits: number): Scratch {
  let s = scratches.get(hashBits);
  if (!s) {
    s = { counts: new Float64Array(1 << hashBits), touched: new Int32Array(1024), n: 0 };
    scratches.set(hashBits, s);
  }
  return s;
}

function addCount(s: Scratch, k: number, weight: number): void {
  if (s.counts[k] === 0) {
    if (s.n === s.touched.length) {
      const grown = new Int32Array(s.touched.length * 2);
      grown.set(s.touched);
      s.touched = grown;
    }
    s.touched[s.n++] = k;
  }
  s.counts[k] += weight;
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

/** Adds the features of one text to the scratch counts; returns its Arabic word count. */
function addText(text: string, weight: number, cfg: FeatureConfig, scratch: Scratch): number {
  const mask = (1 << cfg.hashBits) - 1;
  const norm = normalizeArabic(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  let prev = -1; // hash of the previous word, -1 after punctuation/start (no pair across a full stop)
  let arabic = 0;
  for (const t of tokenize(norm)) {
    if (t.kind === 'arabic' || t.kind === 'latin') {
      const word = t.kind === 'latin' ? t.text.toLowerCase() : t.text;
      // one-letter words are detached clitics or initials: noise
      if (word.length < 2) continue;
      const wh = hashFeature('w', word);
      addCount(scratch, wh & mask, weight);
      if (t.kind === 'arabic') {
        arabic++;
        if (cfg.stems) {
          const sh = stemFeature(word, wh);
          if (sh !== NO_STEM) addCount(scratch, sh & mask, weight);
        }
      }
      if (cfg.bigrams && prev !== -1) addCount(scratch, pairHash(prev, wh) & mask, weight);
      prev = wh;
    } else if (t.kind === 'number') {
      let digits = 0;
      for (let i = 0; i < t.text.length; i++) if (t.text.charCodeAt(i) >= 48 && t.text.charCodeAt(i) <= 57) digits++;
      addCount(scratch, hashFeature('#', String(Math.min(digits, 5))) & mask, weight);
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
  const scratch = scratchFor(cfg.hashBits);
  let arabicWords = 0;
  try {
    if (input.title) arabicWords += addText(input.title, cfg.titleWeight, cfg, scratch);
    if (input.body) arabicWords += addText(input.body, 1, cfg, scratch);
    const indices = scratch.touched.slice(0, scratch.n).sort();
    const values = new Float32Array(indices.length);
    let norm2 = 0;
    for (let i = 0; i < indices.length; i++) {
      const v = 1 + Math.log(scratch.counts[indices[i]]);
      values[i] = v;
      norm2 += v * v;
    }
    const scale = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
    for (let i = 0; i < values.length; i++) values[i] *= scale;
    return { indices, values, arabicWords };
  } finally {
    // leave the scratch clean even if something above threw
    for (let i = 0; i < scratch.n; i++) scratch.counts[scratch.touched[i]] = 0;
    scratch.n = 0;
  }
}
