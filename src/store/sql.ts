// The one Store implementation, over a small SQL adapter that SQLite and PostgreSQL both provide.
//
// Everything that decides results lives here, written once: what is inserted, which SQL selects
// candidates, how BM25 ranks them (rank.ts, in TypeScript), how duplicates collapse, how ties break
// (by article id, compared in JavaScript). A search is:
//  1. candidates: the full-text condition (which articles match the words, phrases, OR and NOT)
//     and the filters, with each candidate's small metadata and length — one query;
//  2. statistics: for each scoring term, its postings (tf per article) and df; corpus totals;
//  3. BM25 in TypeScript, sort (score, then id), collapse duplicate groups, page;
//  4. for the page only: text for snippets; facets over the whole result set.
// The backends (sqlite.ts, postgres.ts) only differ in:
//  - the full-text condition: FTS5 MATCH over search_fts vs `tsv @@ tsquery` (same parsed query,
//    src/search/query.ts, over the same index terms);
//  - how the full-text document is written (FTS5 row vs tsvector column);
//  - how a long list of values is bound (json_each vs = ANY(array)) and text ordering (COLLATE "C").
// SQL is written with `?` placeholders; the PostgreSQL adapter numbers them.
import { gunzipSync } from 'node:zlib';
import type { Analysis } from '../analysis/types.js';
import { buildTextLayers } from '../text/stage.js';
import { nameKey, loadKb } from '../kb/index.js';
import { MIGRATIONS, MIGRATIONS_TABLE_DDL } from './migrations/index.js';
import { prepareArticle, dayOf, tsvectorLiteral, indexTerms } from './prepare.js';
import { bm25, idf, type CorpusStats } from './rank.js';
import { buildSnippet } from './snippet.js';
import {
  parseQuery,
  scoringTerms,
  toFts5,
  toFts5Exclusion,
  toTsquery,
  toTsqueryExclusion,
  type Alternative,
  type ParsedQuery,
  type ParseOptions,
} from '../search/query.js';
import type {
  ArticleInput,
  EventQuery,
  EventRow,
  FacetCount,
  PreparedArticle,
  QuoteQuery,
  QuoteRow,
  ScanOptions,
  SearchHit,
  SearchQuery,
  SearchResult,
  Store,
  StoredArticle,
  StoredArticleMeta,
} from './types.js';

export type Row = Record<string, unknown>;

