// The one document model every stage reads and extends.
//
// An `Analysis` owns the clean text (`text`) and a set of layers. Every layer item is a span
// [start, end) in UTF-16 code units into `text` (JavaScript string indices), so that
// `text.slice(start, end) === item.text` always holds. Stages never rewrite `text`; they add layers.

/** A half-open range into `Analysis.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span that also carries its surface text (== text.slice(start, end)). */
export interface TextSpan extends Span {
  text: string;
}

// ---------------------------------------------------------------- page layer

/** What a block of the clean text is, as the page parser understood it. */
export type BlockKind = 'title' | 'caption' | 'dateline' | 'subheading' | 'paragraph';

/** One block (a line or paragraph) of the clean text. Blocks are joined by "\n\n" in `text`. */
export interface Block extends Span {
  kind: BlockKind;
  /** Start of this block in the raw input (for scraped text and bodies); null when not traceable (HTML). */
  rawStart: number | null;
}

export interface Caption {
  text: string;
  credit: string | null;
  /** Span of the caption text (without credit) in `Analysis.text`. */
  start: number;
  end: number;
}

export interface Dateline {
  place: string | null;
  agency: string | null;
  /** The dateline as written, e.g. «موسكو-أ ف ب». */
  raw?: string;
}

export interface Article {
  title: string | null;
  subheadings: string[];
  paragraphs: string[];
  captions: Caption[];
  dateline: Dateline | null;
  /** ISO date or datetime. */
  published: string | null;
  /** Where `published` came from. */
  publishedSource: 'caller' | 'metadata' | 'text' | null;
  reading_minutes: number | null;
  readingSource: 'stated' | 'estimated' | null;
  language: string;
  topics: string[];
  byline?: string | null;
  url?: string | null;
  siteName?: string | null;
}

// ---------------------------------------------------------------- text layer

export type TokenKind = 'arabic' | 'latin' | 'number' | 'punct' | 'symbol';

export interface Token extends TextSpan {
  kind: TokenKind;
  /** Normalised form for matching (see text/normalize). */
  norm: string;
  /** Index of the sentence this token belongs to. */
  sentence: number;
}

export interface Sentence extends Span {
  index: number;
  /** Index of the first token and one past the last token of this sentence in `Analysis.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

// ---------------------------------------------------------------- entities

export type EntityType = 'PER' | 'LOC' | 'ORG' | 'MISC';

export interface Mention extends TextSpan {
  sentence: number;
  type: EntityType;
  subtype: string | null;
  /** How the mention was found. */
  source: 'kb' | 'tagger' | 'rule' | 'coref' | 'dateline' | 'credit';
  /** KB entry this mention was linked to, when any. */
  kbId: string | null;
  /** Id of the entity (after coreference) this mention belongs to. */
  entityId: string | null;
  /** Model or rule confidence in [0, 1], when the source gives one. */
  confidence?: number;
}

export interface Entity {
  /** Stable across documents for linked entities (KB id); local id ("local:…") otherwise. */
  id: string;
  type: EntityType;
  subtype: string | null;
  name: { ar: string; en: string | null };
  /** True when `name.en` is a machine transliteration rather than a KB name. */
  enTransliterated?: boolean;
  wikidata: string | null;
  mentions: Mention[];
  /** For metonyms (الكرملين, موسكو as government): the entity id this one stands for. */
  standsFor?: string | null;
  /**
   * For people: the id of the state or organisation they hold office for at the publication date (a
   * head of state for the state), when the KB says so. Event coding lists it beside the person as actor.
   */
  actsFor?: string | null;
}

// ---------------------------------------------------------------- quotes, times, amounts, events

export interface Quote extends TextSpan {
  kind: 'direct' | 'partial' | 'indirect';
  speaker: string | null;
  speaker_text: string | null;
  cue: string | null;
  sentence: number;
}

export interface Timex extends TextSpan {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  mod: 'START' | 'MID' | 'END' | 'APPROX' | 'BEFORE' | 'AFTER' | null;
  sentence: number;
  /** How the value was obtained: absolute, relative to the publication date, or anaphoric. */
  anchor?: 'absolute' | 'published' | 'previous';
}

export interface Amount extends TextSpan {
  low: number;
  high: number;
  unit: string | null;
  of: string | null;
  sentence: number;
}

export interface EventRecord {
  type: string;
  mode: string | null;
  context: string[];
  actor: string[];
  recipient: string[];
  date: string | null;
  location: string | null;
  negated: boolean;
  factuality: 'asserted' | 'future' | 'hypothetical' | 'historical' | 'reported';
  cameo: string | null;
  quad_class: number | null;
  goldstein: number | null;
  evidence: TextSpan;
  trigger: TextSpan;
  sentence: number;
}

// ---------------------------------------------------------------- the analysis

export interface Analysis {
  id: string | null;
  /** The clean text every offset points into. */
  text: string;
  /** How the input came in. */
  input: 'text' | 'html' | 'body';
  article: Article;
  blocks: Block[];
  tokens: Token[];
  sentences: Sentence[];
  mentions: Mention[];
  entities: Entity[];
  quotes: Quote[];
  times: Timex[];
  amounts: Amount[];
  events: EventRecord[];
  /** Non-fatal problems met on the way (degraded input, unknown charset…). */
  warnings: string[];
}
