// fast-check generators for text-layer property tests: strings mixing what Arabic news text is made of
// (letters, harakat, tatweel, digits of three kinds, Arabic and Latin punctuation, quotes, line breaks,
// bidi and zero-width marks, presentation forms) with arbitrary Unicode, including lone surrogates.
import fc from 'fast-check';

// prettier-ignore
const PIECES = [
  'ا', 'ب', 'ت', 'ة', 'ى', 'ي', 'أ', 'إ', 'آ', 'ٱ', 'ؤ', 'ئ', 'ء', 'و', 'ف', 'ل', 'ك', 'ه', 'ال', 'لل',
  'وال', 'بال', 'بوتين', 'وكازاخستان', 'للأمم', 'قالَ', 'مُحَمَّد', 'بـ', 'ـ', '\u0670', '\u064b', '\u0651',
  '\u0652', '٠', '١', '٢', '٫', '٬', '۴', '۵', '0', '1', '9', '.', ',', '،', '؛', '؟', '?', '!', ':', '-',
  '…', '..', '...', '«', '»', '"', '“', '”', "'", '(', ')', '[', ']', ' ', ' ', ' ', '\n', '\n\n', '\r\n',
  '\t', '\u00a0', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202b', '\u2066', '\ufeff', '\u00ad',
  'ﻻ', 'ﷺ', 'ﺍ', 'ﻷ', 'ﭼ', 'Ａ', 'é', 'e\u0301', 'U.S.', 'Dr.', 'د.', 'أ ف ب', 'أ.ف.ب', '3.5', '١٬٠٠٠', '😀',
  '👍🏽', '\ud83d', '\ude00', '𝐀', 'x', 'Z', '%', '٪', '$', '#', '@', '_', '/',
];

/** Strings built from the pieces above. */
export const newsLikeString = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));

/** Any sequence of UTF-16 code units (lone surrogates included). */
export const anyUtf16String = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
  .map((a) => String.fromCharCode(...a));

/** Full Unicode strings (valid code points). */
export const anyUnicodeString = fc.string({ unit: 'binary', maxLength: 40 });

/** Everything at once. */
export const anyText = fc.oneof(newsLikeString, anyUtf16String, anyUnicodeString);
