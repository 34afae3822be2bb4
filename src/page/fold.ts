// The page parser's matching form of a line: letters folded so that spelling variants match.
//
// Two flavours:
// - `foldSameLength` maps code unit to code unit (hamza seats → ا, ى → ي, ة → ه, Arabic-Indic and
//   Persian digits → ASCII, exotic spaces → ' '), so an index in the folded string is the same
//   index in the original: regular expressions find things and the offsets stay exact.
// - `foldForMatch` also drops diacritics and tatweel and collapses spaces: for comparing and
//   classifying whole lines (debris, duplicates), where no offset is needed.
// This is deliberately smaller than text/normalize (the shared normaliser): the page parser runs
// before any text layer exists and must stay length-preserving where it locates spans.

const SAME_LENGTH: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ئ: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ک: 'ك',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u3000': ' ',
};
for (let d = 0; d < 10; d++) {
  SAME_LENGTH[String.fromCharCode(0x660 + d)] = String(d);
  SAME_LENGTH[String.fromCharCode(0x6f0 + d)] = String(d);
}

const FOLDABLE = /[أإآٱىیئةؤک\u00a0\u2007\u202f\u2009\u200a\u3000\u0660-\u0669\u06f0-\u06f9]/g;

/** Letter and digit variants folded, one code unit for one code unit (offsets are preserved). */
export function foldSameLength(s: string): string {
  return s.replace(FOLDABLE, (c) => SAME_LENGTH[c] ?? c);
}

/** Arabic diacritics (harakat, Quranic marks), tatweel, and invisible format marks (ZWJ, LRM…). */
export const MARKS =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Matching form of a whole line: folded, marks removed, spaces collapsed, trimmed, lower-cased. */
export function foldForMatch(s: string): string {
  return foldSameLength(s).replace(MARKS, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A regular-expression source fragment matching `literal` in a foldSameLength()-ed line, with
 *  flexible spacing and dots between its parts: «أ ف ب» matches «أ ف ب», «أ.ف.ب», «ا ف ب», «أ. ف. ب».
 *  (Use the 'i' flag for Latin case.) Diacritics inside the literal are not tolerated: agency and
 *  place names are not vocalised in news text. */
export function variantPattern(literal: string): string {
  const folded = foldForMatch(literal);
  let out = '';
  for (const ch of folded) {
    if (ch === ' ' || ch === '.') {
      if (!out.endsWith('[\\s.]*')) out += '[\\s.]*';
      continue;
    }
    out += escapeRegExp(ch);
  }
  return out;
}

/** Escapes regex syntax characters (valid in 'u' mode: '-' and '/' are left alone). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words of a line: runs of letters, marks and digits (Arabic, Latin…); in Chinese and Japanese,
 *  which do not space words, each character counts as one (close to their average word length). */
const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}';
// (built with `new RegExp`: the 'v' flag, for class subtraction, postdates the compile target)
export const WORD = new RegExp(`[${CJK}]|[[\\p{L}\\p{N}]--[${CJK}]][[\\p{L}\\p{M}\\p{N}'’_\\-]--[${CJK}]]*`, 'gv');

/** Number of words in `s` (no allocation of the word list). */
export function countWords(s: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(s) !== null) n++;
  return n;
}
