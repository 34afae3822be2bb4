// Mentions the page structure gives for free: the dateline's agency («موسكو-أ ف ب») and the credit
// of each caption («… - AFP»). Both are organisations the page names explicitly, so they are
// linked through the KB by the canonical agency name the page parser found.
import type { Analysis } from '../analysis/types.js';
import type { Kb } from '../kb/index.js';
import type { Candidate } from './resolve.js';

const EDGE = /^[\s\-–—:.,،()[\]«»"]+|[\s\-–—:.,،()[\]«»"]+$/g;

/** Trims separators from both ends of text[start, end) and returns the tightened span. */
function tighten(text: string, start: number, end: number): [number, number] | null {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.replace(/^[\s\-–—:.,،()[\]«»"]+/, '').length;
  const trail = slice.length - slice.replace(/[\s\-–—:.,،()[\]«»"]+$/, '').length;
  const s = start + lead;
  const e = end - trail;
  return e > s ? [s, e] : null;
}

function sentenceAt(doc: Analysis, offset: number): number {
  const s = doc.sentences.find((x) => x.start <= offset && offset < x.end);
  return s ? s.index : 0;
}

export function sourceMentions(doc: Analysis, kb: Kb): Candidate[] {
  const out: Candidate[] = [];
  const push = (name: string, start: number, end: number, source: Candidate['source']) => {
    const span = tighten(doc.text, start, end);
    if (!span) return;
    const entry = kb.lookup(name).find((e) => e.type === 'ORG') ?? kb.lookup(doc.text.slice(span[0], span[1]).replace(EDGE, ''))[0];
    if (!entry) return;
    out.push({
      start: span[0],
      end: span[1],
      sentence: sentenceAt(doc, span[0]),
      type: entry.type,
      subtype: entry.subtype,
      source,
      kbId: entry.id,
    });
  };
  // Dateline: what follows the place is the agency.
  const dl = doc.article.dateline;
  const block = doc.blocks.find((b) => b.kind === 'dateline');
  if (dl?.agency && block) {
    const text = doc.text.slice(block.start, block.end);
    const placeAt = dl.place ? text.indexOf(dl.place) : -1;
    const from = placeAt >= 0 ? placeAt + dl.place!.length : 0;
    push(dl.agency, block.start + from, block.end, 'dateline');
  }
  // Caption credits: the caption block holds the caption text, then the credit.
  for (const c of doc.article.captions) {
    if (!c.credit) continue;
    const b = doc.blocks.find((x) => x.kind === 'caption' && x.start <= c.start && c.end <= x.end);
    if (b && b.end > c.end) push(c.credit, c.end, b.end, 'credit');
  }
  return out;
}
