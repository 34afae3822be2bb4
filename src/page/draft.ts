// The page parser's intermediate forms: units (candidate blocks, before classification) and the
// draft article (classified pieces, before the clean text is laid out).
import type { BlockKind } from '../analysis/types.js';
import type { FoundDate } from './dates.js';

/** One candidate block: a line of scraped text, a paragraph of a body, an element of HTML. */
export interface Unit {
  /** Trimmed text, as written (scraped text, bodies) or with HTML whitespace collapsed. */
  text: string;
  /** Offset of `text` in the raw input; null for HTML. */
  rawStart: number | null;
  /** What the markup says it is, when there is markup. */
  hint: 'text' | 'heading' | 'caption';
}

/** A classified block, ready to be laid out in the clean text. */
export interface Piece {
  kind: BlockKind;
  text: string;
  rawStart: number | null;
  /** Captions: where the caption text ends within `text` (the credit suffix follows). */
  captionEnd?: number;
  credit?: string | null;
}

export interface DraftDateline {
  piece: Piece;
  place: string | null;
  agency: string | null;
}

export interface Draft {
  title: Piece | null;
  captions: Piece[];
  dateline: DraftDateline | null;
  /** Subheadings and paragraphs in page order. */
  body: Piece[];
  statedMinutes: number | null;
  byline: string | null;
  /** Dates read from date lines («نشر في 28 نوفمبر 2022»), in page order. */
  dateLineDates: FoundDate[];
  warnings: string[];
}
