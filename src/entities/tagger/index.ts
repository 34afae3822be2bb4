// The statistical NER tagger: public entry points.
//
//   const tagger = loadTagger();                 // once per process (memoised)
//   tagger.tag(['قال', 'الرئيس', 'بوتين'])        // → ['O', 'O', 'B-PER']
//   tagSpans(doc)                                // → character spans over doc.text, per sentence
//
// The model (data/models/ner-perceptron.bin.gz) is an averaged perceptron over BIO labels trained
// on ANERcorp (+ WikiFANE) by scripts/train-ner.mjs; see data/models/README.md. Files here:
//   arabic.ts     normalised form, proclitic stripping, shape of a word
//   features.ts   feature templates → hashed keys (hash.ts); trigger words, clusters, dictionary
//   gazetteer.ts  dictionary matching: the caller's KB tags and the model's own name list
//   clusters.ts   word clusters from unlabelled news (SVD + recursive 2-means)
//   labels.ts     the BIO label set, its constraints, corpus tag reduction, spans
//   viterbi.ts    BIO-constrained decoding and forward-backward confidences
//   model.ts      weight table and the model file format;  tagger.ts  one sentence → labels
//   train.ts      the averaged perceptron;  conll.ts  corpus reading and CoNLL scoring
import { readFileSync } from 'node:fs';
import type { Analysis, EntityType, TokenKind } from '../../analysis/types.js';
import { labelIndex, labelType, isInside } from './labels.js';
import { decodeModel } from './model.js';
import { decodeClusters } from './clusters.js';
import { Tagger } from './tagger.js';

export { Tagger, type TaggedSentence } from './tagger.js';
export { gazetteerTags, type GazetteerLookup } from './gazetteer.js';
export { LABELS, ENTITY_TYPES, spansOfLabels } from './labels.js';

/** File names of the model and of its word clusters under data/models/. */
export const MODEL_FILE = 'ner-perceptron.bin.gz';
export const CLUSTERS_FILE = 'ner-clusters.bin.gz';

// Resolved against this module so that it works from src/ (tests) and from dist/ (the package):
// both sit three levels below the package root.
const MODELS_DIR = new URL('../../../data/models/', import.meta.url);

let shared: Tagger | null = null;

/** The tagger with the shipped model, loaded on first use and shared afterwards. */
export function loadTagger(): Tagger {
  if (!shared) {
    const model = decodeModel(readModelFile(MODEL_FILE));
    const clusters = model.header.clusters ? decodeClusters(readModelFile(CLUSTERS_FILE)) : null;
    shared = new Tagger(model, clusters);
  }
  return shared;
}

function readModelFile(name: string): Buffer {
  const url = new URL(name, MODELS_DIR);
  try {
    return readFileSync(url);
  } catch (err) {
    throw new Error(`NER model file missing at ${url.pathname}: run \`npm run train:ner\` (${(err as Error).message})`);
  }
}

/** One entity span found by the tagger. */
export interface TaggedSpan {
  /** UTF-16 offsets into doc.text. */
  start: number;
  end: number;
  type: EntityType;
  sentence: number;
  /** Tokens [tokenStart, tokenEnd) of doc.tokens the span covers. */
  tokenStart: number;
  tokenEnd: number;
  /** Lowest per-token marginal probability of the span's labels, in [0, 1]. */
  confidence: number;
}

export interface TagSpansOptions {
  /** Defaults to `loadTagger()`. */
  tagger?: Tagger;
  /**
   * Gazetteer (KB) BIO tags aligned with doc.tokens, e.g. from `gazetteerTags`. Where a token has
   * none, the model's own name dictionary gives its tag.
   */
  gazetteerTags?: readonly (string | null)[];
}

/**
 * Longest run of tokens tagged at once. Decoding is linear in length, so this only bounds the
 * scratch memory a pathological "sentence" (a table, a list without full stops) can take.
 */
const MAX_RUN_TOKENS = 400;

const EDGE_KINDS: ReadonlySet<TokenKind> = new Set(['punct', 'symbol']);

/**
 * Runs the tagger over each sentence of `doc` (its `tokens`, as the text stage made them) and
 * returns the entity spans in `doc.text`. Punctuation stays in the sequence, as in the training
 * data, but a span never starts or ends on punctuation: a span is trimmed to its first and last
 * word and dropped when nothing is left.
 */
export function tagSpans(doc: Analysis, opts: TagSpansOptions = {}): TaggedSpan[] {
  const tokens = doc.tokens;
  if (!tokens.length) return [];
  const tagger = opts.tagger ?? loadTagger();
  const out: TaggedSpan[] = [];
  let runStart = 0;
  while (runStart < tokens.length) {
    const sentence = tokens[runStart].sentence;
    let runEnd = runStart + 1;
    while (runEnd < tokens.length && tokens[runEnd].sentence === sentence && runEnd - runStart < MAX_RUN_TOKENS)
      runEnd++;
    const words = new Array<string>(runEnd - runStart);
    for (let i = runStart; i < runEnd; i++) words[i - runStart] = tokens[i].text;
    const gaz = opts.gazetteerTags?.slice(runStart, runEnd);
    const { labels, confidence } = tagger.tagWithConfidence(words, gaz);
    collectSpans(doc, runStart, labels, confidence, sentence, out);
    runStart = runEnd;
  }
  return out;
}

function collectSpans(
  doc: Analysis,
  offset: number,
  labels: string[],
  confidence: number[],
  sentence: number,
  out: TaggedSpan[],
): void {
  let i = 0;
  while (i < labels.length) {
    const y = labelIndex(labels[i]);
    const type = labelType(y);
    if (!type) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < labels.length && isInside(labelIndex(labels[j])) && labelType(labelIndex(labels[j])) === type) j++;
    let a = i;
    let b = j;
    while (a < b && EDGE_KINDS.has(doc.tokens[offset + a].kind)) a++;
    while (b > a && EDGE_KINDS.has(doc.tokens[offset + b - 1].kind)) b--;
    if (a < b) {
      let conf = 1;
      for (let k = i; k < j; k++) conf = Math.min(conf, confidence[k]);
      out.push({
        start: doc.tokens[offset + a].start,
        end: doc.tokens[offset + b - 1].end,
        type,
        sentence,
        tokenStart: offset + a,
        tokenEnd: offset + b,
        confidence: conf,
      });
    }
    i = j;
  }
}
