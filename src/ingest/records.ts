// JSON records → items. Two shapes are understood:
//  - the shared corpus format {id, corpus, outlet, category, url, title, published, published_raw,
//    author, abstract, text}, recognised by any of its metadata keys (corpus, outlet, category,
//    published_raw, abstract): `text` there is the article body, analysed as {body, title, published};
//  - the analysis contract's input record {id, text|html|body, title?, published?, url?}
//    (../shared/eval/CONTRACT.md), with an optional `outlet`.
import type { InputRecord } from '../analysis/input.js';
import { MAX_INPUT_CHARS } from '../analysis/input.js';
import { normalizeDate } from '../page/metadata.js';
import type { SourceEvent, SourceReject } from './types.js';

const CORPUS_KEYS = ['corpus', 'outlet', 'category', 'published_raw', 'abstract'] as const;

export interface RecordContext {
  origin: string;
  rawHash: string;
  /** Id when the record has none (file:line). */
  fallbackId: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function reject(ctx: RecordContext, sourceId: string | null, code: SourceReject['code'], reason: string): SourceReject {
  return { kind: 'reject', origin: ctx.origin, sourceId, code, reason };
}

/** A publication date the analysis accepts, or null (with the reason) when unusable. */
export function checkedPublished(v: unknown): { published: string | null; note: string | null } {
  const s = str(v);
  if (!s) return { published: null, note: null };
  if (/^\d{4}-\d{2}-\d{2}/.test(s.trim()) && normalizeDate(s)) return { published: s.trim(), note: null };
  return { published: null, note: `published "${s.slice(0, 40)}" is not an ISO date; ignored` };
}

/** «2015-07-21 02:51:32» and ISO datetimes → ISO (UTC when no offset is given); else null. */
export function seenTime(v: unknown): string | null {
  const s = str(v)?.trim();
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  const iso = s.replace(' ', 'T');
  const withZone = /T.*(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** One parsed JSON value → an item or a reject. */
export function recordToEvent(o: unknown, ctx: RecordContext): SourceEvent {
  if (!o || typeof o !== 'object' || Array.isArray(o))
    return reject(ctx, null, 'record-invalid', 'record is not a JSON object');
  const r = o as Record<string, unknown>;
  const rawId = r.id;
  const sourceId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : ctx.fallbackId;
  const isCorpus = CORPUS_KEYS.some((k) => k in r) && typeof r.text === 'string';

  let kind: 'text' | 'html' | 'body';
  let content: string;
  if (isCorpus) {
    kind = 'body';
    content = r.text as string;
  } else {
    const present = (['text', 'html', 'body'] as const).filter((k) => r[k] !== undefined && r[k] !== null);
    if (present.length !== 1)
      return reject(
        ctx,
        sourceId,
        'record-invalid',
        present.length === 0 ? 'record has no text, html or body' : `record has more than one of ${present.join(', ')}`,
      );
    kind = present[0];
    if (typeof r[kind] !== 'string') return reject(ctx, sourceId, 'record-invalid', `${kind} is not a string`);
    content = r[kind] as string;
  }
  if (!content.trim()) return reject(ctx, sourceId, 'empty', `${isCorpus ? 'text' : kind} is empty`);
  if (content.length > MAX_INPUT_CHARS)
    return reject(
      ctx,
      sourceId,
      'too-large',
      `${kind} is ${content.length} characters; the limit is ${MAX_INPUT_CHARS}`,
    );

  const { published, note } = checkedPublished(r.published);
  const record: InputRecord = { id: sourceId };
  record[kind] = content;
  const title = str(r.title);
  if (title && kind === 'body') record.title = title.trim();
  if (published) record.published = published;
  const url = str(r.url);
  if (url && kind === 'html') record.url = url;
  return {
    kind: 'item',
    origin: ctx.origin,
    sourceId,
    record,
    outlet: str(r.outlet),
    url,
    category: str(r.category),
    seenAt: published ? null : seenTime(r.published_raw),
    rawHash: ctx.rawHash,
    ...(note ? { notes: [note] } : {}),
  };
}
