// Word folding for the quote layer's lexicon look-ups.
//
// The same matching form as the text layer's `normalizeArabic` (diacritics and tatweel removed,
// alef/yaa/taa marbuta/hamza seats folded, Arabic digits → ASCII), applied to one word at a time.
// The quote layer scans the text itself (see scan.ts) because it needs every quotation mark and
// glued clitic at its exact offset, so it folds its own words; offsets never go through this form.

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** The matching form of one word: «مشيراً» → «مشيرا», «أكّد» → «اكد», «بـ» → «ب». */
export function foldWord(word: string): string {
  return word
    .normalize('NFKC')
    .replace(DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
}

/** A folded word without its conjunction proclitic (و/ف), or null when it has none. */
export function withoutConjunction(folded: string): string | null {
  return folded.length > 2 && (folded[0] === 'و' || folded[0] === 'ف') ? folded.slice(1) : null;
}

/**
 * The bare stem used for label nouns and headline echoes: conjunction, one preposition clitic
 * and the article removed («وبالعملية» → «عمليه», «للمنتدى» → «منتدي»).
 */
export function bareForm(folded: string): string {
  let w = folded;
  if (w.length > 3 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
  if (w.length > 3 && w.startsWith('لل')) return w.slice(2);
  if (w.length > 3 && (w[0] === 'ب' || w[0] === 'ل' || w[0] === 'ك') && w[1] === 'ا' && w[2] === 'ل') w = w.slice(1);
  if (w.length > 3 && w.startsWith('ال')) w = w.slice(2);
  return w;
}
