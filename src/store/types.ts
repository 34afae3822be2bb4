// The corpus store interface: one contract, two backends (embedded SQLite by default, PostgreSQL).
//
// A store keeps articles with their full analysis and the layers flattened into tables (entities,
// mentions, quotes, times, events), duplicate links and story clusters, and answers searches.
// Search ranks with rasd's own Arabic analyzer (src/search/analyzer.ts) and BM25 computed in
// TypeScript from integer statistics both databases hold identically (term frequency in the
// document, document frequency, document length, corpus size), so that both backends return the
// same results in the same order. See src/store/README.md.
import type { Analysis } from '../analysis/types.js';

export interface StoredArticleMeta {
  /** Store id: stable, derived from the content hash (16 hex digits). */
  id: string;
  /** Caller's id (corpus record id, file path, URL). */
  sourceId: string | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  topics: string[];
  /** SHA-256 of the normalised clean text: exact duplicates share it. */
  contentHash: string;
  /** Canonical article of this one's duplicate group (itself when canonical). */
  canonicalId: string;
  /** Story cluster id, when clustered. */
  clusterId: string | null;
  ingestedAt: string;
}

export interface ArticleInput {
  sourceId?: string | null;
  url?: string | null;
  /** Outlet name (site, newspaper); defaults to `analysis.article.siteName`. */
  outlet?: string | null;
  /** Topic labels known from the source (a corpus category), merged with `analysis.article.topics`. */
  topics?: string[];
  analysis: Analysis;
}

/**
 * An article made ready for storage (store/prepare.ts `prepareArticle`): every row, the index
 * terms and the compressed analysis. Pure data (structured-clone safe), so the CPU work can run in
 * worker threads and only `putArticles` runs on the database connection.
 */
export interface PreparedArticle {
  kind: 'prepared';
  meta: Omit<StoredArticleMeta, 'ingestedAt' | 'canonicalId' | 'clusterId'>;
  /** Day of publication (YYYY-MM-DD as written in `published`), for date filters. */
  publishedDay: string | null;
  text: string;
  /** gzip of the Analysis JSON without text, tokens and sentences (rebuilt from the text on read). */
  analysisGz: Uint8Array;
  /** Index terms in text order (words, then entity terms). */
  terms: string[];
  entities: Array<{
    id: string;
    type: string;
    subtype: string | null;
    nameAr: string;
    nameEn: string | null;
    wikidata: string | null;
    mentions: number;
  }>;
  mentions: Array<{
    entityId: string | null;
    kbId: string | null;
    type: string;
    subtype: string | null;
    source: string;
    start: number;
    end: number;
    text: string;
    sentence: number;
  }>;
  quotes: Array<{
    text: string;
    kind: string;
    speaker: string | null;
    speakerText: string | null;
    speakerKey: string | null;
    cue: string | null;
    start: number;
    end: number;
    sentence: number;
  }>;
  times: Array<{
    text: string;
    type: string;
    value: string;
    mod: string | null;
    anchor: string | null;
    start: number;
    end: number;
    sentence: number;
  }>;
  events: Array<{
    type: string;
    mode: string | null;
    context: string[];
    actor: string[];
    recipient: string[];
    date: string | null;
    /** First and last day the event date covers (from `date`, else the publication day). */
    dayFrom: string | null;
    dayTo: string | null;
    location: string | null;
    negated: boolean;
    factuality: string;
    cameo: string | null;
    quadClass: number | null;
    goldstein: number | null;
    evidence: string;
    start: number;
    end: number;
    trigger: string;
    triggerStart: number;
    triggerEnd: number;
    sentence: number;
  }>;
}

export interface SearchQuery {
  /** Query text (src/search/query.ts: words AND, "phrases", OR, -exclusion, English KB names). */
  q?: string;
  /** Entity ids: the article must mention every one of them. */
  entity?: string[];
  /** Outlets: any of them. */
  outlet?: string[];
  /** Topics: any of them. */
  topic?: string[];
  /** Publication day range, inclusive (YYYY-MM-DD; a longer value is cut to its day). */
  from?: string;
  to?: string;
  /** Collapse duplicates to one article per group, the best-scoring one (default true). */
  collapseDuplicates?: boolean;
  limit?: number;
  offset?: number;
  /** Compute facets over the whole result set (default true). */
  facets?: boolean;
}

