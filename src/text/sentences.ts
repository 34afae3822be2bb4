// Sentence splitter for Arabic news text.
//
// Rules, in order:
//  1. Every line break ends a sentence (lines are paragraphs; blocks of the clean text are joined by
//     blank lines, so no sentence ever crosses "\n\n").
//  2. Within a line a sentence ends after . ! ? ؟ ۔ (or a run of them such as «؟!»), together with the
//     closing quotes and brackets that follow. The comma ، and the semicolon ؛ never end a sentence.
//  3. A run of dots («..», «...») or «…» is a pause (Arabic headlines use «..» like a colon), not an end.
//  4. A full stop is not an end: between digits (3.5), between Latin letters or digits without a
//     space (example.com), after a dotted acronym (أ.ف.ب. ، U.S.), after a single-letter initial
//     («د.» دكتور, «م.» مهندس, «ج.», «J.»), after a Latin abbreviation from
//     data/text/abbreviations-latin.txt (Mr., Inc., Jan.). A single Arabic letter after a number is
//     a unit or era (2022 م.) and after other single letters it closes a spaced acronym (أ ف ب.): both end.
//  5. A full stop glued to the next Arabic word («سبتمبر.وفي») ends the sentence (scraped text often
//     loses that space).
//  6. Inside a paired quotation («…», “…”, "…") terminals do not end the sentence, unless the quote is
//     longer than MAX_QUOTE_CHARS (then it is likely unbalanced or a long statement) or the terminal
//     comes right before the closing quote, which then ends the sentence with it (when no comma or
//     similar continues the clause after the quote).
import type { Span } from '../analysis/types.js';
import { C_AR_LETTER, C_DIGIT, C_LETTER, classOfUnit, isSpaceOrInvisible } from './chars.js';
import { readTextDataLines } from './data.js';

/**
 * Longest quotation (in UTF-16 units, quote marks included) inside which terminals are ignored.
 * News quotes of two or three sentences run to ~400 characters; beyond this the pairing is more likely
 * wrong (a stray quote mark) than right, and ignoring terminals would glue whole paragraphs together.
 */
export const MAX_QUOTE_CHARS = 600;

let latinAbbreviations: Set<string> | null = null;
function getLatinAbbreviations(): Set<string> {
  if (!latinAbbreviations)
    latinAbbreviations = new Set(readTextDataLines('abbreviations-latin.txt').map((l) => l.trim()));
  return latinAbbreviations;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** One table read per character in the scanning loops: 1 = line break, 2 = terminal. */
const FLAG_BREAK = 1;
const FLAG_TERMINAL = 2;
const FLAG_QUOTE = 4;
const FLAGS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (isLineBreak(c)) FLAGS[c] = FLAG_BREAK;
  else if (isTerminal(c)) FLAGS[c] = FLAG_TERMINAL;
}
for (const q of [0x22, 0xab, 0xbb, 0x201c, 0x201d, 0x201e]) FLAGS[q] = FLAG_QUOTE;

/** Characters that can end a sentence. */
function isTerminal(c: number): boolean {
  return (
    c === 0x2e || // .
    c === 0x21 || // !
    c === 0x3f || // ?
    c === 0x061f || // ؟
    c === 0x06d4 || // ۔ Urdu full stop
    c === 0x2026 || // …
    c === 0x203c || // ‼
    c === 0x2047 || // ⁇
    c === 0x2048 || // ⁈
    c === 0x2049 || // ⁉
    c === 0xff01 || // ！
    c === 0xff1f // ？
  );
}

function isStrongTerminal(c: number): boolean {
  return isTerminal(c) && c !== 0x2e && c !== 0x06d4 && c !== 0x2026;
}

/** Closing brackets and quotes that belong to the sentence they follow. */
function isCloser(c: number): boolean {
  return c === 0x29 || c === 0x5d || c === 0x7d || c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x203a;
}

/** Marks after which a clause continues (so a quote closing before them does not end the sentence). */
function continuesClause(c: number): boolean {
  return c === 0x2c || c === 0x060c || c === 0x3b || c === 0x061b || c === 0x3a || c === 0x2d;
}

function isLetter(c: number): boolean {
  const k = classOfUnit(c);
  return k === C_AR_LETTER || k === C_LETTER;
}

