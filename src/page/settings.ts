// Thresholds of the page parser, in one place, each with the reason behind it.
// Changing one changes what counts as a title, a subheading or debris: run
// `npx vitest run test/page` and the seed/extraction scorers (data/page/README.md) after any change.

/** A title is a line of at least this many words… (a lone word is a site name or a section label). */
export const TITLE_MIN_WORDS = 2;
/** …and at most this many characters (Arabic headlines run 40–150; longer lines are paragraphs). */
export const TITLE_MAX_CHARS = 250;

/** Subheadings are short: news crossheads are 2–10 words. */
export const SUBHEADING_MAX_WORDS = 12;
export const SUBHEADING_MAX_CHARS = 120;

/** A line of at least this many words is article text even without final punctuation. */
export const PARAGRAPH_MIN_WORDS = 8;

/** Header lines (between title and body) this short with no sentence punctuation are labels
 *  (section names, «مباشر», author names alone), not text. */
export const HEADER_LABEL_MAX_WORDS = 3;

/** Captions are at most this long; a longer line ending with an agency is a paragraph with a sign-off. */
export const CAPTION_MAX_WORDS = 60;

/** A byline line («كتب: فلان») names at most this many words after its prefix. */
export const BYLINE_MAX_WORDS = 6;

/** Debris patterns are only tried on lines shorter than this: furniture is short, and a bound keeps
 *  every regular expression linear in practice whatever the page holds. */
export const DEBRIS_MAX_CHARS = 600;

/** Datelines («موسكو-أ ف ب», «دمشق، سوريا (CNN)») are short; only this many leading characters of a
 *  paragraph are searched for one. */
export const DATELINE_MAX_CHARS = 80;

/** A date line («الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00») is shorter than this. */
export const DATE_LINE_MAX_CHARS = 140;

/** Dates found in the text are believed only within this range of years. */
export const MIN_PLAUSIBLE_YEAR = 1950;

/** Lines of a wrapped paragraph (text hard-wrapped at a fixed width) are at least this long. */
export const WRAPPED_LINE_MIN_CHARS = 40;

/** Weekday words («الاثنين») are looked for in the title and this many first paragraphs: the lead
 *  is where a news story says on which day it happened. */
export const LEAD_PARAGRAPHS = 2;

/** Share of letters that must be Arabic-script for a text to count as Arabic. */
export const ARABIC_SCRIPT_MIN_SHARE = 0.5;

/** Largest JSON-LD block parsed (bigger ones are site data dumps, not article metadata). */
export const JSONLD_MAX_CHARS = 500_000;

/** A first line ending like a sentence and this long is the article's first paragraph, not a headline. */
export const TITLE_MAX_WORDS_IF_SENTENCE = 3 * PARAGRAPH_MIN_WORDS;

/** A line repeated on the page is a duplicate (and, in the header, a caption) from this length on. */
export const REPEAT_MIN_WORDS = 3;

/** Share of the longer text the shorter must cover for a heading to count as the title again
 *  («Headline» vs «Headline - Site», or a headline with a kicker). */
export const TITLE_OVERLAP_MIN = 0.6;

/** A photographer's or source's name after «تصوير:» is at most this many words. */
export const LABEL_CREDIT_MAX_WORDS = 6;

/** Only the end of a line can hold a credit. */
export const CREDIT_TAIL_CHARS = 120;

/** Share of Arabic-script letters that makes an untagged right-to-left page Arabic. */
export const RTL_ARABIC_MIN_SHARE = 0.2;

// Readability's run time grows steeply with nesting depth and with the number of children of one
// element (depth 400: ~4 s; 2,000 sibling paragraphs: ~1 s; 20,000: minutes). Real news pages stay
// far below these bounds (scrapinghub set: depth ≤ 50, ≤ 260 children, ≤ 1,600 elements); above them
// the page body is walked directly, which is linear.
export const READABILITY_MAX_DEPTH = 150;
export const READABILITY_MAX_FAN_OUT = 2_000;
export const READABILITY_MAX_ELEMENTS = 25_000;

// linkedom's parse time grows steeply past some ten thousand nested elements (40,000: ~5 s) while
// real pages nest a few dozen deep; deeper input is refused before parsing.
export const HTML_MAX_NESTING = 10_000;

/** Reading-time widgets are short lines. */
export const READING_LINE_MAX_CHARS = 80;

/** Besides the minutes and the icon labels, a reading-time line holds at most this many words. */
export const READING_LINE_MAX_EXTRA_WORDS = 2;
