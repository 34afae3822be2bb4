// rasd's Arabic search analyzer: text → index terms, the same for documents and for queries.
//
// Why our own: SQLite FTS5 (unicode61) splits Arabic words at diacritics and knows no clitics;
// PostgreSQL's `arabic` Snowball config stems «بوتين» to «وتين». Both stores therefore index the
// terms this module produces (space-joined, so their own tokenizers only split at spaces) and never
// see raw Arabic. One analyzer, one set of terms: both backends match and rank the same.
//
// Per token (src/text/tokenize.ts):
//  - Arabic word: matching form (src/text/normalize.ts); a stop word (data/search/stopwords.txt),
//    whole or after its proclitics/pronoun are removed (وفي، فيها), is dropped. Then the light stem
//    (src/text/stem.ts: guarded proclitic removal + suffix passes), so «والروسية» and «روسيا» share
//    «روس» — except person names: a word that is a token of a KB person's Arabic name and is mostly
//    tagged as a name in the corpora (the text layer's word lexicon) keeps its form without
//    suffix passes, so «بوتين» stays «بوتين» instead of «بوت» and «سلمان» does not become «سلم».
//  - Latin word: matching form (accents off), lower case, only letters and digits (O'Brien → obrien);
//    a few English stop words dropped.
//  - Number: ASCII digits; thousands separators dropped, a decimal point written «d» (3.5 → 3d5),
//    so that a number stays one term in every tokenizer.
//  - Punctuation and symbols: nothing; nor any term longer than MAX_TERM_CHARS.
// Every term keeps the span of the token it came from, so a match can be shown in the clean text.
import { tokenize } from '../text/tokenize.js';
import { normalizeArabic } from '../text/normalize.js';
import { segmentWord } from '../text/clitics.js';
import { stripSuffixes } from '../text/stem.js';
import { readTextDataLines } from '../text/data.js';
import { loadKb } from '../kb/index.js';
import { readSearchDataLines } from './data.js';

/** A term with the span of the token it came from (UTF-16 offsets into the analysed text). */
export interface AnalyzedTerm {
  term: string;
  start: number;
  end: number;
}

/** Arabic terms shorter than this are dropped (single letters are abbreviations or debris). */
export const MIN_ARABIC_TERM = 2;
/**
 * Longer terms are dropped: no word is this long, and PostgreSQL refuses tsvector lexemes over
 * 2047 bytes (a base64 blob or a run of letters in a scraped page would otherwise fail the insert).
 */
export const MAX_TERM_CHARS = 64;
/**
 * A KB person-name token keeps its unstemmed form when at least this share of its corpus
 * occurrences are tagged as names (or when the corpora never saw it).
 */
export const PERSON_NAME_SHARE = 0.5;

let stopWords: Set<string> | null = null;

/** The stop list in matching form. */
export function stopWordSet(): ReadonlySet<string> {
  if (!stopWords) {
    stopWords = new Set<string>();
    for (const line of readSearchDataLines('stopwords.txt')) {
      const w = normalizeArabic(line).toLowerCase();
      if (w) stopWords.add(w);
    }
  }
  return stopWords;
}

let personTokens: Set<string> | null = null;

/**
 * Matching forms of the words of KB person names that are names rather than ordinary words:
 * these are not suffix-stripped. «الثاني» (in «عبد الله الثاني») is mostly an ordinary word in the
 * corpora, so it is stemmed like any word; «بوتين» is not.
 */
function personNameTokens(): ReadonlySet<string> {
  if (personTokens) return personTokens;
  const candidates = new Set<string>();
  for (const e of loadKb().entries) {
    if (e.type !== 'PER') continue;
    for (const name of [e.ar, ...(e.aliases_ar ?? [])]) {
      for (const w of name.split(/\s+/)) {
        const n = normalizeArabic(w);
        // only words the suffix passes would change are worth guarding
        if (n.length >= MIN_ARABIC_TERM && stripSuffixes(n) !== n) candidates.add(n);
      }
    }
  }
  // The text layer's lexicon: form, corpus frequency, NewsFANE frequency, entity-tagged count.
  const share = new Map<string, number>();
  try {
    for (const row of readTextDataLines('clitic-lexicon.tsv')) {
      const tab = row.indexOf('\t');
      const form = row.slice(0, tab);
      if (!candidates.has(form)) continue;
      const [, freq, , entity] = row.split('\t');
      if (Number(freq) > 0) share.set(form, Number(entity) / Number(freq));
    }
  } catch {
    // without the lexicon every candidate counts as a name
  }
  personTokens = new Set([...candidates].filter((w) => (share.get(w) ?? 1) >= PERSON_NAME_SHARE));
  return personTokens;
}

function hasArabicLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3)) return true;
  }
  return false;
}

/** Keeps letters and digits only: the one alphabet every backend tokenizer treats as a single token. */
const NON_WORD = /[^\p{L}\p{N}]+/gu;

const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/** The index term of one Arabic word token, or null when it is a stop word or too short. */
function arabicTerm(word: string): string | null {
  const stops = stopWordSet();
  const norm = normalizeArabic(word);
  if (stops.has(norm)) return null;
  const seg = segmentWord(word);
  const core = seg.proclitics.length > 0 || seg.enclitics.length > 0 ? seg.stemNorm : norm;
  if (stops.has(core)) return null;
  const clean = core.replace(NON_WORD, '');
  if (clean.length < MIN_ARABIC_TERM) return null;
  if (personNameTokens().has(clean)) return clean;
  const stem = stripSuffixes(clean);
  return stem.length >= MIN_ARABIC_TERM ? stem : null;
}

function latinTerm(word: string): string | null {
  const t = normalizeArabic(word).toLowerCase().replace(NON_WORD, '');
  if (!t || stopWordSet().has(t)) return null;
  return t;
}

function numberTerm(word: string): string | null {
  const n = normalizeArabic(word).replace(/[,٬]/g, '').replace(/[.٫]/g, 'd').replace(NON_WORD, '');
  return n || null;
}

/**
 * The index term of one token, or null when the token is not indexed.
 * @example termOfToken('والروسية', 'arabic') === termOfToken('روسيا', 'arabic') // 'روس'
 * @example termOfToken('بوتين', 'arabic') // 'بوتين'
 */
export function termOfToken(text: string, kind: string): string | null {
  const key = kind + '\u0000' + text;
  let t = termCache.get(key);
  if (t !== undefined) return t;
  if (kind === 'arabic') t = arabicTerm(text);
  else if (kind === 'latin') t = hasArabicLetter(text) ? arabicTerm(text) : latinTerm(text);
  else if (kind === 'number') t = numberTerm(text);
  else t = null;
  if (t && t.length > MAX_TERM_CHARS) t = null;
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(key, t);
  return t;
}

/**
 * The terms of a text, in order, with their spans. Never throws.
 * @example analyzeText('وقال بوتين').map(t => t.term) // ['قال', 'بوتين']
 */
export function analyzeText(text: string): AnalyzedTerm[] {
  const out: AnalyzedTerm[] = [];
  for (const tok of tokenize(text)) {
    const term = termOfToken(tok.text, tok.kind);
    if (term) out.push({ term, start: tok.start, end: tok.end });
  }
  return out;
}

/** The terms of a text without spans. */
export function analyzeTerms(text: string): string[] {
  return analyzeText(text).map((t) => t.term);
}
