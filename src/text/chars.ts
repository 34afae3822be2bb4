// Character classes shared by the tokenizer, the sentence splitter and the clitic segmenter.
//
// One lookup table over the 65,536 UTF-16 code units, filled lazily (a code unit's class is computed
// with a Unicode-property regex the first time it is met, then read from the table), so the hot loops
// are a typed-array read per character instead of a regex test.

/** Not yet computed. */
const UNSET = 0;
/** White space, including NBSP and line/paragraph separators. */
export const C_SPACE = 1;
/** Invisible format characters (bidi marks, zero-width space, BOM, soft hyphen, variation selectors). */
export const C_INVISIBLE = 2;
/** ZWNJ / ZWJ: invisible, but kept inside a word when letters follow. */
export const C_JOINER = 3;
/** A letter of the Arabic script (base block, supplements, presentation forms). */
export const C_AR_LETTER = 4;
/** An Arabic combining mark (harakat, shadda, sukun, superscript alef, Quranic marks). */
export const C_AR_MARK = 5;
/** U+0640 ARABIC TATWEEL (kashida), a stretching character that belongs to its word. */
export const C_TATWEEL = 6;
/** A decimal digit (ASCII, Arabic-Indic, Persian, other Nd). */
export const C_DIGIT = 7;
/** A letter of any other script (Latin, Cyrillic, …). */
export const C_LETTER = 8;
/** A combining mark of any other script. */
export const C_MARK = 9;
/** Punctuation (\p{P}). */
export const C_PUNCT = 10;
/** Anything else visible: symbols, other numbers, private use, unassigned. */
export const C_SYMBOL = 11;
/** A UTF-16 high surrogate: the class is the class of the whole code point (see `classAt`). */
export const C_HIGH_SURROGATE = 12;
/** A lone low surrogate (malformed input). */
export const C_LOW_SURROGATE = 13;

const TABLE = new Uint8Array(0x10000);

/**
 * The raw class table (0 = not computed yet: call `classOfUnit`). Exposed for the tokenizer's inner
 * loop, where a direct typed-array read is measurably faster than a call.
 */
export const CLASS_TABLE: Uint8Array = TABLE;

const RE_SPACE = /^\s$/u;
const RE_LETTER = /^\p{L}$/u;
const RE_MARK = /^\p{M}$/u;
const RE_ARABIC = /^\p{Script=Arabic}$/u;
const RE_DIGIT = /^\p{Nd}$/u;
const RE_PUNCT = /^\p{P}$/u;

function isInvisible(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f && c !== 0x200c && c !== 0x200d) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x061c ||
    c === 0x00ad ||
    c === 0x180e ||
    c === 0x034f ||
    (c >= 0xfe00 && c <= 0xfe0f)
  );
}

/** Classifies one code point (BMP or astral). */
function computeClass(cp: number): number {
  if (cp === 0x0640) return C_TATWEEL;
  if (cp === 0x200c || cp === 0x200d) return C_JOINER;
  if (isInvisible(cp)) return C_INVISIBLE;
  const ch = String.fromCodePoint(cp);
  if (RE_SPACE.test(ch)) return C_SPACE;
  if (RE_DIGIT.test(ch)) return C_DIGIT;
  if (RE_LETTER.test(ch)) return RE_ARABIC.test(ch) ? C_AR_LETTER : C_LETTER;
  if (RE_MARK.test(ch)) return RE_ARABIC.test(ch) ? C_AR_MARK : C_MARK;
  if (RE_PUNCT.test(ch)) return C_PUNCT;
  return C_SYMBOL;
}

/** Class of a BMP code unit (surrogates get C_HIGH_SURROGATE / C_LOW_SURROGATE). */
export function classOfUnit(c: number): number {
  const k = TABLE[c];
  if (k !== UNSET) return k;
  let v: number;
  if (c >= 0xd800 && c <= 0xdbff) v = C_HIGH_SURROGATE;
  else if (c >= 0xdc00 && c <= 0xdfff) v = C_LOW_SURROGATE;
  else v = computeClass(c);
  TABLE[c] = v;
  return v;
}

const ASTRAL = new Map<number, number>();

/**
 * Class of the character at `i` and its length in code units (2 for a valid surrogate pair).
 * Returned packed as `class | (length << 8)` to avoid allocating in hot loops.
 */
export function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const k = classOfUnit(c);
  if (k !== C_HIGH_SURROGATE) return k | (1 << 8);
  const lo = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
  if (lo < 0xdc00 || lo > 0xdfff) return C_SYMBOL | (1 << 8);
  const cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  let v = ASTRAL.get(cp);
  if (v === undefined) {
    v = computeClass(cp);
    ASTRAL.set(cp, v);
  }
  return v | (2 << 8);
}

/** True for Arabic letters, Arabic marks and tatweel: the characters of an Arabic word. */
export function isArabicWordUnit(c: number): boolean {
  const k = classOfUnit(c);
  return k === C_AR_LETTER || k === C_AR_MARK || k === C_TATWEEL;
}

/** True for white space and invisible format characters (what sentence spans are trimmed of). */
export function isSpaceOrInvisible(c: number): boolean {
  const k = classOfUnit(c);
  return k === C_SPACE || k === C_INVISIBLE || k === C_JOINER;
}
