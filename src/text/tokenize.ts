// Tokenizer: Arabic words, words of other scripts, numbers, punctuation and symbols, with offsets.
//
// A single pass over the string with the shared character-class table (chars.ts); JavaScript's `\w`
// knows no Arabic, so classes come from Unicode properties. Rules:
//  - An Arabic word is a run of Arabic letters, Arabic marks (harakat) and tatweel; ZWNJ/ZWJ stay inside
//    when Arabic letters follow. So «بـ» (ba + tatweel) before «"» is a word token of its own.
//  - A Latin (any non-Arabic script) word is a run of letters, combining marks and digits that starts
//    with a letter ("G20", "F-16" → "F", "-", "16"); an apostrophe between letters stays ("O'Brien").
//  - A number is a run of digits (ASCII, Arabic-Indic, Persian) with single separators . , ٫ ٬ between
//    digits ("3.5", "١٬٠٠٠", "1,000,000"). Signs, % and units are separate tokens.
//  - Punctuation: one token per run of the same character ("...", "!!", "؟"); symbols one per character.
//  - White space and invisible marks (bidi, zero-width) between tokens are skipped.
import type { TextSpan, TokenKind } from '../analysis/types.js';
import {
  C_AR_LETTER,
  C_AR_MARK,
  C_DIGIT,
  C_INVISIBLE,
  C_JOINER,
  C_LETTER,
  C_MARK,
  C_PUNCT,
  C_SPACE,
  C_TATWEEL,
  CLASS_TABLE,
  classAt,
} from './chars.js';

/** A token before the text stage adds `norm` and `sentence`. */
export interface RawToken extends TextSpan {
  kind: TokenKind;
}

/** Separators allowed between two digits of one number: . , ٫ (decimal) ٬ (thousands). */
function isNumberSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/**
 * Splits `text` into tokens. Never throws; `text.slice(t.start, t.end) === t.text` for every token,
 * tokens are in order and do not overlap.
 * @example tokenize('قال بـ"نعم" 3.5%').map(t => t.text) // ['قال','بـ','"','نعم','"','3.5','%']
 */
export function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const packed = classAt(text, i);
    const k = packed & 0xff;
    const len = packed >> 8;
    if (k === C_SPACE || k === C_INVISIBLE || k === C_JOINER) {
      i += len;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if (k === C_AR_LETTER || k === C_AR_MARK || k === C_TATWEEL) {
      let hasLetter = k === C_AR_LETTER;
      i += len;
      while (i < n) {
        // Fast path: BMP letters and marks straight from the class table.
        const c = text.charCodeAt(i);
        const fast = CLASS_TABLE[c];
        if (fast === C_AR_LETTER) {
          hasLetter = true;
          i++;
          continue;
        }
        if (fast === C_AR_MARK || fast === C_TATWEEL) {
          i++;
          continue;
        }
        const p = classAt(text, i);
        const q = p & 0xff;
        if (q === C_AR_LETTER) hasLetter = true;
        else if (q === C_JOINER) {
          // keep a joiner only when the word goes on after it
          const r = i + 1 < n ? classAt(text, i + 1) & 0xff : 0;
          if (r !== C_AR_LETTER && r !== C_AR_MARK && r !== C_TATWEEL) break;
        } else if (q !== C_AR_MARK && q !== C_TATWEEL && q !== C_MARK) break;
        i += p >> 8;
      }
      // A lone tatweel is a dash-like decoration; lone marks are stray symbols.
      kind = hasLetter ? 'arabic' : k === C_TATWEEL && i - start === 1 ? 'punct' : 'symbol';
    } else if (k === C_LETTER) {
      i += len;
      while (i < n) {
        const p = classAt(text, i);
        const q = p & 0xff;
        if (q === C_LETTER || q === C_MARK || q === C_DIGIT) {
          i += p >> 8;
          continue;
        }
        if (
          (isApostrophe(text.charCodeAt(i)) || q === C_JOINER) &&
          i + 1 < n &&
          (classAt(text, i + 1) & 0xff) === C_LETTER
        ) {
          i += 1;
          continue;
        }
        break;
      }
      kind = 'latin';
    } else if (k === C_DIGIT) {
      i += len;
      while (i < n) {
        const p = classAt(text, i);
        const q = p & 0xff;
        if (q === C_DIGIT) {
          i += p >> 8;
          continue;
        }
        if (isNumberSeparator(text.charCodeAt(i)) && i + 1 < n && (classAt(text, i + 1) & 0xff) === C_DIGIT) {
          i += 1;
          continue;
        }
        break;
      }
      kind = 'number';
    } else if (k === C_PUNCT) {
      const c = text.charCodeAt(i);
      i += len;
      if (len === 1) while (i < n && text.charCodeAt(i) === c) i++;
      kind = 'punct';
    } else {
      // symbols, other marks, lone surrogates: one code point each
      i += len;
      for (let p = i < n ? classAt(text, i) : 0; i < n && (p & 0xff) === C_MARK; p = i < n ? classAt(text, i) : 0)
        i += p >> 8;
      kind = 'symbol';
    }
    tokens.push({ text: text.slice(start, i), start, end: i, kind });
  }
  return tokens;
}
