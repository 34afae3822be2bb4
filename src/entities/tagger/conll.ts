// Reading token/tag corpora (ANERcorp, AQMAR, FANE) and scoring tag sequences, CoNLL style.
//
// Used by scripts/train-ner.mjs and eval/ner.mjs; the scoring mirrors
// /work/shared/eval/score-conll.mjs (exact spans, types reduced to PER/LOC/ORG/MISC).
import { readFileSync } from 'node:fs';
import { coarseLabel, ENTITY_TYPES, spansOfLabels } from './labels.js';
import type { LabelledSentence } from './train.js';

// Tag glitches known in AQMAR (see /work/shared/data/ner/aqmar/README.md).
const TAG_FIXES: Record<string, string> = { OO: 'O', IO: 'O', 'I--ORG': 'I-ORG' };

/**
 * Parses a `token TAG` (space or TAB separated) file, blank line between sentences. Strips BOM,
 * CR and the LRM/RLM marks FANE puts before tokens; tags are reduced to the coarse BIO set.
 */
export function parseConll(text: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  let words: string[] = [];
  let labels: string[] = [];
  const flush = (): void => {
    if (words.length) out.push({ words, labels });
    words = [];
    labels = [];
  };
  for (const line of text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const parts = line.includes('\t') ? line.split('\t') : line.split(/ +/);
    const word = parts[0].replace(/[\u200e\u200f]/g, '').trim();
    if (!word) continue;
    const tag = (parts[1] ?? 'O').trim();
    words.push(word);
    labels.push(coarseLabel(TAG_FIXES[tag] ?? tag));
  }
  flush();
  return out;
}

export function readConll(path: string): LabelledSentence[] {
  return parseConll(readFileSync(path, 'utf8'));
}

/** True-positive, false-positive and false-negative counts per type. */
export type SpanCounts = Record<string, { tp: number; fp: number; fn: number }>;

export function emptyCounts(): SpanCounts {
  return Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
}

/** Adds one sentence's exact-span matches to `counts`. */
export function countSpans(gold: readonly string[], predicted: readonly string[], counts: SpanCounts): void {
  const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
  const g = new Set(spansOfLabels(gold).map(key));
  const p = new Set(spansOfLabels(predicted).map(key));
  for (const s of g) counts[s.split(':')[2]][p.has(s) ? 'tp' : 'fn']++;
  for (const s of p) if (!g.has(s)) counts[s.split(':')[2]].fp++;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

function prf(c: { tp: number; fp: number; fn: number }): Prf {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, ...c };
}

/** Per-type and micro-averaged precision, recall, F1. */
export function summarise(counts: SpanCounts): { micro: Prf; perType: Record<string, Prf> } {
  const all = { tp: 0, fp: 0, fn: 0 };
  const perType: Record<string, Prf> = {};
  for (const [t, c] of Object.entries(counts)) {
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
    perType[t] = prf(c);
  }
  return { micro: prf(all), perType };
}

const PROCLITIC_TOKENS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
const ENCLITIC_TOKENS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'كما', 'نا', 'ي']);
const ARABIC_LETTER = /[\u0621-\u064a]/;

/**
 * Re-attaches the clitics FANE writes as separate tokens (و قال → وقال, ل الاتحاد → للاتحاد,
 * ان ه → انه), so that FANE sentences look like ANERcorp's and like running text. The merged token
 * keeps its host's label (ANERcorp tags وألمانيا as a whole B-LOC). An enclitic is not glued to a
 * word with the article: such words take no possessive suffix, so هم after المسيحيين is a pronoun.
 */
export function glueClitics(s: LabelledSentence): LabelledSentence {
  const words: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < s.words.length; i++) {
    const w = s.words[i];
    const prev = words.length ? words[words.length - 1] : '';
    if (ENCLITIC_TOKENS.has(w) && ARABIC_LETTER.test(prev) && !/^[وف]?ال/.test(prev) && !PROCLITIC_TOKENS.has(prev)) {
      words[words.length - 1] = prev + w;
      continue;
    }
    words.push(w === 'ء' ? '"' : w);
    labels.push(s.labels[i]);
  }
  // Proclitics right to left, so that و ب المدينة → وبالمدينة.
  for (let i = words.length - 2; i >= 0; i--) {
    if (!PROCLITIC_TOKENS.has(words[i]) || !ARABIC_LETTER.test(words[i + 1])) continue;
    const host = words[i + 1];
    words[i + 1] = words[i] === 'ل' && host.startsWith('ال') ? 'ل' + host.slice(1) : words[i] + host;
    if (labels[i].startsWith('B-') && labels[i + 1].startsWith('I-')) labels[i + 1] = labels[i];
    words.splice(i, 1);
    labels.splice(i, 1);
  }
  // FANE's own gluing writes ل + ال as لال (لالاتحاد); Arabic spelling drops the alef (للاتحاد).
  for (let i = 0; i < words.length; i++) words[i] = words[i].replace(/^([وف]?)لال(?=..)/, '$1لل');
  return { words, labels };
}
