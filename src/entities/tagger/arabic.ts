// The tagger's view of an Arabic word: its matching form, its proclitic-stripped core, its shape.
//
// Features must be computed the same way at training and at tagging time. The matching form is the
// text layer's `normalizeArabic`; `FEATURE_NORMALISER` names it in the model header, and the tagger
// tests pin a table of its outputs, so a change there shows up as a failing test (then retrain).
// The proclitic stripping here is deliberately grammar-only, not the text layer's lexicon-guarded
// `segmentWord`: that lexicon counts name tags in NewsFANE, which contains the ANERcorp test
// sentences, and the tagger must learn nothing from them.
import { normalizeArabic } from '../../text/normalize.js';

/** Version tag of `normalizeWord` + `stripProclitics`; a model trained with another version is refused. */
export const FEATURE_NORMALISER = 'normalizeArabic+grammar-proclitics-1';

/** Characters dropped inside words (diacritics, tatweel, invisible marks), for `wordShape`. */
function isStripped(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    (c >= 0x06d6 && c <= 0x06ed) ||
    (c >= 0x200b && c <= 0x200f) ||
    c === 0xfeff
  );
}

/** The matching form of one word (src/text/normalize.ts). */
export function normalizeWord(word: string): string {
  return normalizeArabic(word);
}

/** A word split into its leading clitics and the rest, on the normalised form. */
export interface ProcliticSplit {
  /** Conjunction و or ف, or '' */
  conj: string;
  /** Preposition ب ل ك, or '' (لل counts as ل + ال) */
  prep: string;
  /** True when the article ال follows the clitics. */
  article: boolean;
  /** What is left: the word without conjunction, preposition and article. */
  core: string;
}

const MIN_CORE = 2;

/**
 * Strips و/ف, then ب/ل/ك, then ال (لل → ل + ال) from a normalised word, keeping at least
 * `MIN_CORE` letters. It over-strips some names (وليد → ليد); the tagger sees the whole word too,
 * so the core is only one more piece of evidence.
 */
export function stripProclitics(norm: string): ProcliticSplit {
  let i = 0;
  let conj = '';
  let prep = '';
  let article = false;
  const n = norm.length;
  let c = norm.charCodeAt(0);
  if ((c === 0x0648 || c === 0x0641) && n - 1 >= MIN_CORE + 1) {
    conj = norm[0];
    i = 1;
    c = norm.charCodeAt(i);
  }
  if (c === 0x0644 && norm.charCodeAt(i + 1) === 0x0644 && n - i - 2 >= MIN_CORE) {
    // لل = ل + ال with the alef dropped (للأمم)
    prep = 'ل';
    article = true;
    i += 2;
  } else {
    if (
      (c === 0x0628 || c === 0x0644 || c === 0x0643) &&
      norm.charCodeAt(i + 1) === 0x0627 &&
      norm.charCodeAt(i + 2) === 0x0644 &&
      n - i - 3 >= MIN_CORE
    ) {
      prep = norm[i];
      i += 1;
    }
    if (norm.charCodeAt(i) === 0x0627 && norm.charCodeAt(i + 1) === 0x0644 && n - i - 2 >= MIN_CORE) {
      article = true;
      i += 2;
    }
  }
  return { conj, prep, article, core: i === 0 ? norm : norm.slice(i) };
}

/**
 * The word without its first letter when that letter may be a one-letter proclitic (و ف ب ل ك)
 * not covered by `stripProclitics` (لروسيا → روسيا, بموسكو → موسكو), else null. Often wrong
 * (بغداد → غداد), which is why it is a separate feature whose weight the training data decides.
 */
export function dropOneLetterClitic(norm: string): string | null {
  if (norm.length < 4) return null;
  const c = norm.charCodeAt(0);
  if (c === 0x0648 || c === 0x0641 || c === 0x0628 || c === 0x0644 || c === 0x0643) return norm.slice(1);
  return null;
}

/**
 * The forms under which a word may appear in a dictionary or word list: as written, without
 * و/ف, without the preposition (بالكرملين → الكرملين), without the article too (→ كرملين).
 */
export function firstWordForms(norm: string): string[] {
  const split = stripProclitics(norm);
  const forms = [norm];
  const add = (f: string): void => {
    if (f.length >= 2 && !forms.includes(f)) forms.push(f);
  };
  if (split.conj) add(norm.slice(1));
  if (split.prep) add(split.article ? 'ال' + split.core : split.core);
  if (split.article) add(split.core);
  return forms;
}

/** Coarse character class of a token: what it is written in. */
export type Shape = 'arabic' | 'latin' | 'digit' | 'punct' | 'mixed' | 'other';

export function wordShape(word: string): Shape {
  let arabic = 0;
  let latin = 0;
  let digit = 0;
  let punct = 0;
  let other = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0xfb50 && c <= 0xfeff)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) digit++;
    else if (c < 0x80 || (c >= 0x060c && c <= 0x061f) || (c >= 0x2000 && c <= 0x206f) || c === 0xab || c === 0xbb)
      punct++;
    else if (isStripped(c)) continue;
    else other++;
  }
  const kinds = (arabic ? 1 : 0) + (latin ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  if (kinds > 1) return 'mixed';
  if (arabic) return 'arabic';
  if (latin) return 'latin';
  if (digit) return 'digit';
  if (other) return 'other';
  return punct ? 'punct' : 'other';
}