/** What both database adapters offer. */
export interface SqlExecutor {
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Rows as arrays of column values (no object per row: what the hot search queries use). */
  values(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDb extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Bound parameters one statement may carry. */
  readonly maxParams: number;
  /** Runs `fn` in one transaction; transactions of one store never interleave. */
  transaction<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Default and largest page of search results. */
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;
/** Entities listed in the entity facet. */
export const FACET_ENTITIES = 10;
/**
 * The entity facet counts the best this-many results (an article has a dozen entities: counting
 * them for tens of thousands of results costs more than the search itself). Outlets and topics
 * are counted over the whole result set.
 */
export const FACET_ENTITY_SAMPLE = 1000;
/** Terms of an article that make its «related» query (highest tf·idf). */
export const RELATED_TERMS = 15;
/** A term must occur in at least this many articles to count as a «related» term. */
export const RELATED_MIN_DF = 2;
/**
 * A term's postings are read for the candidates only when its posting list is more than
 * POSTINGS_FILTER_RATIO times longer than the candidate list and there are at most
 * POSTINGS_FILTER_MAX candidates; otherwise its whole posting list is read (one range scan) and
 * matched here. Same numbers either way, only the cost differs.
 */
export const POSTINGS_FILTER_MAX = 2000;
export const POSTINGS_FILTER_RATIO = 4;

interface Candidate {
  seq: number;
  id: string;
  canonical: string;
  outlet: string | null;
  published: string | null;
  /** articles.topics as stored (TOPIC_SEPARATOR-joined). */
  topics: string;
  score: number;
}

interface Filters {
  entity?: string[];
  outlet?: string[];
  topic?: string[];
  from?: string;
  to?: string;
  /** Leave out this duplicate group («related»). */
  notCanonical?: string;
}

const ARTICLE_COLUMNS =
  'a.seq, a.id, a.content_hash, a.source_id, a.url, a.outlet, a.title, a.published, a.topics, a.canonical_id, a.cluster_id, a.ingested_at';

/** articles.topics: the sorted topics joined by TOPIC_SEPARATOR (prepare.ts keeps it out of labels). */
const TOPIC_SEPARATOR = '|';

function splitTopics(v: unknown): string[] {
  return v ? String(v).split(TOPIC_SEPARATOR) : [];
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lone UTF-16 surrogates (not part of a pair). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A string as both backends store it: U+0000 and lone surrogates become U+FFFD. PostgreSQL text
 * cannot hold NUL, and a lone surrogate has no UTF-8 form (SQLite would read back three
 * replacement characters); one unit for one unit keeps every span valid, and both stores agree.
 */
export function textParam(s: string): string {
  let out = s.includes('\u0000') ? s.replace(/\u0000/g, '\ufffd') : s;
  if (/[\ud800-\udfff]/.test(out)) out = out.replace(LONE_SURROGATE, '\ufffd');
  return out;
}

/** An entity id («per:vladimir-putin», «iso:RU», «local:PER:…») rather than a name. */
export function looksLikeEntityId(s: string): boolean {
  return /^[a-z][a-z0-9]*:\S+$/i.test(s.trim());
}

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  private readonly parseOptions: ParseOptions;

  constructor(
    protected readonly db: SqlDb,
    opts: { parse?: ParseOptions } = {},
  ) {
    this.kind = db.dialect;
    this.parseOptions = opts.parse ?? {};
  }

  // ---------------------------------------------------------------- dialect differences

  /** `expr IN (values)` for a list of any length, bound as one parameter. */
  protected inList(
    expr: string,
    values: readonly (string | number)[],
    type: 'int' | 'text',
  ): { sql: string; params: unknown[] } {
    if (this.db.dialect === 'sqlite')
      return { sql: `${expr} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] };
    return { sql: `${expr} = ANY(?::${type === 'int' ? 'bigint' : 'text'}[])`, params: [values] };
  }

  /** Byte-order text comparison in ORDER BY (PostgreSQL's locale collations ignore punctuation). */
  protected get collate(): string {
    return this.db.dialect === 'postgres' ? ' COLLATE "C"' : '';
  }

  /**
   * Where candidates come from: the tables (aliases a = articles, d = search_docs) and the full-text
   * condition for the query's positive clauses and exclusions. SQLite drives the join from the FTS5
   * table (its rowid is articles.seq); PostgreSQL filters search_docs with its GIN-indexed tsvector.
   */
  protected candidateSource(p: ParsedQuery | null): { from: string; where: string[]; params: unknown[] } {
    const plain = {
      from: 'articles a JOIN search_docs d ON d.article = a.seq',
      where: [] as string[],
      params: [] as unknown[],
    };
    if (!p) return plain;
    if (this.db.dialect === 'sqlite') {
      const pos = toFts5(p);
      const neg = toFts5Exclusion(p);
      if (pos)
        return {
          from: 'search_fts f JOIN articles a ON a.seq = f.rowid JOIN search_docs d ON d.article = a.seq',
          where: ['search_fts MATCH ?'],
          params: [neg ? `(${pos}) NOT (${neg})` : pos],
        };
      if (neg)
        return {
          ...plain,
          where: ['a.seq NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)'],
          params: [neg],
        };
      return plain;
    }
    const pos = toTsquery(p);
    const neg = toTsqueryExclusion(p);
    const expr = pos && neg ? `(${pos}) & !(${neg})` : pos ? pos : neg ? `!(${neg})` : null;
    return expr ? { ...plain, where: ['d.tsv @@ ?::tsquery'], params: [expr] } : plain;
  }

  // ---------------------------------------------------------------- schema

  async migrate(): Promise<void> {
    await this.db.transaction(async (x) => {
      // One migrator at a time across processes (SQLite: BEGIN IMMEDIATE already holds the write lock).
      if (this.db.dialect === 'postgres') await x.all('SELECT pg_advisory_xact_lock(7061737364)');
      await x.exec(MIGRATIONS_TABLE_DDL);
      const applied = new Set(
        (await x.all<{ version: unknown }>('SELECT version FROM schema_migrations')).map((r) => num(r.version)),
      );
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await x.exec(this.db.dialect === 'sqlite' ? m.sqlite : m.postgres);
        await x.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  // ---------------------------------------------------------------- writing

  async putArticle(input: ArticleInput | PreparedArticle): Promise<{ id: string; created: boolean }> {
    return (await this.putArticles([input]))[0];
  }

  async putArticles(inputs: Array<ArticleInput | PreparedArticle>): Promise<Array<{ id: string; created: boolean }>> {
    const prepared = inputs.map((i) => (isPrepared(i) ? i : prepareArticle(i)));
    if (prepared.length === 0) return [];
    // One transaction, and one multi-row statement per table for the whole batch (not per article):
    // what makes PostgreSQL ingest fast, and costs SQLite nothing.
    return this.db.transaction(async (x) => {
      const now = new Date().toISOString();
      const seqOf = new Map<string, number>();
      await this.insertRows(
        x,
        'articles',
        [
          'id',
          'content_hash',
          'source_id',
          'url',
          'outlet',
          'title',
          'published',
          'published_day',
          'topics',
          'canonical_id',
          'ingested_at',
        ],
        prepared.map((p) => {
          const m = p.meta;
          const topics = m.topics.join(TOPIC_SEPARATOR);
          return [
            m.id,
            m.contentHash,
            m.sourceId,
            m.url,
            m.outlet,
            m.title,
            m.published,
            p.publishedDay,
            topics,
            m.id,
            now,
          ];
        }),
        'ON CONFLICT DO NOTHING RETURNING id, seq',
        (rows) => rows.forEach((r) => seqOf.set(String(r.id), num(r.seq))),
      );
      // Created: the first input of each id the insert kept (the id is the content hash's prefix,
      // so a skipped row is an article stored before, or an identical text earlier in this batch).
      const fresh: Array<{ p: PreparedArticle; seq: number }> = [];
      const results = prepared.map((p) => {
        const seq = seqOf.get(p.meta.id);
        if (seq === undefined) return { id: p.meta.id, created: false };
        seqOf.delete(p.meta.id);
        fresh.push({ p, seq });
        return { id: p.meta.id, created: true };
      });
      if (fresh.length > 0) await this.insertLayers(x, fresh);
      return results;
    });
  }

  /**
   * Multi-row INSERT, chunked under the parameter limit; `onRows` receives what a RETURNING
   * clause in `suffix` gives back.
   */
  private async insertRows(
    x: SqlExecutor,
    table: string,
    cols: string[],
    rows: unknown[][],
    suffix = '',
    onRows?: (rows: Row[]) => void,
  ): Promise<void> {
    if (rows.length === 0) return;
    const perChunk = Math.max(1, Math.floor(this.db.maxParams / cols.length));
    const tuple = `(${cols.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += perChunk) {
      const chunk = rows.slice(i, i + perChunk);
      const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${suffix}`;
      if (onRows) onRows(await x.all(sql, chunk.flat()));
      else await x.run(sql, chunk.flat());
    }
  }

  /** Every table but `articles`, for newly inserted articles; then the BM25 statistics. */
  private async insertLayers(x: SqlExecutor, fresh: Array<{ p: PreparedArticle; seq: number }>): Promise<void> {
    const content: unknown[][] = [];
    const topics: unknown[][] = [];
    const entities = new Map<string, unknown[]>();
    const articleEntities: unknown[][] = [];
    const mentions: unknown[][] = [];
    const quotes: unknown[][] = [];
    const times: unknown[][] = [];
    const events: unknown[][] = [];
    const roles: unknown[][] = [];
    const docs: unknown[][] = [];
    const fts: unknown[][] = [];
    const postings: unknown[][] = [];
    const dfDelta = new Map<string, number>();
    let totalLength = 0;
    for (const { p, seq } of fresh) {
      content.push([seq, p.text, Buffer.from(p.analysisGz)]);
      for (const t of p.meta.topics) topics.push([seq, t]);
      const own = new Map(p.entities.map((e) => [e.id, e]));
      for (const e of own.values()) {
        if (!entities.has(e.id))
          entities.set(e.id, [e.id, e.type, e.subtype, e.nameAr, e.nameEn, nameKey(e.nameAr) || null, e.wikidata]);
        articleEntities.push([seq, e.id, e.mentions]);
      }
      p.mentions.forEach((m, i) =>
        mentions.push([seq, i, m.entityId, m.kbId, m.type, m.subtype, m.source, m.start, m.end, m.text, m.sentence]),
      );
      p.quotes.forEach((q, i) =>
        quotes.push([
          seq,
          i,
          q.text,
          q.kind,
          q.speaker,
          q.speakerText,
          q.speakerKey,
          q.cue,
          q.start,
          q.end,
          q.sentence,
        ]),
      );
      p.times.forEach((t, i) =>
        times.push([seq, i, t.text, t.type, t.value, t.mod, t.anchor, t.start, t.end, t.sentence]),
      );
      p.events.forEach((e, i) => {
        events.push([
          seq,
          i,
          e.type,
          e.mode,
          JSON.stringify(e.context),
          JSON.stringify(e.actor),
          JSON.stringify(e.recipient),
          e.date,
          e.dayFrom,
          e.dayTo,
          e.location,
          e.negated ? 1 : 0,
          e.factuality,
          e.cameo,
          e.quadClass,
          e.goldstein,
          e.evidence,
          e.start,
          e.end,
          e.trigger,
          e.triggerStart,
          e.triggerEnd,
          e.sentence,
        ]);
        for (const role of ['actor', 'recipient'] as const)
          for (const id of new Set(e[role])) roles.push([seq, i, role, id]);
      });
      docs.push(this.db.dialect === 'sqlite' ? [seq, p.terms.length] : [seq, p.terms.length, tsvectorLiteral(p.terms)]);
      if (this.db.dialect === 'sqlite') fts.push([seq, p.terms.join(' ')]);
      const tf = new Map<string, number>();
      for (const t of p.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        postings.push([t, seq, n]);
        dfDelta.set(t, (dfDelta.get(t) ?? 0) + 1);
      }
      totalLength += p.terms.length;
    }
    await this.insertRows(x, 'article_content', ['article', 'text', 'analysis'], content);
    await this.insertRows(x, 'article_topics', ['article', 'topic'], topics);
    // Sorted keys: concurrent PostgreSQL writers then lock shared rows in the same order (no deadlock).
    const byKey = (a: unknown[], b: unknown[]) => cmp(String(a[0]), String(b[0]));
    await this.insertRows(
      x,
      'entities',
      ['id', 'type', 'subtype', 'name_ar', 'name_en', 'name_key', 'wikidata'],
      [...entities.values()].sort(byKey),
      'ON CONFLICT (id) DO NOTHING',
    );
    await this.insertRows(x, 'article_entities', ['article', 'entity_id', 'mentions'], articleEntities);
    await this.insertRows(
      x,
      'mentions',
      ['article', 'idx', 'entity_id', 'kb_id', 'type', 'subtype', 'source', 'start_off', 'end_off', 'text', 'sentence'],
      mentions,
    );
    await this.insertRows(
      x,
      'quotes',
      [
        'article',
        'idx',
        'text',
        'kind',
        'speaker',
        'speaker_text',
        'speaker_key',
        'cue',
        'start_off',
        'end_off',
        'sentence',
      ],
      quotes,
    );
    await this.insertRows(
      x,
      'times',
      ['article', 'idx', 'text', 'type', 'value', 'mod', 'anchor', 'start_off', 'end_off', 'sentence'],
      times,
    );
    await this.insertRows(
      x,
      'events',
      [
        'article',
        'idx',
        'type',
        'mode',
        'context',
        'actor',
        'recipient',
        'date',
        'day_from',
        'day_to',
        'location',
        'negated',
        'factuality',
        'cameo',
        'quad_class',
        'goldstein',
        'evidence',
        'start_off',
        'end_off',
        'trigger_text',
        'trigger_start',
        'trigger_end',
        'sentence',
      ],
      events,
    );
    await this.insertRows(x, 'event_roles', ['article', 'idx', 'role', 'entity_id'], roles);
    // The full-text document: FTS5 row (SQLite) or tsvector literal, which the column type parses (PostgreSQL).
    await this.insertRows(
      x,
      'search_docs',
      this.db.dialect === 'sqlite' ? ['article', 'dl'] : ['article', 'dl', 'tsv'],
      docs,
    );
    await this.insertRows(x, 'search_fts', ['rowid', 'terms'], fts);
    await this.insertRows(x, 'term_postings', ['term', 'article', 'tf'], postings);
    await this.insertRows(
      x,
      'term_stats',
      ['term', 'df'],
      [...dfDelta].sort(byKey),
      'ON CONFLICT (term) DO UPDATE SET df = term_stats.df + excluded.df',
    );
    await x.run('UPDATE corpus_stats SET docs = docs + ?, total_len = total_len + ? WHERE id = 1', [
      fresh.length,
      totalLength,
    ]);
  }

  async linkDuplicate(duplicateId: string, canonicalId: string, similarity: number): Promise<void> {
    await this.db.transaction(async (x) => {
      const rows = await x.all<{ id: string; canonical_id: string }>(
        'SELECT id, canonical_id FROM articles WHERE id IN (?, ?)',
        [duplicateId, canonicalId],
      );
      const byId = new Map(rows.map((r) => [r.id, r.canonical_id]));
      if (!byId.has(duplicateId)) throw new Error(`linkDuplicate: no article ${duplicateId}`);
      if (!byId.has(canonicalId)) throw new Error(`linkDuplicate: no article ${canonicalId}`);
      // Link to the root of the canonical's group, so that groups stay one level deep.
      const root = byId.get(canonicalId)!;
      if (root === duplicateId || duplicateId === canonicalId) return;
      await x.run(
        `INSERT INTO duplicates (duplicate_id, canonical_id, similarity, linked_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (duplicate_id) DO UPDATE SET canonical_id = excluded.canonical_id, similarity = excluded.similarity, linked_at = excluded.linked_at`,
        [duplicateId, root, similarity, new Date().toISOString()],
      );
      await x.run('UPDATE duplicates SET canonical_id = ? WHERE canonical_id = ?', [root, duplicateId]);
      await x.run('UPDATE articles SET canonical_id = ? WHERE id = ? OR canonical_id = ?', [
        root,
        duplicateId,
        duplicateId,
      ]);
    });
  }

  async setCluster(articleIds: string[], clusterId: string): Promise<void> {
    if (articleIds.length === 0) return;
    await this.db.transaction(async (x) => {
      await x.run('INSERT INTO clusters (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', [
        clusterId,
        new Date().toISOString(),
      ]);
      const list = this.inList('id', articleIds, 'text');
      await x.run(`UPDATE articles SET cluster_id = ? WHERE ${list.sql}`, [clusterId, ...list.params]);
    });
  }

  // ---------------------------------------------------------------- reading articles

  async count(): Promise<number> {
    const r = await this.db.all<{ n: unknown }>('SELECT count(*) AS n FROM articles');
    return num(r[0].n);
  }

  async hasContentHash(hash: string): Promise<string | null> {
    const r = await this.db.all<{ id: string }>('SELECT id FROM articles WHERE content_hash = ?', [hash]);
    return r[0]?.id ?? null;
  }

  async hasSourceId(sourceId: string): Promise<string | null> {
    const r = await this.db.all<{ id: string }>(
      `SELECT id FROM articles WHERE source_id = ? ORDER BY id${this.collate} LIMIT 1`,
      [sourceId],
    );
    return r[0]?.id ?? null;
  }

  private metaOf(r: Row): StoredArticleMeta {
    return {
      id: String(r.id),
      sourceId: str(r.source_id),
      url: str(r.url),
      outlet: str(r.outlet),
      title: str(r.title),
      published: str(r.published),
      topics: splitTopics(r.topics),
      contentHash: String(r.content_hash),
      canonicalId: String(r.canonical_id),
      clusterId: str(r.cluster_id),
      ingestedAt: String(r.ingested_at),
    };
  }

  private decodeAnalysis(blob: unknown, text: string): Analysis {
    const a = JSON.parse(gunzipSync(blob as Uint8Array).toString('utf8')) as Omit<
      Analysis,
      'text' | 'tokens' | 'sentences'
    >;
    const { tokens, sentences } = buildTextLayers(text);
    return { ...a, text, tokens, sentences };
  }

  /** By store id, else by source id (so the CLI accepts a corpus record id). */
  async getArticle(id: string): Promise<StoredArticle | null> {
    const cols = `${ARTICLE_COLUMNS}, c.text, c.analysis FROM articles a JOIN article_content c ON c.article = a.seq`;
    let rows = await this.db.all(`SELECT ${cols} WHERE a.id = ?`, [id]);
    if (rows.length === 0)
      rows = await this.db.all(`SELECT ${cols} WHERE a.source_id = ? ORDER BY a.id${this.collate} LIMIT 1`, [id]);
    if (rows.length === 0) return null;
    const r = rows[0];
    return { meta: this.metaOf(r), analysis: this.decodeAnalysis(r.analysis, String(r.text)) };
  }

  async *scan(opts: ScanOptions = {}): AsyncIterable<StoredArticle> {
    const batch = Math.max(1, opts.batchSize ?? 200);
    const conds: string[] = ['a.seq > ?'];
    const params: unknown[] = [];
    if (opts.from) {
      conds.push('a.published_day >= ?');
      params.push(dayOf(opts.from) ?? opts.from);
    }
    if (opts.to) {
      conds.push('a.published_day <= ?');
      params.push(dayOf(opts.to) ?? opts.to);
    }
    if (opts.canonicalOnly) conds.push('a.canonical_id = a.id');
    let after = 0;
    for (;;) {
      const rows = await this.db.all(
        `SELECT ${ARTICLE_COLUMNS}, c.text, c.analysis FROM articles a JOIN article_content c ON c.article = a.seq
         WHERE ${conds.join(' AND ')} ORDER BY a.seq LIMIT ?`,
        [after, ...params, batch],
      );
      if (rows.length === 0) return;
      for (const r of rows) {
        yield {
          meta: this.metaOf(r),
          analysis: this.decodeAnalysis(r.analysis, String(r.text)),
        };
      }
      after = num(rows[rows.length - 1].seq);
      if (rows.length < batch) return;
    }
  }

  // ---------------------------------------------------------------- search

  async search(q: SearchQuery): Promise<SearchResult> {
    const notes: string[] = [];
    const text = (q.q ?? '').trim();
    const parsed = text ? parseQuery(text, this.parseOptions) : null;
    if (parsed) {
      if (parsed.dropped.length) notes.push(`not searched (stop words): ${parsed.dropped.join(' ')}`);
      for (const c of parsed.clauses)
        for (const a of c.alternatives) if (a.kind === 'entity') notes.push(`«${a.raw}» also matches entity ${a.id}`);
      if (parsed.clauses.length === 0 && parsed.exclude.length === 0)
        return {
          total: 0,
          hits: [],
          facets: { outlet: [], topic: [], entity: [] },
          notes: [...notes, 'nothing left to search for'],
        };
    }
    return this.runSearch(parsed, q, notes);
  }

  private async runSearch(
    parsed: ParsedQuery | null,
    q: SearchQuery & Filters,
    notes: string[],
  ): Promise<SearchResult> {
    const limit = Math.min(Math.max(1, q.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
    const offset = Math.max(0, q.offset ?? 0);
    const ranked = parsed !== null && parsed.clauses.length > 0;
    const terms = ranked ? scoringTerms(parsed) : [];

    const source = this.candidateSource(parsed);
    const where: string[] = [...source.where];
    const params: unknown[] = [...source.params];
    const add = (c: { sql: string; params: unknown[] } | null) => {
      if (!c) return;
      where.push(c.sql);
      params.push(...c.params);
    };
    for (const e of q.entity ?? [])
      add({ sql: 'a.seq IN (SELECT article FROM article_entities WHERE entity_id = ?)', params: [e] });
    if (q.outlet?.length) add(this.inList('a.outlet', q.outlet, 'text'));
    if (q.topic?.length) {
      const l = this.inList('topic', q.topic, 'text');
      add({ sql: `a.seq IN (SELECT article FROM article_topics WHERE ${l.sql})`, params: l.params });
    }
    if (q.from) add({ sql: 'a.published_day >= ?', params: [dayOf(q.from) ?? q.from] });
    if (q.to) add({ sql: 'a.published_day <= ?', params: [dayOf(q.to) ?? q.to] });
    if (q.notCanonical) add({ sql: 'a.canonical_id <> ?', params: [q.notCanonical] });

    const rows = await this.db.values(
      `SELECT a.seq, a.id, a.canonical_id, a.outlet, a.published, d.dl, a.topics FROM ${source.from}
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`,
      params,
    );
    const candidates: Candidate[] = rows.map((r) => ({
      seq: num(r[0]),
      id: String(r[1]),
      canonical: String(r[2]),
      outlet: str(r[3]),
      published: str(r[4]),
      topics: String(r[6] ?? ''),
      score: 0,
    }));
    if (ranked && candidates.length > 0) {
      // Independent statements side by side (PostgreSQL runs them on several connections).
      const seqs = candidates.map((c) => c.seq);
      const [stats, df] = await Promise.all([this.corpusStats(), this.documentFrequencies(terms)]);
      const tfs = await Promise.all(terms.map((t) => this.postings(t, df.get(t) ?? 0, seqs)));
      const idfs = terms.map((t) => idf(df.get(t) ?? 0, stats.docs));
      candidates.forEach(
        (c, k) =>
          (c.score = bm25(
            tfs.map((m) => m.get(c.seq) ?? 0),
            idfs,
            num(rows[k][5]),
            stats,
          )),
      );
    }
    candidates.sort(
      ranked
        ? (a, b) => b.score - a.score || cmp(a.id, b.id)
        : (a, b) => cmp(b.published ?? '', a.published ?? '') || cmp(a.id, b.id),
    );
    let results = candidates;
    if (q.collapseDuplicates !== false) {
      const seen = new Set<string>();
      results = candidates.filter((c) => (seen.has(c.canonical) ? false : (seen.add(c.canonical), true)));
    }
    const page = results.slice(offset, offset + limit);
    const [hits, facets] = await Promise.all([
      this.hitsFor(page, parsed),
      q.facets === false ? { outlet: [], topic: [], entity: [] } : this.facetsFor(results),
    ]);
    return { total: results.length, hits, facets, notes };
  }

  private async corpusStats(): Promise<CorpusStats> {
    const r = await this.db.all<{ docs: unknown; total_len: unknown }>(
      'SELECT docs, total_len FROM corpus_stats WHERE id = 1',
    );
    return { docs: num(r[0]?.docs ?? 0), totalLength: num(r[0]?.total_len ?? 0) };
  }

  private async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (terms.length === 0) return out;
    const l = this.inList('term', terms, 'text');
    for (const r of await this.db.all<{ term: string; df: unknown }>(
      `SELECT term, df FROM term_stats WHERE ${l.sql}`,
      l.params,
    ))
      out.set(r.term, num(r.df));
    return out;
  }

  /** tf of `term` (document frequency `df`) in each of the `seqs` that contain it (and maybe others). */
  private async postings(term: string, df: number, seqs: readonly number[]): Promise<Map<number, number>> {
    let rows: unknown[][];
    // A short posting list is read whole; a long one only for a few candidates.
    if (df > POSTINGS_FILTER_RATIO * seqs.length && seqs.length <= POSTINGS_FILTER_MAX) {
      const l = this.inList('article', seqs, 'int');
      rows = await this.db.values(`SELECT article, tf FROM term_postings WHERE term = ? AND ${l.sql}`, [
        term,
        ...l.params,
      ]);
    } else rows = await this.db.values('SELECT article, tf FROM term_postings WHERE term = ?', [term]);
    const out = new Map<number, number>();
    for (const r of rows) out.set(num(r[0]), num(r[1]));
    return out;
  }

  private async hitsFor(page: Candidate[], parsed: ParsedQuery | null): Promise<SearchHit[]> {
    if (page.length === 0) return [];
    const seqs = page.map((c) => c.seq);
    // What to light up: the query's word terms, and the mentions of entities it resolved to.
    const wordTerms = new Set<string>();
    const entityIds: string[] = [];
    for (const c of parsed?.clauses ?? [])
      for (const a of c.alternatives) {
        if (a.kind === 'phrase') for (const t of a.terms) wordTerms.add(t);
        else entityIds.push(a.id);
      }
    const l = this.inList('a.seq', seqs, 'int');
    const ls = this.inList('article', seqs, 'int');
    const le = this.inList('entity_id', entityIds, 'text');
    const [rows, mrows] = await Promise.all([
      this.db.all(
        `SELECT ${ARTICLE_COLUMNS}, c.text FROM articles a JOIN article_content c ON c.article = a.seq WHERE ${l.sql}`,
        l.params,
      ),
      entityIds.length
        ? this.db.all<{ article: unknown; start_off: unknown; end_off: unknown }>(
            `SELECT article, start_off, end_off FROM mentions WHERE ${ls.sql} AND ${le.sql}`,
            [...ls.params, ...le.params],
          )
        : [],
    ]);
    const bySeq = new Map(rows.map((r) => [num(r.seq), r]));
    const spans = new Map<number, Array<{ start: number; end: number }>>();
    for (const m of mrows) {
      const k = num(m.article);
      const arr = spans.get(k) ?? [];
      arr.push({ start: num(m.start_off), end: num(m.end_off) });
      spans.set(k, arr);
    }
    return page.map((c) => {
      const r = bySeq.get(c.seq)!;
      const s = buildSnippet(String(r.text), wordTerms, spans.get(c.seq) ?? []);
      return {
        article: this.metaOf(r),
        score: c.score,
        snippet: s.snippet,
        snippetSpan: s.span,
        highlights: s.highlights,
      };
    });
  }

  private async facetsFor(results: Candidate[]): Promise<SearchResult['facets']> {
    const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || cmp(a.value, b.value);
    const outlets = new Map<string, number>();
    const topics = new Map<string, number>();
    for (const c of results) {
      if (c.outlet) outlets.set(c.outlet, (outlets.get(c.outlet) ?? 0) + 1);
      for (const t of splitTopics(c.topics)) topics.set(t, (topics.get(t) ?? 0) + 1);
    }
    const outlet = [...outlets].map(([value, count]) => ({ value, count })).sort(byCount);
    const topic = [...topics].map(([value, count]) => ({ value, count })).sort(byCount);
    if (results.length === 0) return { outlet, topic, entity: [] };
    const le = this.inList(
      'article',
      results.slice(0, FACET_ENTITY_SAMPLE).map((c) => c.seq),
      'int',
    );
    const erows = await this.db.all<{ entity_id: string; n: unknown; name_ar: string | null; name_en: string | null }>(
      `SELECT ae.entity_id, ae.n, e.name_ar, e.name_en FROM (
         SELECT entity_id, count(*) AS n FROM article_entities WHERE ${le.sql} AND entity_id NOT LIKE 'local:%' GROUP BY entity_id
         ORDER BY n DESC, entity_id${this.collate} LIMIT ${FACET_ENTITIES}
       ) ae LEFT JOIN entities e ON e.id = ae.entity_id`,
      le.params,
    );
    const entity = erows
      .map((r) => ({ value: r.entity_id, count: num(r.n), label: r.name_ar ?? r.name_en ?? r.entity_id }))
      .sort(byCount);
    return { outlet, topic, entity };
  }

  async related(id: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const art = await this.getArticle(id);
    if (!art) return [];
    // The article's index terms, as putArticle made them (analyzer words + entity terms).
    const tf = new Map<string, number>();
    for (const t of indexTerms(art.analysis)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const [stats, df] = await Promise.all([this.corpusStats(), this.documentFrequencies([...tf.keys()])]);
    const top = [...tf]
      .filter(([t]) => (df.get(t) ?? 0) >= RELATED_MIN_DF)
      .map(([t, n]) => ({ t, w: n * idf(df.get(t) ?? 0, stats.docs) }))
      .sort((a, b) => b.w - a.w || cmp(a.t, b.t))
      .slice(0, RELATED_TERMS);
    if (top.length === 0) return [];
    const parsed: ParsedQuery = {
      clauses: [{ alternatives: top.map(({ t }): Alternative => ({ kind: 'phrase', terms: [t], raw: t })) }],
      exclude: [],
      dropped: [],
    };
    const result = await this.runSearch(
      parsed,
      { limit: opts.limit ?? 5, notCanonical: art.meta.canonicalId, facets: false },
      [],
    );
    return result.hits;
  }

  // ---------------------------------------------------------------- quotes and events

  /** Entity ids for an id or a name: the KB's best entry, and stored entities with that name. */
  async resolveEntity(nameOrId: string): Promise<string[]> {
    const s = nameOrId.trim();
    if (!s) return [];
    if (looksLikeEntityId(s)) return [s];
    const ids = new Set<string>();
    const kbFirst = loadKb().lookup(s)[0];
    if (kbFirst) ids.add(kbFirst.id);
    const key = nameKey(s);
    const rows = await this.db.all<{ id: string }>('SELECT id FROM entities WHERE name_key = ? OR lower(name_en) = ?', [
      key,
      s.toLowerCase(),
    ]);
    for (const r of rows) ids.add(r.id);
    return [...ids].sort(cmp);
  }

  async quotes(q: QuoteQuery): Promise<QuoteRow[]> {
    const where: string[] = ['a.canonical_id = a.id'];
    const params: unknown[] = [];
    if (q.speaker) {
      const ids = await this.resolveEntity(q.speaker);
      const l = this.inList('qq.speaker', ids, 'text');
      where.push(`(${l.sql} OR qq.speaker_key = ?)`);
      params.push(...l.params, nameKey(q.speaker));
    }
    if (q.from) {
      where.push('a.published_day >= ?');
      params.push(dayOf(q.from) ?? q.from);
    }
    if (q.to) {
      where.push('a.published_day <= ?');
      params.push(dayOf(q.to) ?? q.to);
    }
    const rows = await this.db.all(
      `SELECT a.id AS article_id, a.published, qq.text, qq.kind, qq.speaker, qq.speaker_text, qq.cue, qq.start_off, qq.end_off, qq.sentence
       FROM quotes qq JOIN articles a ON a.seq = qq.article WHERE ${where.join(' AND ')}
       ORDER BY a.published${this.collate} DESC, a.id${this.collate}, qq.idx LIMIT ?`,
      [...params, Math.max(1, q.limit ?? 50)],
    );
    return rows.map((r) => ({
      articleId: String(r.article_id),
      text: String(r.text),
      kind: String(r.kind),
      speaker: str(r.speaker),
      speakerText: str(r.speaker_text),
      cue: str(r.cue),
      published: str(r.published),
      start: num(r.start_off),
      end: num(r.end_off),
      sentence: num(r.sentence),
    }));
  }

  async events(q: EventQuery): Promise<EventRow[]> {
    const where: string[] = ['a.canonical_id = a.id'];
    const params: unknown[] = [];
    for (const role of ['actor', 'recipient'] as const) {
      const who = q[role];
      if (!who) continue;
      const ids = await this.resolveEntity(who);
      const l = this.inList('r.entity_id', ids, 'text');
      where.push(
        `EXISTS (SELECT 1 FROM event_roles r WHERE r.article = e.article AND r.idx = e.idx AND r.role = ? AND ${l.sql})`,
      );
      params.push(role, ...l.params);
    }
    if (q.type?.length) {
      const l = this.inList(
        'e.type',
        q.type.map((t) => t.toUpperCase()),
        'text',
      );
      where.push(l.sql);
      params.push(...l.params);
    }
    if (q.from) {
      where.push('e.day_to >= ?');
      params.push(dayOf(q.from) ?? q.from);
    }
    if (q.to) {
      where.push('e.day_from <= ?');
      params.push(dayOf(q.to) ?? q.to);
    }
    const rows = await this.db.all(
      `SELECT a.id AS article_id, a.published, a.url, e.*
       FROM events e JOIN articles a ON a.seq = e.article WHERE ${where.join(' AND ')}
       ORDER BY e.day_from${this.collate} DESC, a.id${this.collate}, e.idx LIMIT ?`,
      [...params, Math.max(1, q.limit ?? 100)],
    );
    return rows.map((r) => ({
      articleId: String(r.article_id),
      index: num(r.idx),
      type: String(r.type),
      mode: str(r.mode),
      context: JSON.parse(String(r.context)) as string[],
      actor: JSON.parse(String(r.actor)) as string[],
      recipient: JSON.parse(String(r.recipient)) as string[],
      date: str(r.date),
      location: str(r.location),
      negated: num(r.negated) === 1,
      factuality: String(r.factuality),
      cameo: str(r.cameo),
      goldstein: r.goldstein === null || r.goldstein === undefined ? null : num(r.goldstein),
      quadClass: r.quad_class === null || r.quad_class === undefined ? null : num(r.quad_class),
      evidence: String(r.evidence),
      trigger: String(r.trigger_text),
      start: num(r.start_off),
      end: num(r.end_off),
      published: str(r.published),
      url: str(r.url),
    }));
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

function isPrepared(i: ArticleInput | PreparedArticle): i is PreparedArticle {
  return (i as PreparedArticle).kind === 'prepared';
}
