// The schemas of every request the API takes (query strings, path parameters, JSON bodies).
// app.ts validates against them; openapi.ts publishes them. One definition for both.
import { MAX_INPUT_CHARS } from '../analysis/input.js';
import type { JsonSchema } from './schema.js';

export { PLOVER_TYPES } from '../events/lexicon.js';
import { PLOVER_TYPES } from '../events/lexicon.js';

const date: JsonSchema = {
  type: 'string',
  format: 'date',
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
};
const entityId: JsonSchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9]*:\\S+$',
  maxLength: 300,
  description: 'an entity id such as per:vladimir-putin, iso:RU, org:un or local:PER:…',
};
const entityRef: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 300,
  description: 'an entity id (per:vladimir-putin) or a name (بوتين, Putin)',
};
const shortText = (maxLength: number, description?: string): JsonSchema => ({
  type: 'string',
  maxLength,
  ...(description ? { description } : {}),
});
const limit = (max: number, dflt: number): JsonSchema => ({ type: 'integer', minimum: 1, maximum: max, default: dflt });

export const articleIdParam: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 500,
  description: 'store id (16 hex digits) or the source id it was ingested with',
};
export const entityIdParam = entityId;

/** The document fields shared by analyse and store requests: exactly one of text, html, body, url. */
const documentFields: Record<string, JsonSchema> = {
  id: shortText(500, 'caller id, echoed back'),
  text: {
    type: 'string',
    minLength: 1,
    maxLength: MAX_INPUT_CHARS,
    description: 'raw page text as scraped (the page parser runs)',
  },
  html: { type: 'string', minLength: 1, maxLength: MAX_INPUT_CHARS, description: "a page's HTML" },
  body: { type: 'string', minLength: 1, maxLength: MAX_INPUT_CHARS, description: 'clean body text (no page parsing)' },
  url: {
    type: 'string',
    format: 'uri',
    pattern: '^https?://',
    maxLength: 2048,
    description: 'a public http(s) page to fetch and analyse',
  },
  title: shortText(2000, 'title, with body'),
  published: {
    ...date,
    pattern: '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.+\\-Z]{2,30})?$',
    description: 'publication date or datetime (ISO)',
  },
};

/** Fields of which a document request must carry exactly one. */
export const DOCUMENT_SOURCES = ['text', 'html', 'body', 'url'] as const;

export const analyzeBody: JsonSchema = {
  type: 'object',
  description: 'A document to analyse (not stored): exactly one of text, html, body, url.',
  properties: documentFields,
  additionalProperties: false,
};

export const storeBody: JsonSchema = {
  type: 'object',
  description: 'A document to analyse and store: exactly one of text, html, body, url. Idempotent by content.',
  properties: {
    ...documentFields,
    sourceId: shortText(500, 'your id for the document (corpus id, file path)'),
    outlet: shortText(200, 'outlet (site, newspaper)'),
    topics: { type: 'array', maxItems: 20, items: shortText(100) },
  },
  additionalProperties: false,
};

export const searchQuery: JsonSchema = {
  type: 'object',
  properties: {
    q: shortText(500, 'words (all must match), "a phrase", a OR b, -excluded; English KB names match their entity'),
    entity: {
      type: 'array',
      maxItems: 10,
      items: entityId,
      description: 'entity ids the article must mention (repeat or comma-separate)',
    },
    outlet: { type: 'array', maxItems: 20, items: shortText(200) },
    topic: { type: 'array', maxItems: 20, items: shortText(100) },
    from: date,
    to: date,
    limit: limit(100, 10),
    offset: { type: 'integer', minimum: 0, maximum: 10000, default: 0 },
    duplicates: { type: 'string', enum: ['collapse', 'all'], default: 'collapse' },
  },
  additionalProperties: false,
};

export const relatedQuery: JsonSchema = {
  type: 'object',
  properties: { limit: limit(50, 5) },
  additionalProperties: false,
};

export const entityQuery: JsonSchema = {
  type: 'object',
  properties: { from: date, to: date },
  additionalProperties: false,
};

export const quotesQuery: JsonSchema = {
  type: 'object',
  properties: { speaker: entityRef, from: date, to: date, limit: limit(500, 50) },
  additionalProperties: false,
};

export const eventsQuery: JsonSchema = {
  type: 'object',
  properties: {
    actor: entityRef,
    recipient: entityRef,
    type: { type: 'array', maxItems: 16, items: { type: 'string', enum: PLOVER_TYPES } },
    from: date,
    to: date,
    limit: limit(1000, 100),
  },
  additionalProperties: false,
};

export const pairQuery: JsonSchema = {
  type: 'object',
  properties: { from: date, to: date, limit: limit(2000, 500) },
  additionalProperties: false,
};

export const exportQuery: JsonSchema = {
  type: 'object',
  properties: {
    format: { type: 'string', enum: ['jsonl', 'events-csv', 'gkg'], default: 'jsonl' },
    from: date,
    to: date,
    canonical: { type: 'boolean', default: false, description: 'only canonical articles (one per duplicate group)' },
  },
  additionalProperties: false,
};