export interface SearchHit {
  article: StoredArticleMeta;
  score: number;
  /** Snippet of the clean text with matches wrapped in «[[» and «]]» markers (the caller renders them). */
  snippet: string;
  /** Where the snippet (without markers) comes from in the article's clean text. */
  snippetSpan: { start: number; end: number };
  /** The matched spans inside the snippet, as offsets into the article's clean text. */
  highlights: Array<{ start: number; end: number }>;
}

export interface FacetCount {
  value: string;
  count: number;
  /** A display name (entities: the Arabic name, then the English one). */
  label?: string;
}

export interface SearchResult {
  /** Number of results (groups, when duplicates are collapsed). */
  total: number;
  hits: SearchHit[];
  /**
   * Counts, largest first: outlets and topics over the whole result set; entities (the top 10 KB
   * entities) over the best 1,000 results.
   */
  facets: { outlet: FacetCount[]; topic: FacetCount[]; entity: FacetCount[] };
  /** What the query parser did that the user may not expect (stop words dropped, names resolved). */
  notes: string[];
}

export interface QuoteRow {
  articleId: string;
  text: string;
  kind: string;
  speaker: string | null;
  speakerText: string | null;
  cue: string | null;
  published: string | null;
  start: number;
  end: number;
  sentence: number;
}

export interface QuoteQuery {
  /** An entity id («per:vladimir-putin») or a name in Arabic or English («بوتين», «Putin»). */
  speaker?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface EventRow {
  articleId: string;
  /** Position of the event in the article's analysis. */
  index: number;
  type: string;
  mode: string | null;
  context: string[];
  actor: string[];
  recipient: string[];
  date: string | null;
  location: string | null;
  negated: boolean;
  factuality: string;
  cameo: string | null;
  goldstein: number | null;
  quadClass: number | null;
  evidence: string;
  trigger: string;
  start: number;
  end: number;
  published: string | null;
  url: string | null;
}

export interface EventQuery {
  /** Entity id or name (resolved like QuoteQuery.speaker). */
  actor?: string;
  recipient?: string;
  /** PLOVER types (any of). */
  type?: string[];
  /** Days the event date overlaps (inclusive). */
  from?: string;
  to?: string;
  limit?: number;
}

export interface ScanOptions {
  from?: string;
  to?: string;
  /** Only canonical articles (default false: every stored article). */
  canonicalOnly?: boolean;
  /** Articles per database round trip. */
  batchSize?: number;
}

export interface StoredArticle {
  meta: StoredArticleMeta;
  analysis: Analysis;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades the schema (numbered migrations). Idempotent; openStore runs it. */
  migrate(): Promise<void>;
  /** Adds an article; idempotent by content hash: returns the existing id when already stored. */
  putArticle(input: ArticleInput | PreparedArticle): Promise<{ id: string; created: boolean }>;
  /** Adds several articles in one transaction (what ingest should call); results in input order. */
  putArticles(inputs: Array<ArticleInput | PreparedArticle>): Promise<Array<{ id: string; created: boolean }>>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** The store id of the article with this content hash, or null. */
  hasContentHash(hash: string): Promise<string | null>;
  /** The store id of an article stored with this source id (resumable ingest), or null. */
  hasSourceId(sourceId: string): Promise<string | null>;
  search(q: SearchQuery): Promise<SearchResult>;
  /** «Read also»: the most similar articles (BM25 over the article's top terms, entities included). */
  related(id: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  quotes(q: QuoteQuery): Promise<QuoteRow[]>;
  events(q: EventQuery): Promise<EventRow[]>;
  /** Every article (optionally in a day range), oldest first, for export and batch jobs. */
  scan(opts?: ScanOptions): AsyncIterable<StoredArticle>;
  /**
   * Marks `duplicateId` as a duplicate of `canonicalId` (near or exact), with a similarity in [0,1].
   * Groups stay flat: articles that pointed to `duplicateId` now point to `canonicalId`.
   */
  linkDuplicate(duplicateId: string, canonicalId: string, similarity: number): Promise<void>;
  setCluster(articleIds: string[], clusterId: string): Promise<void>;
  count(): Promise<number>;
  close(): Promise<void>;
}
