// Plain bodies (already clean text): paragraphs split on blank lines, or on single newlines when
// there is no blank line. No title guessing and no debris removal: the caller vouches for the text.
// Only the dateline opening the first paragraph is separated, as on pages.
import type { Draft, Piece } from './draft.js';
import { splitLines } from './lines.js';
import { matchDatelinePrefix, matchDatelineLine } from './agency.js';

export function parseBody(body: string, title: string | null): Draft {
  const lines = splitLines(body);
  const byBlankLines = lines.some((l, i) => i > 0 && l.afterBlank);
  const paragraphs: Array<{ text: string; rawStart: number }> = [];
  for (const l of lines) {
    const last = paragraphs[paragraphs.length - 1];
    if (byBlankLines && last && !l.afterBlank) {
      // same paragraph: keep the text verbatim, line break included
      last.text = body.slice(last.rawStart, l.start + l.text.length);
    } else paragraphs.push({ text: l.text, rawStart: l.start });
  }

  const draft: Draft = {
    title: title && title.trim() ? { kind: 'title', text: title.trim(), rawStart: null } : null,
    captions: [],
    dateline: null,
    body: [],
    statedMinutes: null,
    byline: null,
    dateLineDates: [],
    warnings: [],
  };
  paragraphs.forEach((p, i) => {
    if (i === 0) {
      const alone = matchDatelineLine(p.text);
      if (alone) {
        draft.dateline = {
          piece: { kind: 'dateline', text: p.text, rawStart: p.rawStart },
          place: alone.place,
          agency: alone.agency,
        };
        return;
      }
      const m = matchDatelinePrefix(p.text);
      if (m && m.restStart < p.text.length) {
        draft.dateline = {
          piece: { kind: 'dateline', text: m.raw, rawStart: p.rawStart + m.start },
          place: m.place,
          agency: m.agency,
        };
        draft.body.push({ kind: 'paragraph', text: p.text.slice(m.restStart), rawStart: p.rawStart + m.restStart });
        return;
      }
    }
    const piece: Piece = { kind: 'paragraph', text: p.text, rawStart: p.rawStart };
    draft.body.push(piece);
  });
  return draft;
}
