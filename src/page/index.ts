// Page → clean article: the front door for every input record.
//
//   text  scraped page text: title, captions, dateline, subheadings, paragraphs; debris dropped
//   html  a page's HTML: Readability on linkedom finds the content, the same clean-up follows,
//         metadata (JSON-LD, OpenGraph, <meta>, <time>) gives title, date, byline, language
//   body  clean text from the caller: paragraphs only, title from the record
//
// The clean text lays blocks out in a fixed order, joined by "\n\n": title; each distinct caption
// with its credit; the dateline; subheadings and paragraphs in page order. Block text is copied from
// the input (trimmed), so Block.rawStart maps a scraped-text or body block back to the raw input.
import type { InputRecord } from '../analysis/input.js';
import { MAX_INPUT_CHARS } from '../analysis/input.js';
import type { Analysis } from '../analysis/types.js';
import { InputError } from '../analysis/errors.js';
import { splitLines, linesToUnits } from './lines.js';
import { classifyUnits } from './classify.js';
import { assemble } from './assemble.js';
import { parseBody } from './body.js';
import { extractHtml } from './html.js';
import { normalizeDate } from './metadata.js';

export { decodeBytes } from './decode.js';
export { looksLikeHtml } from './detect.js';

/** Parses one input record into the initial Analysis (text, blocks, article). Throws InputError
 *  for records that cannot be analysed (no input, empty, binary, too large, bad date); anything
 *  else yields a result, degraded with warnings when the input is poor. */
export function parseInput(rec: InputRecord): Analysis {
  const present = (['text', 'html', 'body'] as const).filter((k) => typeof rec[k] === 'string');
  if (present.length === 0) throw new InputError('record has no text, html or body');
  if (present.length > 1) throw new InputError(`record has more than one of text, html, body (${present.join(', ')})`);
  const kind = present[0];
  const raw = rec[kind] as string;
  if (raw.length > MAX_INPUT_CHARS)
    throw new InputError(`${kind} is ${raw.length} characters; the limit is ${MAX_INPUT_CHARS} per document`);
  if (!raw.trim()) throw new InputError(`${kind} is empty`);
  if (looksBinary(raw)) throw new InputError(`${kind} looks like binary data (control characters), not text`);
  const callerPublished = checkPublished(rec.published);
  const id = rec.id ?? null;

  if (kind === 'body') {
    return assemble(parseBody(raw, rec.title ?? null), {
      id,
      input: 'body',
      callerPublished,
      metaPublished: null,
      inferPublishedFromText: false,
    });
  }
  if (kind === 'text') {
    const units = linesToUnits(raw, splitLines(raw));
    const draft = classifyUnits(units, { findTitle: true, knownTitle: null, shortLinesAreSubheadings: true });
    return assemble(draft, { id, input: 'text', callerPublished, metaPublished: null, inferPublishedFromText: true });
  }

  const page = extractHtml(raw);
  const draft = classifyUnits(page.units, {
    findTitle: false,
    knownTitle: page.title,
    shortLinesAreSubheadings: false,
  });
  draft.title = page.title ? { kind: 'title', text: page.title, rawStart: null } : null;
  if (!draft.title && draft.body.length === 0 && draft.captions.length === 0)
    throw new InputError('the HTML page has no readable text (no title, no body text)');
  return assemble(draft, {
    id,
    input: 'html',
    callerPublished,
    metaPublished: page.meta.published,
    inferPublishedFromText: true,
    metaReadingMinutes: page.meta.readingMinutes,
    declaredLanguage: page.meta.language,
    declaredDir: page.meta.dir,
    byline: page.meta.byline,
    siteName: page.meta.siteName,
    url: rec.url ?? page.meta.url,
    warnings: page.warnings,
  });
}

/** Share of control characters (and U+FFFD) above which a text is taken for binary data. */
const BINARY_MAX_SHARE = 0.1;
const BINARY_SAMPLE = 8192;

function looksBinary(s: string): boolean {
  const sample = s.slice(0, BINARY_SAMPLE);
  const bad = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  return bad > 0 && bad / sample.length > BINARY_MAX_SHARE;
}

/** The caller's publication date, checked: ISO date or datetime with a real calendar date. */
function checkPublished(p: string | undefined): string | null {
  if (p === undefined || p === null || p.trim() === '') return null;
  const d = /^\d{4}-\d{2}-\d{2}/.test(p.trim()) ? normalizeDate(p) : null;
  if (!d) throw new InputError(`published "${p.slice(0, 40)}" is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)`);
  return d;
}
