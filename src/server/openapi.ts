// The OpenAPI 3.1 document served at /api/openapi.json, built from the same schemas app.ts
// validates with (requests.ts). A test checks that every documented route is served and back.
import * as R from './requests.js';
import type { JsonSchema } from './schema.js';

interface RouteDoc {
  method: 'get' | 'post';
  /** OpenAPI path ({param} form). */
  path: string;
  summary: string;
  query?: JsonSchema;
  params?: Record<string, JsonSchema>;
  body?: JsonSchema;
  /** Needs an API key (x-api-key). */
  write?: boolean;
  /** Media type of the success response. */
  produces?: string;
  ok: string;
}

export const ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and the number of stored articles.',
    ok: '{ ok, articles, store }',
  },
  {
    method: 'post',
    path: '/api/analyze',
    summary: 'Analyse a document (text, HTML, clean body or a public URL) without storing it.',
    body: R.analyzeBody,
    ok: 'AnalyzeResponse: { analysis (CONTRACT.md), blocks, facts, stored: false }',
  },
  {
    method: 'post',
    path: '/api/articles',
    summary: 'Analyse and store a document (idempotent by content). Requires an API key.',
    body: R.storeBody,
    write: true,
    ok: '{ id, created }',
  },
  {
    method: 'get',
    path: '/api/articles/{id}',
    summary: 'A stored article: its analysis, layout blocks and English facts.',
    params: { id: R.articleIdParam },
    ok: 'ArticleResponse',
  },
  {
    method: 'get',
    path: '/api/articles/{id}/related',
    summary: '«Read also» articles and the duplicate group of an article.',
    params: { id: R.articleIdParam },
    query: R.relatedQuery,
    ok: 'RelatedResponse',
  },
  {
    method: 'get',
    path: '/api/search',
    summary: 'Arabic full-text search with filters, highlighted snippets and facets.',
    query: R.searchQuery,
    ok: 'SearchResult: { total, hits[{ article, score, snippet («[[…]]» marks matches), highlights }], facets, notes }',
  },
  {
    method: 'get',
    path: '/api/entities/{id}',
    summary: 'An entity: KB details, mentions over time, co-occurring entities, quotes and events.',
    params: { id: R.entityIdParam },
    query: R.entityQuery,
    ok: 'EntityResponse',
  },
  {
    method: 'get',
    path: '/api/quotes',
    summary: 'Quotes, by speaker (id or name) and date.',
    query: R.quotesQuery,
    ok: '{ quotes: QuoteRow[] }',
  },
  {
    method: 'get',
    path: '/api/events',
    summary: 'PLOVER events by actor, recipient, type and date, with English renderings.',
    query: R.eventsQuery,
    ok: '{ events: EventView[] }',
  },
  {
    method: 'get',
    path: '/api/pairs/{a}/{b}',
    summary: 'Actor-pair timeline: events between two entities (both directions) with Goldstein scores per period.',
    params: { a: R.entityIdParam, b: R.entityIdParam },
    query: R.pairQuery,
    ok: 'PairResponse',
  },
  {
    method: 'get',
    path: '/api/export',
    summary: 'Export stored articles: JSONL (contract), events CSV (GDELT-like) or GKG-like TSV.',
    query: R.exportQuery,
    produces: 'application/x-ndjson',
    ok: 'a stream of lines',
  },
  { method: 'get', path: '/api/openapi.json', summary: 'This document.', ok: 'OpenAPI 3.1' },
];

const errorSchema: JsonSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: {
          type: 'string',
          description:
            'stable code: invalid_request, payload_too_large, unauthorized, forbidden, not_found, url_refused, fetch_failed, unprocessable, internal',
        },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

function strip(s: JsonSchema): Record<string, unknown> {
  // JSON Schema as OpenAPI 3.1 takes it; our subset is already standard keywords.
  return JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
}

export function openApiDocument(opts: { version: string; maxBodyBytes: number }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTE_DOCS) {
    const parameters: unknown[] = [];
    for (const [name, schema] of Object.entries(r.params ?? {}))
      parameters.push({ name, in: 'path', required: true, schema: strip(schema), description: schema.description });
    for (const [name, schema] of Object.entries(r.query?.properties ?? {}))
      parameters.push({
        name,
        in: 'query',
        required: false,
        schema: strip(schema),
        ...(schema.type === 'array' ? { style: 'form', explode: true } : {}),
        ...(schema.description ? { description: schema.description } : {}),
      });
    const responses: Record<string, unknown> = {
      '200': { description: r.ok, content: { [r.produces ?? 'application/json']: {} } },
      '400': {
        description: 'The request does not match its schema.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    };
    if (r.body)
      responses['413'] = {
        description: `The body is larger than ${opts.maxBodyBytes} bytes.`,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    if (r.write) {
      responses['401'] = {
        description: 'Missing or wrong API key.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
      responses['403'] = {
        description: 'Writes are disabled: the server has no API key configured.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    if (r.path.includes('{'))
      responses['404'] = {
        description: 'Not found.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    paths[r.path] = {
      ...paths[r.path],
      [r.method]: {
        summary: r.summary,
        operationId: `${r.method}${r.path.replace(/[^a-zA-Z]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
        ...(parameters.length ? { parameters } : {}),
        ...(r.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: strip(r.body) } } } }
          : {}),
        ...(r.write ? { security: [{ apiKey: [] }] } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'rasd API',
      version: opts.version,
      description:
        'Arabic news intelligence: analyse articles (entities, quotes, times, amounts, PLOVER events, every item with its span), search the stored corpus, follow entities and actor pairs over time.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: strip(errorSchema) },
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
    },
  };
}
