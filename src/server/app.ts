// The HTTP API and the web interface's host, as one Hono app over a Store.
//
// Thin over the library: every route validates its input against a schema (requests.ts), calls
// `analyze` or the store, and answers JSON. Writes need an API key. Requests are logged as one
// JSON line each. `createApp` builds the app without listening (tests call `app.request(...)`);
// node.ts puts it on a socket.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { analyze } from '../analyze.js';
import { toContract } from '../analysis/serialize.js';
import { InputError } from '../analysis/errors.js';
import type { Analysis } from '../analysis/types.js';
import type { InputRecord } from '../analysis/input.js';
import { decodeBytes } from '../page/decode.js';
import { looksLikeHtml } from '../page/detect.js';
import { dayRange } from '../store/prepare.js';
import type { Store } from '../store/types.js';
import { EVENTS_CSV_COLUMNS, GKG_COLUMNS, eventCsvLines, gkgLine } from '../store/export.js';
import { loadKb } from '../kb/index.js';
import type { AnalyzedDocument, AnalyzeResponse, ArticleResponse, EventView } from './api-types.js';
import { ApiError, invalid } from './errors.js';
import { factsOf, kbAgentOf, kbNameOf, renderEvent } from './facts.js';
import { FetchFailedError, UrlRefusedError, fetchPage, type FetchPageOptions } from './fetch-url.js';
import { openApiDocument } from './openapi.js';
import * as R from './requests.js';
import { coerceQuery, validate, type JsonSchema } from './schema.js';
import { entityView, eventDay, pairView, relatedView, type StoreExtras } from './views.js';
import { loadWebAssets, type WebAsset } from './web-assets.js';

/** Largest request body (bytes). An HTML page with inline scripts can be a few MB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export type LogEntry = Record<string, unknown>;

export interface AppOptions {
  store: Store & StoreExtras;
  /** Keys accepted in `x-api-key` for writes; none: writes are refused. */
  apiKeys?: readonly string[];
  /** Let `POST /api/analyze {url}` fetch private, loopback and link-local addresses. */
  allowPrivateUrls?: boolean;
  maxBodyBytes?: number;
  /** One call per request and per server error; default: a JSON line on stdout. */
  log?: (entry: LogEntry) => void;
  /** Folder of the built interface (dist/web); null: API only. Default: dist/web beside dist/server. */
  webRoot?: string | null;
  /** Test hooks for URL fetching (resolver, address policy, timeouts). */
  fetch?: FetchPageOptions;
}

const PACKAGE_VERSION = (() => {
  try {
    return (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
      .version;
  } catch {
    return '0.0.0';
  }
})();

/** Content-Security-Policy of the interface: no inline or foreign script, so injected markup cannot run. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const defaultLog = (entry: LogEntry): void => {
  process.stdout.write(JSON.stringify(entry) + '\n');
};

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Reads and validates the query string against a schema. */
function query<T>(c: Context, schema: JsonSchema): T {
  const raw = c.req.queries() ?? {};
  const value = coerceQuery(schema, raw);
  const issues = validate(schema, value);
  if (issues.length) throw invalid('query', issues);
  return value as T;
}

/** Validates one path parameter. */
function param(c: Context, name: string, schema: JsonSchema): string {
  const v = c.req.param(name) ?? '';
  const issues = validate(schema, v, `/${name}`);
  if (issues.length) throw invalid('path', issues);
  return v;
}

/** Reads a JSON body and validates it. */
async function jsonBody<T>(c: Context, schema: JsonSchema): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new ApiError(415, 'unsupported_media_type', 'send the body as JSON (Content-Type: application/json)');
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'the body is not valid JSON');
  }
  const issues = validate(schema, value);
  if (issues.length) throw invalid('body', issues);
  return value as T;
}

/** A date filter: a month or year means its first day (`from`) or last day (`to`). */
function dayBound(v: string | undefined, side: 'from' | 'to'): string | undefined {
  if (!v) return undefined;
  const r = dayRange(v);
  return r ? r[side] : v;
}

type DocumentFields = {
  id?: string;
  text?: string;
  html?: string;
  body?: string;
  url?: string;
  title?: string;
  published?: string;
};

