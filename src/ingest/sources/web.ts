// URLs: a page, or a feed whose items are ingested (from the feed's own content when it carries the
// full text, else by fetching each item's link). Conditional GET: the validators (ETag,
// Last-Modified) of every URL fetched are remembered after its items are stored, and sent next time;
// 304 Not Modified means nothing new.
import { InputError } from '../../analysis/errors.js';
import { MAX_INPUT_BYTES } from '../../analysis/input.js';
import { looksLikeHtml } from '../../page/detect.js';
import { rawHash } from '../../dedup/hash.js';
import type { SourceItem, SourceReject } from '../types.js';
import type { ReadEvent, SourceContext } from './context.js';
import { decodeHttpBody, fetchLimited, FetchError } from './http.js';
import { itemPage, looksLikeFeed, parseFeed, type Feed, type FeedItem } from './feed.js';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';
/** Reject codes that may pass on a later run: the feed is fetched again rather than answered 304. */
const TRANSIENT = new Set(['fetch-failed', 'fetch-timeout', 'http-status']);

const reject = (origin: string, code: SourceReject['code'], reason: string, sourceId: string | null): SourceReject => ({
  kind: 'reject',
  origin,
  sourceId,
  code,
  reason,
});

function textLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim().length;
}

/** Reads one URL given on the command line. Never throws. */
export async function* readUrl(url: string, ctx: SourceContext): AsyncGenerator<ReadEvent> {
  const prev = ctx.conditional(url);
  let res;
  try {
    res = await fetchLimited(url, {
      timeoutMs: ctx.timeoutMs,
      maxBytes: MAX_INPUT_BYTES,
      etag: prev?.etag,
      lastModified: prev?.lastModified,
      accept: FEED_ACCEPT,
    });
  } catch (e) {
    yield e instanceof FetchError ? reject(url, e.code, e.message, url) : reject(url, 'fetch-failed', String(e), url);
    return;
  }
  if (res.status === 304) {
    ctx.log(`${url}: not modified since the last ingest`);
    return;
  }
  let decoded;
  try {
    decoded = decodeHttpBody(res.bytes, res.contentType);
  } catch (e) {
    const msg = (e as Error).message;
    yield reject(url, /empty/.test(msg) ? 'empty' : e instanceof InputError ? 'binary' : 'unreadable', msg, url);
    return;
  }
  const checkpoint = (complete: boolean): ReadEvent => ({
    kind: 'checkpoint',
    url,
    etag: res.etag,
    lastModified: res.lastModified,
    complete,
  });
  if (looksLikeFeed(decoded.text)) {
    let feed: Feed;
    try {
      feed = parseFeed(decoded.text);
    } catch (e) {
      yield reject(url, 'feed-invalid', (e as Error).message, url);
      return;
    }
    if (decoded.warnings?.length) ctx.log(`${url}: ${decoded.warnings.join('; ')}`);
    let transient = false;
    for await (const ev of feedItemEvents(
      feed,
      { origin: url, baseUrl: res.url, charsetNotes: decoded.warnings ?? [] },
      ctx,
    )) {
      if (ev.kind === 'reject' && TRANSIENT.has(ev.code)) transient = true;
      yield ev;
    }
    yield checkpoint(!transient);
    return;
  }
  const h = rawHash('url', res.url, res.bytes);
  if (ctx.isSeen(h)) yield { kind: 'seen', origin: url, rawHash: h };
  else yield pageItem(url, res.url, decoded.text, h, null, decoded.warnings ?? []);
  yield checkpoint(true);
}

function pageItem(
  origin: string,
  url: string,
  text: string,
  h: string,
  published: string | null,
  notes: string[],
): SourceItem {
  const html = looksLikeHtml(text);
  const record: SourceItem['record'] = html ? { id: url, html: text, url } : { id: url, text };
  if (published) record.published = published;
  return {
    kind: 'item',
    origin,
    sourceId: url,
    record,
    outlet: null,
    url,
    category: null,
    seenAt: null,
    rawHash: h,
    ...(notes.length ? { notes } : {}),
  };
}

function resolveLink(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link, base ?? undefined).toString();
  } catch {
    return null;
  }
}

/** The items of a parsed feed as events: skipped when seen before, else from the feed's own content
 *  when full, else fetched from their link. */
export async function* feedItemEvents(
  feed: Feed,
  where: { origin: string; baseUrl: string | null; charsetNotes?: string[] },
  ctx: SourceContext,
): AsyncGenerator<ReadEvent> {
  if (feed.items.length === 0) ctx.log(`${where.origin}: the feed has no items`);
  for (const item of feed.items) {
    const link = resolveLink(item.link, where.baseUrl);
    const origin = `${where.origin} → ${link ?? item.id}`;
    const h = rawHash('feed-item', item.id, link ?? '', item.published ?? '', item.title ?? '');
    if (ctx.isSeen(h)) {
      yield { kind: 'seen', origin, rawHash: h };
      continue;
    }
    yield await itemEvent(item, link, origin, h, where.charsetNotes ?? [], ctx);
  }
}

async function itemEvent(
  item: FeedItem,
  link: string | null,
  origin: string,
  h: string,
  notes: string[],
  ctx: SourceContext,
): Promise<ReadEvent> {
  const sourceId = link ?? item.id;
  const fromFeed = (html: string): SourceItem => {
    const record: SourceItem['record'] = { id: sourceId, html: itemPage(item, html) };
    if (link) record.url = link;
    if (item.published) record.published = item.published;
    return {
      kind: 'item',
      origin,
      sourceId,
      record,
      outlet: null,
      url: link,
      category: null,
      seenAt: null,
      rawHash: h,
      ...(notes.length ? { notes } : {}),
    };
  };
  if (item.contentHtml && textLength(item.contentHtml) >= ctx.feedContentMinChars) return fromFeed(item.contentHtml);
  if (!link) {
    const teaser = item.contentHtml ?? item.summary;
    return teaser
      ? fromFeed(teaser)
      : reject(origin, 'record-invalid', 'the feed item has no link and no content', sourceId);
  }
  try {
    const res = await fetchLimited(link, {
      timeoutMs: ctx.timeoutMs,
      maxBytes: MAX_INPUT_BYTES,
      accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
    });
    const d = decodeHttpBody(res.bytes, res.contentType);
    return pageItem(origin, res.url, d.text, h, item.published, d.warnings ?? []);
  } catch (e) {
    if (e instanceof FetchError) return reject(origin, e.code, e.message, sourceId);
    const msg = (e as Error).message;
    return reject(
      origin,
      /empty/.test(msg) ? 'empty' : e instanceof InputError ? 'binary' : 'fetch-failed',
      msg,
      sourceId,
    );
  }
}
