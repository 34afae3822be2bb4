// Pairing quotation marks inside one paragraph.
//
// Four families: guillemets « », curly “ ” „, angle ‹ › and the straight ASCII/full-width ".
// Directional marks pair by direction (a reversed »…« is accepted when the first mark of the
// family is a closer followed by text); straight marks alternate open/close. Marks nest («قال: "…"»): only outermost pairs are returned,
// the inner ones stay inside the quote's text. An unclosed mark simply yields no pair, and since
// callers pass one paragraph at a time, no pair ever spans two paragraphs.

/** A matched pair of quotation marks. */
export interface MarkPair {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
  /** The quoted content, whitespace inside the marks trimmed. Empty pairs are never returned. */
  innerStart: number;
  innerEnd: number;
}

type Family = 'guillemet' | 'curly' | 'angle' | 'straight';

interface MarkInfo {
  family: Family;
  /** Closers that may end a pair this character opens (for a straight mark, itself). */
  closers: string;
}

const MARKS: Record<string, MarkInfo> = {
  '«': { family: 'guillemet', closers: '»' },
  '»': { family: 'guillemet', closers: '«' }, // reversed usage »…«
  '“': { family: 'curly', closers: '”' },
  '„': { family: 'curly', closers: '“”' },
  '”': { family: 'curly', closers: '“' }, // reversed usage ”…“
  '‹': { family: 'angle', closers: '›' },
  '›': { family: 'angle', closers: '‹' },
  '"': { family: 'straight', closers: '"' },
  '＂': { family: 'straight', closers: '＂"' },
};
const OPENERS = '«“„‹';

/** True when `ch` is one of the quotation marks this module pairs. */
export function isQuoteMark(ch: string): boolean {
  return ch in MARKS;
}

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);

interface OpenMark {
  pos: number;
  ch: string;
  info: MarkInfo;
}

/** Outermost matched quotation-mark pairs in `text[start, end)`, in order of their opening mark. */
export function pairMarks(text: string, start = 0, end = text.length): MarkPair[] {
  const stack: OpenMark[] = [];
  const pairs: Array<{ open: number; close: number }> = [];
  for (let i = start; i < end; i++) {
    const ch = text[i];
    const info = MARKS[ch];
    if (!info) continue;
    const next = i + 1 < end ? text[i + 1] : undefined;
    const prev = i > start ? text[i - 1] : undefined;
    // Straight marks simply alternate (Arabic text often pads them: « " نعم " »); a directional
    // mark opens only before text.
    const canOpen = info.family === 'straight' ? next !== undefined && next !== '\n' : !isSpace(next);
    const canClose = !isSpace(prev);
    // The innermost open mark of the same family, if any.
    let j = stack.length - 1;
    while (j >= 0 && stack[j].info.family !== info.family) j--;
    const top = j >= 0 ? stack[j] : null;

    // A mark that can only close (» ” › ") always closes; an opener-shaped one (« closing a
    // reversed »…«) closes only when text precedes it or none follows.
    if (top && top.info.closers.includes(ch) && (!OPENERS.includes(ch) || canClose || !canOpen)) {
      // Close it; marks opened inside it and never closed are dropped.
      stack.length = j;
      pairs.push({ open: top.pos, close: i });
    } else if (canOpen && (OPENERS.includes(ch) || !top || ch === top.ch)) {
      stack.push({ pos: i, ch, info });
    }
  }
  const nonEmpty: MarkPair[] = [];
  for (const p of pairs) {
    let s = p.open + 1;
    let e = p.close;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (s < e) nonEmpty.push({ open: p.open, close: p.close, innerStart: s, innerEnd: e });
  }
  nonEmpty.sort((a, b) => a.open - b.open);
  // Keep the outermost pairs only.
  const out: MarkPair[] = [];
  for (const p of nonEmpty) {
    const last = out[out.length - 1];
    if (last && p.open > last.open && p.close < last.close) continue;
    out.push(p);
  }
  return out;
}
