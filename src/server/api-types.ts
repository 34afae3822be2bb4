// The shapes the API answers with. The web interface imports these types (type-only), so the
// browser code and the server agree at compile time.
import type { BlockKind } from '../analysis/types.js';
import type { EventRow, FacetCount, QuoteRow, SearchHit, SearchResult, StoredArticleMeta } from '../store/types.js';

export type { EventRow, FacetCount, QuoteRow, SearchHit, SearchResult, StoredArticleMeta };

/** An event of an analysis rendered in English for the side panel. */
export interface Fact {
  /** Index of the event in the analysis. */
  event: number;
  date: string | null;
  type: string;
  goldstein: number | null;
  /** The English sentence. */
  en: string;
}

export interface ApiSpan {
  start: number;
  end: number;
  text: string;
}

/** The analysis as CONTRACT.md writes it (src/analysis/serialize.ts `toContract`). */
export interface ApiAnalysis {
  id: string | null;
  text: string;
  article: {
    title: string | null;
    subheadings: string[];
    paragraphs: string[];
    captions: Array<{ text: string; credit: string | null; start: number; end: number }>;
    dateline: { place: string | null; agency: string | null } | null;
    published: string | null;
    reading_minutes: number | null;
    language: string;
    topics: string[];
    byline?: string;
    url?: string;
  };
  entities: Array<{
    id: string;
    type: 'PER' | 'LOC' | 'ORG' | 'MISC';
    subtype: string | null;
    name: { ar: string; en: string | null };
    wikidata: string | null;
    stands_for?: string;
    mentions: Array<ApiSpan & { sentence: number }>;
  }>;
  quotes: Array<
    ApiSpan & {
      kind: string;
      speaker: string | null;
      speaker_text: string | null;
      cue: string | null;
      sentence: number;
    }
  >;
  times: Array<ApiSpan & { type: string; value: string; mod: string | null; sentence: number }>;
  amounts: Array<ApiSpan & { low: number; high: number; unit: string | null; of: string | null; sentence: number }>;
  events: Array<{
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
    quad_class: number | null;
    goldstein: number | null;
    evidence: ApiSpan;
    trigger: ApiSpan;
    sentence: number;
  }>;
  warnings?: string[];
}

/** How the clean text is laid out: title, dateline, captions, subheadings, paragraphs. */
export interface ApiBlock {
  kind: BlockKind;
  start: number;
  end: number;
}

/** An analysis with what the interface needs to show it. */
export interface AnalyzedDocument {
  analysis: ApiAnalysis;
  blocks: ApiBlock[];
  facts: Fact[];
}

export interface AnalyzeResponse extends AnalyzedDocument {
  stored: false;
  /** When a URL was fetched: the final URL after redirects. */
  fetched?: { url: string; status: number };
}

export interface ArticleResponse extends AnalyzedDocument {
  article: StoredArticleMeta;
}

export interface RelatedResponse {
  related: SearchHit[];
  /** The other articles of this article's duplicate group (the canonical one first). */
  duplicates: StoredArticleMeta[];
}

export interface StoreResponse {
  id: string;
  created: boolean;
}

export interface EntityRef {
  id: string;
  type: string | null;
  subtype: string | null;
  name: { ar: string | null; en: string | null };
  wikidata: string | null;
}

export interface EventView extends EventRow {
  /** The day the event is placed on in timelines (its date's first day, else the publication day). */
  day: string | null;
  /** English rendering. */
  en: string;
}

export interface EntityResponse {
  entity: EntityRef;
  /** Knowledge-base details, when the entity is linked. */
  kb: {
    aliasesAr: string[];
    aliasesEn: string[];
    country: string | null;
    offices: Array<{ role: string; country?: string; org?: string; start: string; end: string | null }>;
    standsFor: string | null;
  } | null;
  /** Articles mentioning the entity (duplicate groups counted once). */
  articles: number;
  /** Mentions over time: articles per month. */
  timeline: { bucket: 'month'; points: Array<{ period: string; count: number }>; basedOn: number; complete: boolean };
  /** Entities that appear in the same articles, most frequent first. */
  cooccurring: FacetCount[];
  recent: SearchHit[];
  quotes: QuoteRow[];
  events: EventView[];
}

export interface PairPoint {
  /** Month (YYYY-MM) or day (YYYY-MM-DD). */
  period: string;
  count: number;
  /** Mean Goldstein score of the period's scored events (−10 conflict … +10 cooperation), null when none is scored. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Indices into `events`. */
  events: number[];
}

export interface PairResponse {
  a: EntityRef;
  b: EntityRef;
  bucket: 'day' | 'month';
  /** Both directions, oldest first; `direction` says who acted on whom. */
  events: Array<EventView & { direction: 'ab' | 'ba' }>;
  series: PairPoint[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Array<{ path: string; message: string }> };
}
