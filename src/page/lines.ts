// Raw text → units (one per line, or one per hard-wrapped paragraph), each with its offset in the
// raw input so that block text can be copied verbatim and traced back (Block.rawStart).
import { WRAPPED_LINE_MIN_CHARS } from './settings.js';
import type { Unit } from './draft.js';

export interface RawLine {
  /** The line's text, trimmed. */
  text: string;
  /** Offset of the trimmed text in the raw input. */
  start: number;
  /** True when one or more blank lines precede this line. */
  afterBlank: boolean;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085\v\f]/g;

/** Non-empty lines of `raw`, trimmed, with their raw offsets. Linear in the input. */
export function splitLines(raw: string): RawLine[] {
  const out: RawLine[] = [];
  let lineStart = 0;
  let blank = false;
  const push = (end: number) => {
    const seg = raw.slice(lineStart, end);
    const text = seg.trim();
    if (!text) {
      blank = true;
      return;
    }
    const lead = seg.length - seg.trimStart().length;
    out.push({ text, start: lineStart + lead, afterBlank: blank || out.length === 0 });
    blank = false;
  };
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(raw); m !== null; m = LINE_BREAK.exec(raw)) {
    push(m.index);
    lineStart = m.index + m[0].length;
  }
  push(raw.length);
  return out;
}

const ENDS_SENTENCE = /[.!?؟…:؛;"'»”)\]。！？：；]\s*$/u;

/** Lines → units. A group of lines between blank lines is one wrapped paragraph when it looks
 *  hard-wrapped (three or more lines of similar, long length that mostly break mid-sentence);
 *  otherwise every line is its own unit (the common case: scraped pages put one block per line). */
export function linesToUnits(raw: string, lines: RawLine[]): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i + 1;
    while (j < lines.length && !lines[j].afterBlank) j++;
    const group = lines.slice(i, j);
    if (looksWrapped(group)) {
      const last = group[group.length - 1];
      units.push({
        text: raw.slice(group[0].start, last.start + last.text.length),
        rawStart: group[0].start,
        hint: 'text',
      });
    } else {
      for (const l of group) units.push({ text: l.text, rawStart: l.start, hint: 'text' });
    }
    i = j;
  }
  return units;
}

function looksWrapped(group: RawLine[]): boolean {
  if (group.length < 3) return false;
  const body = group.slice(0, -1);
  const max = Math.max(...body.map((l) => l.text.length));
  if (max < WRAPPED_LINE_MIN_CHARS) return false;
  // a fixed-width wrap gives lines within ~30% of the widest one
  if (!body.every((l) => l.text.length >= 0.7 * max)) return false;
  const midSentence = body.filter((l) => !ENDS_SENTENCE.test(l.text)).length;
  return midSentence * 2 >= body.length;
}