function presentation(a: Analysis): AnalyzedDocument {
  return {
    analysis: toContract(a) as unknown as AnalyzedDocument['analysis'],
    blocks: a.blocks.map((b) => ({ kind: b.kind, start: b.start, end: b.end })),
    facts: factsOf(a),
  };
}

function charsetOf(contentType: string | null): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  if (!m) return null;
  try {
    return new TextDecoder(m[1]).encoding;
  } catch {
    return null;
  }
}

export function createApp(opts: AppOptions): Hono {
  const store = opts.store;
  const log = opts.log ?? defaultLog;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const keys = (opts.apiKeys ?? []).filter((k) => k.length > 0).map(digest);
  const web = opts.webRoot === null ? null : loadWebAssets(opts.webRoot);
  const openapi = JSON.stringify(openApiDocument({ version: PACKAGE_VERSION, maxBodyBytes: maxBody }));
  const app = new Hono();

  // ------------------------------------------------------------ cross-cutting

  app.use('*', async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    c.header('x-request-id', requestId);
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-frame-options', 'DENY');
    log({
      time: new Date().toISOString(),
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) =>
        c.json(
          new ApiError(
            413,
            'payload_too_large',
            `the request body is larger than the limit of ${maxBody} bytes (${(maxBody / 1048576).toFixed(1)} MB); send a smaller document`,
          ).toJSON(),
          413,
        ),
    }),
  );

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.toJSON(), err.status);
    log({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'unhandled error',
      path: c.req.path,
      error: String((err as Error)?.stack ?? err),
    });
    return c.json(new ApiError(500, 'internal', 'internal error; the server log has the details').toJSON(), 500);
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return c.json(
        new ApiError(404, 'not_found', `no route ${c.req.method} ${c.req.path} (see /api/openapi.json)`).toJSON(),
        404,
      );
    return c.text('not found', 404);
  });

  const requireKey = (c: Context): void => {
    if (keys.length === 0)
      throw new ApiError(
        403,
        'forbidden',
        'writes are disabled: the server has no API key (set RASD_API_KEYS or start it with --api-key KEY)',
      );
    const given = c.req.header('x-api-key');
    if (!given)
      throw new ApiError(401, 'unauthorized', 'this endpoint writes: send your API key in the x-api-key header');
    const d = digest(given);
    if (!keys.some((k) => timingSafeEqual(k, d)))
      throw new ApiError(401, 'unauthorized', 'the API key in x-api-key is not valid');
  };

  /** One input record from a request body, fetching the page when a URL is given. */
  const documentRecord = async (
    b: DocumentFields,
  ): Promise<{ rec: InputRecord; fetched?: { url: string; status: number } }> => {
    const sources = R.DOCUMENT_SOURCES.filter((k) => b[k] !== undefined);
    if (sources.length !== 1)
      throw invalid('body', [
        {
          path: '',
          message: `must have exactly one of ${R.DOCUMENT_SOURCES.join(', ')} (has ${sources.length ? sources.join(', ') : 'none'})`,
        },
      ]);
    const rec: InputRecord = { id: b.id ?? null };
    if (b.title !== undefined) rec.title = b.title;
    if (b.published !== undefined) rec.published = b.published;
    if (b.url === undefined) {
      const k = sources[0] as 'text' | 'html' | 'body';
      rec[k] = b[k];
      return { rec };
    }
    let page;
    try {
      page = await fetchPage(b.url, {
        ...opts.fetch,
        allowPrivate: opts.allowPrivateUrls ?? opts.fetch?.allowPrivate ?? false,
      });
    } catch (e) {
      if (e instanceof UrlRefusedError) throw new ApiError(400, 'url_refused', e.message);
      if (e instanceof FetchFailedError) throw new ApiError(502, 'fetch_failed', e.message);
      throw e;
    }
    const charset = charsetOf(page.contentType);
    let text: string;
    try {
      text = charset ? new TextDecoder(charset).decode(page.body) : decodeBytes(page.body).text;
    } catch (e) {
      throw new ApiError(422, 'unprocessable', `cannot read the page at ${page.url}: ${(e as Error).message}`);
    }
    rec.url = page.url;
    if (looksLikeHtml(text)) rec.html = text;
    else rec.text = text;
    return { rec, fetched: { url: page.url, status: page.status } };
  };

  const runAnalysis = (rec: InputRecord): Analysis => {
    try {
      return analyze(rec);
    } catch (e) {
      if (e instanceof InputError) throw new ApiError(422, 'unprocessable', e.message);
      throw e;
    }
  };

  // ------------------------------------------------------------ API

  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json; charset=utf-8' }));

  app.get('/api/health', async (c) => c.json({ ok: true, store: store.kind, articles: await store.count() }));

  app.post('/api/analyze', async (c) => {
    const b = await jsonBody<DocumentFields>(c, R.analyzeBody);
    const { rec, fetched } = await documentRecord(b);
    const res: AnalyzeResponse = { ...presentation(runAnalysis(rec)), stored: false, ...(fetched ? { fetched } : {}) };
    return c.json(res);
  });

  app.post('/api/articles', async (c) => {
    requireKey(c);
    const b = await jsonBody<DocumentFields & { sourceId?: string; outlet?: string; topics?: string[] }>(
      c,
      R.storeBody,
    );
    const { rec } = await documentRecord(b);
    const analysis = runAnalysis(rec);
    const r = await store.putArticle({
      analysis,
      sourceId: b.sourceId ?? b.id ?? null,
      outlet: b.outlet ?? null,
      topics: b.topics,
      url: rec.url ?? null,
    });
    return c.json(r, r.created ? 201 : 200);
  });

  app.get('/api/articles/:id', async (c) => {
    const id = param(c, 'id', R.articleIdParam);
    const art = await store.getArticle(id);
    if (!art) throw new ApiError(404, 'not_found', `no article ${id}`);
    const res: ArticleResponse = { article: art.meta, ...presentation(art.analysis) };
    return c.json(res);
  });

  app.get('/api/articles/:id/related', async (c) => {
    const id = param(c, 'id', R.articleIdParam);
    const q = query<{ limit?: number }>(c, R.relatedQuery);
    const art = await store.getArticle(id);
    if (!art) throw new ApiError(404, 'not_found', `no article ${id}`);
    return c.json(await relatedView(store, art.meta, q.limit ?? 5));
  });

  app.get('/api/search', async (c) => {
    const q = query<{
      q?: string;
      entity?: string[];
      outlet?: string[];
      topic?: string[];
      from?: string;
      to?: string;
      limit?: number;
      offset?: number;
      duplicates?: string;
    }>(c, R.searchQuery);
    const res = await store.search({
      q: q.q,
      entity: q.entity,
      outlet: q.outlet,
      topic: q.topic,
      from: dayBound(q.from, 'from'),
      to: dayBound(q.to, 'to'),
      limit: q.limit ?? 10,
      offset: q.offset ?? 0,
      collapseDuplicates: q.duplicates !== 'all',
    });
    return c.json(res);
  });

  app.get('/api/entities/:id', async (c) => {
    const id = param(c, 'id', R.entityIdParam);
    const q = query<{ from?: string; to?: string }>(c, R.entityQuery);
    const view = await entityView(store, id, { from: dayBound(q.from, 'from'), to: dayBound(q.to, 'to') });
    if (!view) throw new ApiError(404, 'not_found', `no entity ${id} in the knowledge base or the stored articles`);
    return c.json(view);
  });

  app.get('/api/quotes', async (c) => {
    const q = query<{ speaker?: string; from?: string; to?: string; limit?: number }>(c, R.quotesQuery);
    const quotes = await store.quotes({
      speaker: q.speaker,
      from: dayBound(q.from, 'from'),
      to: dayBound(q.to, 'to'),
      limit: q.limit ?? 50,
    });
    return c.json({ quotes });
  });

  app.get('/api/events', async (c) => {
    const q = query<{
      actor?: string;
      recipient?: string;
      type?: string[];
      from?: string;
      to?: string;
      limit?: number;
    }>(c, R.eventsQuery);
    const rows = await store.events({
      actor: q.actor,
      recipient: q.recipient,
      type: q.type,
      from: dayBound(q.from, 'from'),
      to: dayBound(q.to, 'to'),
      limit: q.limit ?? 100,
    });
    const kb = loadKb();
    const nameOf = kbNameOf(kb);
    const events: EventView[] = rows.map((e) => {
      const day = eventDay(e);
      return { ...e, day, en: renderEvent(e, nameOf, kbAgentOf(kb, day), e.published?.slice(0, 10) ?? null) };
    });
    return c.json({ events });
  });

  app.get('/api/pairs/:a/:b', async (c) => {
    const a = param(c, 'a', R.entityIdParam);
    const b = param(c, 'b', R.entityIdParam);
    if (a === b) throw invalid('path', [{ path: '/b', message: 'must differ from a' }]);
    const q = query<{ from?: string; to?: string; limit?: number }>(c, R.pairQuery);
    return c.json(
      await pairView(store, a, b, { from: dayBound(q.from, 'from'), to: dayBound(q.to, 'to'), limit: q.limit }),
    );
  });

  app.get('/api/export', async (c) => {
    const q = query<{ format?: 'jsonl' | 'events-csv' | 'gkg'; from?: string; to?: string; canonical?: boolean }>(
      c,
      R.exportQuery,
    );
    const format = q.format ?? 'jsonl';
    const it = store
      .scan({ from: dayBound(q.from, 'from'), to: dayBound(q.to, 'to'), canonicalOnly: q.canonical ?? false })
      [Symbol.asyncIterator]();
    const enc = new TextEncoder();
    const header =
      format === 'events-csv'
        ? EVENTS_CSV_COLUMNS.join(',') + '\n'
        : format === 'gkg'
          ? GKG_COLUMNS.join('\t') + '\n'
          : '';
    const stream = new ReadableStream<Uint8Array>({
      start(ctrl) {
        if (header) ctrl.enqueue(enc.encode(header));
      },
      async pull(ctrl) {
        for (;;) {
          const n = await it.next();
          if (n.done) return ctrl.close();
          const art = n.value;
          let out: string;
          if (format === 'jsonl') {
            const m = art.meta;
            out =
              JSON.stringify({
                ...toContract(art.analysis),
                id: m.sourceId ?? m.id,
                store: {
                  id: m.id,
                  outlet: m.outlet,
                  url: m.url,
                  topics: m.topics,
                  canonical_id: m.canonicalId,
                  cluster_id: m.clusterId,
                },
              }) + '\n';
          } else if (format === 'events-csv') {
            const lines = eventCsvLines(art);
            out = lines.length ? lines.join('\n') + '\n' : '';
          } else out = gkgLine(art) + '\n';
          if (out) return ctrl.enqueue(enc.encode(out));
        }
      },
      async cancel() {
        await it.return?.();
      },
    });
    const types = {
      jsonl: 'application/x-ndjson',
      'events-csv': 'text/csv; charset=utf-8',
      gkg: 'text/tab-separated-values; charset=utf-8',
    };
    const ext = { jsonl: 'jsonl', 'events-csv': 'csv', gkg: 'tsv' };
    return c.body(stream, 200, {
      'content-type': types[format],
      'content-disposition': `attachment; filename="rasd-export.${ext[format]}"`,
    });
  });

  // ------------------------------------------------------------ the web interface

  const sendAsset = (c: Context, asset: WebAsset, cache: string): Response => {
    const gzipOk = asset.gzip !== null && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': cache,
      vary: 'accept-encoding',
    };
    if (gzipOk) headers['content-encoding'] = 'gzip';
    return c.body(new Uint8Array(gzipOk ? asset.gzip! : asset.body), 200, headers);
  };

  const page = (c: Context): Response => {
    if (!web) return c.text('The web interface is not built: run `npm run build` (or `npm run build:web`).', 503);
    c.header('content-security-policy', CSP);
    return sendAsset(c, web.index, 'no-cache');
  };

  for (const route of ['/', '/search', '/analyze', '/article/*', '/entity/*', '/pair/*']) app.get(route, page);
  app.get('/assets/:file', (c) => {
    const asset = web?.files.get(c.req.param('file'));
    if (!asset) return c.text('not found', 404);
    // File names carry no hash; the page asks for ?v=<content hash>, so a long cache is safe.
    return sendAsset(c, asset, c.req.query('v') ? 'public, max-age=31536000, immutable' : 'no-cache');
  });

  return app;
}