function isWordUnit(c: number): boolean {
  // letters plus what sits inside words: Arabic marks, tatweel
  return isLetter(c) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

function isDigit(c: number): boolean {
  return classOfUnit(c) === C_DIGIT;
}

/** A paired quotation [open, close] (indices of the quote marks). */
interface QuoteRegion {
  open: number;
  close: number;
}

/** Opening marks and the closing mark that pairs with each. */
const QUOTE_PAIRS = new Map<number, number>([
  [0xab, 0xbb], // « »
  [0x201c, 0x201d], // “ ”
  [0x201e, 0x201d], // „ ”
  [0x22, 0x22], // " "
]);
const QUOTE_CLOSERS = new Set([0xbb, 0x201d]);

/**
 * Pairs the quotation marks of one line. « pairs with », “ and „ with ”, " with the next ".
 * A closing mark with no opener open (some sites write ”…” or »…«) opens a pair of its own kind.
 * Unclosed openers yield no region.
 */
const NO_REGIONS: QuoteRegion[] = [];

function pairQuotes(text: string, from: number, to: number): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  const stack: { close: number; pos: number }[] = [];
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c !== 0x22 && c !== 0xab && c !== 0xbb && c !== 0x201c && c !== 0x201d && c !== 0x201e) continue;
    // Close the innermost open pair this mark can close.
    let closed = false;
    for (let s = stack.length - 1; s >= 0; s--) {
      if (stack[s].close === c) {
        regions.push({ open: stack[s].pos, close: p });
        stack.length = s;
        closed = true;
        break;
      }
    }
    if (closed) continue;
    const close = QUOTE_PAIRS.get(c);
    if (close !== undefined) stack.push({ close, pos: p });
    else if (QUOTE_CLOSERS.has(c)) stack.push({ close: c, pos: p }); // reversed usage
  }
  return regions;
}

/** The innermost short-enough quote region strictly containing `pos`, or null. */
function enclosingQuote(regions: QuoteRegion[], pos: number): QuoteRegion | null {
  let best: QuoteRegion | null = null;
  for (const r of regions) {
    if (r.open < pos && pos < r.close && r.close - r.open + 1 <= MAX_QUOTE_CHARS) {
      if (!best || r.open > best.open) best = r;
    }
  }
  return best;
}

function isRegionClose(regions: QuoteRegion[], pos: number): boolean {
  for (const r of regions) if (r.close === pos) return true;
  return false;
}

/** Start of the word (letters, marks, tatweel) that ends at `end`. */
function wordStartBefore(text: string, end: number, lineStart: number): number {
  let p = end;
  while (p > lineStart && isWordUnit(text.charCodeAt(p - 1))) p--;
  return p;
}

function letterCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let p = from; p < to; p++) if (isLetter(text.charCodeAt(p))) n++;
  return n;
}

/** What precedes position `p` after skipping spaces: 'number', 'single' (a one-letter word), or 'other'. */
function previousTokenShape(text: string, p: number, lineStart: number): 'number' | 'single' | 'other' {
  let q = p;
  while (q > lineStart && isSpaceOrInvisible(text.charCodeAt(q - 1))) q--;
  if (q === p || q === lineStart) return 'other';
  const c = text.charCodeAt(q - 1);
  if (isDigit(c)) return 'number';
  const ws = wordStartBefore(text, q, lineStart);
  if (ws < q && letterCount(text, ws, q) === 1) return 'single';
  return 'other';
}

/** Whether the single full stop at `i` (followed by `text[j]`) ends a sentence, ignoring quotes. */
function fullStopEnds(text: string, i: number, j: number, lineStart: number, lineEnd: number): boolean {
  const prev = i > lineStart ? text.charCodeAt(i - 1) : -1;
  const next = j < lineEnd ? text.charCodeAt(j) : -1;
  if (prev >= 0 && next >= 0 && isDigit(prev) && isDigit(next)) return false; // decimal 3.5
  const ws = wordStartBefore(text, i, lineStart);
  const wordLetters = letterCount(text, ws, i);
  const prevIsArabic = wordLetters > 0 && classOfUnit(text.charCodeAt(ws)) === C_AR_LETTER;
  const dottedBefore = ws > lineStart && text.charCodeAt(ws - 1) === 0x2e;

  if (next >= 0 && (isLetter(next) || isDigit(next))) {
    // No space after the stop.
    if (wordLetters === 1) return false; // dotted acronym or initials: أ.ف.ب ، U.S
    if (classOfUnit(next) === C_AR_LETTER) return true;
    return false; // example.com, v1.2, e.g
  }
  if (wordLetters === 1) {
    if (!prevIsArabic) {
      // A Latin initial ("J.", "U.S.") unless it is a lower-case one-letter word.
      const c = text.charCodeAt(ws);
      return !(dottedBefore || (c >= 0x41 && c <= 0x5a) || c > 0x7f);
    }
    if (dottedBefore) return false; // أ.ف.ب.
    const shape = previousTokenShape(text, ws, lineStart);
    // «2022 م.» (era/unit after a number) and «أ ف ب.» (spaced acronym) end; «د.» before a name does not.
    return shape === 'number' || shape === 'single';
  }
  if (wordLetters > 1 && !prevIsArabic) {
    const word = text.slice(ws, i);
    if (getLatinAbbreviations().has(word)) return false;
    // Dotted abbreviations written with lower case inside: e.g., i.e.
    if (dottedBefore && wordLetters <= 2) return false;
  }
  return true;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpaceOrInvisible(text.charCodeAt(s))) s++;
  while (e > s && isSpaceOrInvisible(text.charCodeAt(e - 1))) e--;
  // (Trimming cannot cut a surrogate pair: it only removes spaces and invisible marks.)
  if (e > s) out.push({ start: s, end: e });
}

