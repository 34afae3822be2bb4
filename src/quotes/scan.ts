// The quote layer's view of a paragraph: words and punctuation at exact offsets, the paired
// quotation marks, and "segments" (sentences whose ends are never taken from inside a quote).
//
// Why its own scan rather than `doc.tokens`: quote rules look at single characters that a word
// tokenizer may merge or split differently (the mark glued in «بـ"بذل», a colon, a tatweel), and a
// sentence end inside a quotation must not cut the quote's clause. `doc.sentences` is still used
// for the `sentence` index of every quote.
import { foldWord } from './fold.js';
import { isQuoteMark, pairMarks, type MarkPair } from './marks.js';

export interface QTok {
  start: number;
  end: number;
  text: string;
  /** Folded form (fold.ts) for words; the character itself for punctuation. */
  norm: string;
  word: boolean;
  /** Index of the paragraph quote whose marks or content hold this token, or -1. */
  quote: number;
  /** 'open' / 'close' when this token is the opening / closing mark of that quote. */
  mark: 'open' | 'close' | null;
}

export interface Segment {
  /** Token range [tokStart, tokEnd) of the paragraph. */
  tokStart: number;
  tokEnd: number;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  toks: QTok[];
  quotes: Array<MarkPair & { openTok: number; closeTok: number; segment: number }>;
  segments: Segment[];
}

// Letters (any script), combining marks, digits and the tatweel make words; every other
// non-space character is a one-character punctuation token.
const TOKEN = /[\p{L}\p{M}\p{Nd}\u0640]+|[^\s\p{L}\p{M}\p{Nd}\u0640]/gu;
const SENTENCE_END = new Set(['.', '!', '?', '؟', '…']);

/** Paragraph ranges of `text`: any line break ends a paragraph (blocks are joined by "\n\n"). */
export function paragraphRanges(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n' || text[i] === '\r') {
      if (text.slice(s, i).trim()) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

/** Scans one paragraph `text[start, end)`. */
export function scanParagraph(text: string, index: number, start: number, end: number): Paragraph {
  const pairs = pairMarks(text, start, end);
  const toks: QTok[] = [];
  TOKEN.lastIndex = 0;
  const slice = text.slice(start, end);
  let pq = 0;
  const openTok = new Array<number>(pairs.length).fill(-1);
  const closeTok = new Array<number>(pairs.length).fill(-1);
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const s = start + m.index;
    const e = s + m[0].length;
    while (pq < pairs.length && pairs[pq].close < s) pq++;
    const p = pairs[pq];
    const inside = p !== undefined && s >= p.open && s <= p.close;
    const word = /[\p{L}\p{Nd}]/u.test(m[0]);
    if (inside && s === p.open) openTok[pq] = toks.length;
    if (inside && s === p.close) closeTok[pq] = toks.length;
    toks.push({
      start: s,
      end: e,
      text: m[0],
      norm: word ? foldWord(m[0]) : m[0],
      word,
      quote: inside ? pq : -1,
      mark: inside && s === p.open ? 'open' : inside && s === p.close ? 'close' : null,
    });
  }
  const quotes = pairs.map((p, k) => ({ ...p, openTok: openTok[k], closeTok: closeTok[k], segment: -1 }));

  // Segments: cut after a sentence-final mark outside quotes that is followed by a space, a
  // quotation mark or the paragraph end (so «3.5» and «U.S» do not cut).
  const segments: Segment[] = [];
  let segStart = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.word || t.quote !== -1 || !SENTENCE_END.has(t.text)) continue;
    const after = text[t.end];
    if (t.end < end && after !== undefined && !/\s/.test(after) && !isQuoteMark(after) && !SENTENCE_END.has(after))
      continue;
    // Keep runs like «..» or «؟!» in one cut.
    let j = i;
    while (j + 1 < toks.length && !toks[j + 1].word && toks[j + 1].quote === -1 && SENTENCE_END.has(toks[j + 1].text))
      j++;
    segments.push({ tokStart: segStart, tokEnd: j + 1 });
    segStart = j + 1;
    i = j;
  }
  if (segStart < toks.length) segments.push({ tokStart: segStart, tokEnd: toks.length });
  let sgi = 0;
  for (const q of quotes) {
    while (sgi < segments.length && segments[sgi].tokEnd <= q.openTok) sgi++;
    q.segment = sgi;
  }
  return { index, start, end, toks, quotes, segments };
}
