// Highlighted snippets: the window of the clean text that holds the most distinct query matches.
//
// The text is analysed again (the same analyzer as the index), so a match is a token whose term is
// one of the query's terms: «والروسية» lights up for a search of «روسيا». Entity matches (an English
// name resolved through the KB) come in as mention spans. The window is at most SNIPPET_CHARS long,
// starts a little before its first match and is cut at white space.
import { analyzeText } from '../search/analyzer.js';

export const SNIPPET_CHARS = 240;
/** Characters of context kept before the first match of the window. */
export const SNIPPET_LEAD = 40;
export const MARK_OPEN = '[[';
export const MARK_CLOSE = ']]';

export interface Snippet {
  snippet: string;
  span: { start: number; end: number };
  highlights: Array<{ start: number; end: number }>;
}

interface Match {
  start: number;
  end: number;
  key: string;
}

/** Moves `i` forward to the start of a word (after white space), without passing `limit`. */
function snapForward(text: string, i: number, limit: number): number {
  if (i <= 0) return 0;
  if (/\s/.test(text[i - 1])) return i;
  let j = i;
  while (j < limit && !/\s/.test(text[j])) j++;
  while (j < limit && /\s/.test(text[j])) j++;
  return j <= limit ? j : i;
}

/** Moves `i` back to the end of a word (before white space), not before `limit`. */
function snapBack(text: string, i: number, limit: number): number {
  if (i >= text.length) return text.length;
  if (/\s/.test(text[i])) return i;
  let j = i;
  while (j > limit && !/\s/.test(text[j - 1])) j--;
  while (j > limit && /\s/.test(text[j - 1])) j--;
  return j > limit ? j : i;
}

/**
 * The best snippet of `text` for the query terms (and extra spans, e.g. entity mentions).
 * @example buildSnippet('... وقال بوتين ...', new Set(['بوتين'])).snippet // '… وقال [[بوتين]] …'
 */
export function buildSnippet(
  text: string,
  queryTerms: ReadonlySet<string>,
  extraSpans: ReadonlyArray<{ start: number; end: number }> = [],
  maxChars = SNIPPET_CHARS,
): Snippet {
  const matches: Match[] = [];
  if (queryTerms.size > 0)
    for (const t of analyzeText(text))
      if (queryTerms.has(t.term)) matches.push({ start: t.start, end: t.end, key: t.term });
  for (const s of extraSpans)
    if (s.start >= 0 && s.end <= text.length && s.end > s.start)
      matches.push({ start: s.start, end: s.end, key: 'entity' });
  matches.sort((a, b) => a.start - b.start || b.end - a.end);

  // Best window: most distinct keys, then most matches, then earliest.
  let bestI = -1;
  let bestJ = -1;
  let bestScore = -1;
  const reach = maxChars - SNIPPET_LEAD;
  for (let i = 0; i < matches.length; i++) {
    const keys = new Set<string>();
    let j = i;
    while (j < matches.length && matches[j].end - matches[i].start <= reach) keys.add(matches[j++].key);
    const score = keys.size * 10000 + (j - i);
    if (score > bestScore) {
      bestScore = score;
      bestI = i;
      bestJ = j;
    }
  }
  let start: number;
  let end: number;
  if (bestI < 0) {
    start = 0;
    end = snapBack(text, Math.min(text.length, maxChars), 0);
  } else {
    const first = matches[bestI];
    start = snapForward(text, Math.max(0, first.start - SNIPPET_LEAD), first.start);
    const lastEnd = Math.max(...matches.slice(bestI, Math.max(bestJ, bestI + 1)).map((m) => m.end));
    end = snapBack(text, Math.min(text.length, Math.max(start + maxChars, lastEnd)), lastEnd);
  }
  // Highlights inside the window, overlapping ones merged.
  const highlights: Array<{ start: number; end: number }> = [];
  for (const m of matches) {
    if (m.start < start || m.end > end) continue;
    const last = highlights[highlights.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else highlights.push({ start: m.start, end: m.end });
  }
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const h of highlights) {
    out += text.slice(at, h.start) + MARK_OPEN + text.slice(h.start, h.end) + MARK_CLOSE;
    at = h.end;
  }
  out += text.slice(at, end) + (end < text.length ? '…' : '');
  return { snippet: out.replace(/\s+/g, ' ').trim(), span: { start, end }, highlights };
}