/** Splits one line [ls, le) whose first terminal is at `firstTerminal`. */
function splitLine(text: string, ls: number, le: number, firstTerminal: number, hasQuote: boolean, out: Span[]): void {
  const regions = hasQuote ? pairQuotes(text, ls, le) : NO_REGIONS;
  let sentStart = ls;
  for (let i = firstTerminal; i < le; i++) {
    if (FLAGS[text.charCodeAt(i)] !== FLAG_TERMINAL) continue;
    let j = i + 1;
    while (j < le && FLAGS[text.charCodeAt(j)] === FLAG_TERMINAL) j++;
    let ends: boolean;
    let strong = false;
    for (let p = i; p < j; p++) if (isStrongTerminal(text.charCodeAt(p))) strong = true;
    if (strong) ends = true;
    else if (j - i >= 2 || text.charCodeAt(i) === 0x2026)
      ends = false; // .. ... … : a pause
    else ends = fullStopEnds(text, i, j, ls, le);

    let k = j;
    if (ends) {
      const q = enclosingQuote(regions, i);
      if (q) {
        // Inside a quotation: the sentence ends only with the quote, when the terminal closes it.
        let p = j;
        while (p < q.close && (isCloser(text.charCodeAt(p)) || isSpaceOrInvisible(text.charCodeAt(p)))) p++;
        if (p !== q.close) ends = false;
        else {
          let after = q.close + 1;
          while (after < le && isSpaceOrInvisible(text.charCodeAt(after))) after++;
          if (after < le && continuesClause(text.charCodeAt(after))) ends = false;
          if (after < le && isTerminal(text.charCodeAt(after))) ends = false; // «"...نعم!".» ends later
        }
      }
    }
    if (ends) {
      // Take the closing quotes and brackets that follow along.
      while (k < le) {
        const c = text.charCodeAt(k);
        if (isCloser(c) || ((c === 0x22 || c === 0xab) && isRegionClose(regions, k))) k++;
        else break;
      }
      pushTrimmed(text, sentStart, k, out);
      sentStart = k;
    }
    i = Math.max(j, k) - 1;
  }
  pushTrimmed(text, sentStart, le, out);
}

/**
 * Splits `text` into sentence spans (trimmed of white space and invisible marks; never empty, in
 * order, non-overlapping; no span crosses a line break). Never throws.
 * @example splitSentences('قال د. أحمد إن النمو بلغ 3.5 في المئة. وأضاف: «لن نتراجع. أبداً».')
 *   // two sentences: the stop after «د.», in 3.5 and inside «…» do not split
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let lineStart = 0;
  while (lineStart < n) {
    // Find the end of the line and its first terminal in one scan.
    let firstTerminal = -1;
    let hasQuote = false;
    let lineEnd = lineStart;
    for (; lineEnd < n; lineEnd++) {
      const f = FLAGS[text.charCodeAt(lineEnd)];
      if (f === 0) continue;
      if (f === FLAG_BREAK) break;
      if (f === FLAG_QUOTE) hasQuote = true;
      else if (firstTerminal < 0) firstTerminal = lineEnd;
    }
    if (lineEnd > lineStart) {
      if (firstTerminal < 0) pushTrimmed(text, lineStart, lineEnd, out);
      else splitLine(text, lineStart, lineEnd, firstTerminal, hasQuote, out);
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
