// Page → clean article. The front door for every input record.
// (First cut: bodies only; the scraped-text and HTML front doors come in this folder.)
import { newAnalysis, emptyArticle } from '../analysis/create.js';
import type { InputRecord } from '../analysis/input.js';
import type { Analysis, Block } from '../analysis/types.js';
import { InputError } from '../analysis/errors.js';

export function parseInput(rec: InputRecord): Analysis {
  const raw = rec.body ?? rec.text;
  if (typeof raw !== 'string') throw new InputError('record has no text, html or body');
  const paras = raw.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const blocks: Block[] = [];
  let text = '';
  for (const p of paras) {
    if (text) text += '\n\n';
    blocks.push({ kind: 'paragraph', start: text.length, end: text.length + p.length, rawStart: raw.indexOf(p) });
    text += p;
  }
  const article = emptyArticle();
  article.title = rec.title ?? null;
  article.paragraphs = paras;
  article.published = rec.published ?? null;
  const a = newAnalysis(rec.id ?? null, text, rec.body !== undefined ? 'body' : 'text', article);
  a.blocks = blocks;
  return a;
}
