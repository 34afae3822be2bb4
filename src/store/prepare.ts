// Turning an Analysis into the rows a store writes: pure, CPU-only, the same for both backends.
//
// `prepareArticle` is what ingest may run in worker threads (the result is plain data); the store
// then only inserts. Everything that decides what search sees is here: the content hash and id,
// the index terms (the analyzer's terms, then one entity term per mention of a KB entity, so that
// «Putin» finds «بوتين» and «الرئيس الروسي» when coreference linked them), and the day ranges
// used by date filters.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Analysis } from '../analysis/types.js';
import { normalizeArabic } from '../text/normalize.js';
import { analyzeTerms, termOfToken } from '../search/analyzer.js';
import { entityTerm } from '../search/query.js';
import { nameKey } from '../kb/index.js';
import type { ArticleInput, PreparedArticle } from './types.js';

/**
 * Words indexed per article. PostgreSQL keeps tsvector positions up to 16383 only; indexing the same
 * prefix in both backends keeps phrase matching identical (a news article has a few hundred words).
 */
export const MAX_INDEXED_WORDS = 16000;
/** Entity terms per article, and per entity (its mention count, capped). */
export const MAX_ENTITY_TERMS = 383;
export const MAX_ENTITY_TF = 50;

/** SHA-256 (hex) of the clean text in matching form with white space collapsed. */
export function contentHash(text: string): string {
  const norm = normalizeArabic(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(norm, 'utf8').digest('hex');
}

/** The store id of an article: the first 16 hex digits of its content hash. */
export function articleIdFromHash(hash: string): string {
  return hash.slice(0, 16);
}

/** The day (YYYY-MM-DD) an ISO date or datetime starts with, or null. */
export function dayOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m ? m[1] : null;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * The first and last day a TIMEX-style value covers: a day, a month («2022-09»), a year, an ISO
 * week («2022-W47»). Null for anything else (durations, sets, unresolved values).
 */
export function dayRange(value: string | null | undefined): { from: string; to: string } | null {
  if (!value) return null;
  let m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (m) return { from: m[1], to: m[1] };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0));
    return { from: `${m[1]}-${m[2]}-01`, to: isoDay(last) };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
    const monday1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
    const start = new Date(monday1.getTime() + (Number(m[2]) - 1) * 7 * 86400000);
    return { from: isoDay(start), to: isoDay(new Date(start.getTime() + 6 * 86400000)) };
  }
  return null;
}

/**
 * The Analysis as stored: without the text (stored beside it) and without tokens and sentences,
 * which `buildTextLayers(text)` rebuilds exactly on read.
 */
function compactAnalysis(a: Analysis): Omit<Analysis, 'text' | 'tokens' | 'sentences'> {
  const { text: _text, tokens: _tokens, sentences: _sentences, ...rest } = a;
  return rest;
}

/** The index terms of an analysis: its words (capped), then its KB entities' terms. */
export function indexTerms(a: Analysis): string[] {
  // The text stage's tokens are the tokenizer's output over the same text: reuse them when present.
  let terms: string[];
  if (a.tokens.length > 0) {
    terms = [];
    for (const tok of a.tokens) {
      const t = termOfToken(tok.text, tok.kind);
      if (t) terms.push(t);
      if (terms.length >= MAX_INDEXED_WORDS) break;
    }
  } else terms = analyzeTerms(a.text).slice(0, MAX_INDEXED_WORDS);
  let budget = MAX_ENTITY_TERMS;
  for (const e of [...a.entities].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    if (e.id.startsWith('local:') || e.mentions.length === 0) continue;
    const t = entityTerm(e.id);
    for (let i = 0; i < Math.min(e.mentions.length, MAX_ENTITY_TF) && budget > 0; i++, budget--) terms.push(t);
  }
  return terms;
}

/** Everything a store writes for one article. Never throws on well-formed analyses. */
export function prepareArticle(input: ArticleInput): PreparedArticle {
  const a = input.analysis;
  const hash = contentHash(a.text);
  const id = articleIdFromHash(hash);
  const published = a.article.published ?? null;
  const publishedDay = dayOf(published);
  // '|' separates topics in articles.topics (sql.ts): kept out of the labels.
  const topics = [
    ...new Set(
      [...(a.article.topics ?? []), ...(input.topics ?? [])].map((t) => t.replaceAll('|', ' ').trim()).filter(Boolean),
    ),
  ].sort();
  const entityById = new Map(a.entities.map((e) => [e.id, e]));
  const speakerKey = (speaker: string | null, speakerText: string | null): string | null => {
    const e = speaker ? entityById.get(speaker) : undefined;
    const name = e?.name.ar ?? speakerText;
    return name ? nameKey(name) || null : null;
  };
  const entities = a.entities.map((e) => ({
    id: e.id,
    type: e.type,
    subtype: e.subtype,
    nameAr: e.name.ar,
    nameEn: e.name.en,
    wikidata: e.wikidata,
    mentions: e.mentions.length,
  }));
  return {
    kind: 'prepared',
    meta: {
      id,
      sourceId: input.sourceId ?? a.id ?? null,
      url: input.url ?? a.article.url ?? null,
      outlet: input.outlet ?? a.article.siteName ?? null,
      title: a.article.title,
      published,
      topics,
      contentHash: hash,
    },
    publishedDay,
    text: a.text,
    analysisGz: gzipSync(JSON.stringify(compactAnalysis(a)), { level: 6 }),
    terms: indexTerms(a),
    entities,
    mentions: a.mentions.map((m) => ({
      entityId: m.entityId,
      kbId: m.kbId,
      type: m.type,
      subtype: m.subtype,
      source: m.source,
      start: m.start,
      end: m.end,
      text: m.text,
      sentence: m.sentence,
    })),
    quotes: a.quotes.map((q) => ({
      text: q.text,
      kind: q.kind,
      speaker: q.speaker,
      speakerText: q.speaker_text,
      speakerKey: speakerKey(q.speaker, q.speaker_text),
      cue: q.cue,
      start: q.start,
      end: q.end,
      sentence: q.sentence,
    })),
    times: a.times.map((t) => ({
      text: t.text,
      type: t.type,
      value: t.value,
      mod: t.mod,
      anchor: t.anchor ?? null,
      start: t.start,
      end: t.end,
      sentence: t.sentence,
    })),
    events: a.events.map((e) => {
      const range = dayRange(e.date) ?? (publishedDay ? { from: publishedDay, to: publishedDay } : null);
      return {
        type: e.type,
        mode: e.mode,
        context: e.context,
        actor: e.actor,
        recipient: e.recipient,
        date: e.date,
        dayFrom: range?.from ?? null,
        dayTo: range?.to ?? null,
        location: e.location,
        negated: e.negated,
        factuality: e.factuality,
        cameo: e.cameo,
        quadClass: e.quad_class,
        goldstein: e.goldstein,
        evidence: e.evidence.text,
        start: e.evidence.start,
        end: e.evidence.end,
        trigger: e.trigger.text,
        triggerStart: e.trigger.start,
        triggerEnd: e.trigger.end,
        sentence: e.sentence,
      };
    }),
  };
}

/** `terms` as a PostgreSQL tsvector literal: lexemes with their 1-based positions (max 256 each). */
export function tsvectorLiteral(terms: readonly string[]): string {
  const positions = new Map<string, number[]>();
  terms.forEach((t, i) => {
    const list = positions.get(t);
    if (!list) positions.set(t, [i + 1]);
    else if (list.length < 256) list.push(i + 1);
  });
  const parts: string[] = [];
  for (const [t, pos] of positions) parts.push(`'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${pos.join(',')}`);
  return parts.join(' ');
}
