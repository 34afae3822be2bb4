// Shared vocabulary of the quote layer: the per-paragraph context the rules read, and small
// word tests (closed classes, prepositions, complementizers) used by cues, attribution and labels.
import type { EntityType, Quote } from '../analysis/types.js';
import { segmentWord } from '../text/clitics.js';
import { withoutConjunction } from './fold.js';
import type { QuoteLexicon, WordClass } from './lexicon.js';
import { mentionsIn, type SpeakerMention } from './mentions.js';
import type { Paragraph, QTok } from './scan.js';

/** Who a cue or a quote is attributed to. */
export interface Attribution {
  entityId: string | null;
  /** The surface that named the speaker (for a dropped subject: the antecedent's surface). */
  text: string | null;
  type: EntityType | null;
  /** An organisation whose head noun is feminine (see mentions.ts). */
  feminine: boolean;
  how: 'source' | 'explicit' | 'svo' | 'sentence' | 'discourse' | 'unnamed' | 'none';
}

/** No speaker found. */
export const NO_SPEAKER: Attribution = { entityId: null, text: null, type: null, feminine: false, how: 'none' };

/** A quote before it becomes a `Quote` (offsets into the document text). */
export interface Draft {
  start: number;
  end: number;
  kind: Quote['kind'];
  attribution: Attribution;
  cue: string | null;
}

/** A quoted span of a paragraph (marks and content as paragraph tokens). */
export type PQuote = Paragraph['quotes'][number];

/** Everything the attribution rules read for one paragraph. */
export interface ParaCtx {
  text: string;
  lex: QuoteLexicon;
  par: Paragraph;
  mentions: SpeakerMention[];
}

/** The closed classes of a word, also through a glued و/ف («وفي» is a preposition). */
export function classesOf(lex: QuoteLexicon, t: QTok): Set<WordClass> {
  if (!t.word) return EMPTY;
  const own = lex.classes.get(t.norm);
  const bare = withoutConjunction(t.norm);
  const viaBare = bare && bare.length >= 2 ? lex.classes.get(bare) : undefined;
  if (own && viaBare) return new Set([...own, ...viaBare]);
  return own ?? viaBare ?? EMPTY;
}
const EMPTY: Set<WordClass> = new Set();

export const isComma = (t: QTok | undefined): boolean => !!t && !t.word && (t.text === '،' || t.text === ',');
export const isColon = (t: QTok | undefined): boolean => !!t && !t.word && (t.text === ':' || t.text === '：');

/** A complementizer at token i that is not the conjunction «أن» of «بعد أن / يجب أن …». */
export function isSpeechComp(c: ParaCtx, i: number): boolean {
  const t = c.par.toks[i];
  if (!t || !classesOf(c.lex, t).has('comp')) return false;
  const prev = c.par.toks[i - 1];
  return !(prev && prev.word && classesOf(c.lex, prev).has('nocomp'));
}

/**
 * A standalone or glued preposition word («في», «بـ», «للأمم», «لصحف»). Glued ب/ل/ك are trusted
 * to the text layer's lexicon-guarded segmenter, so «لجنة» and «بيان» stay nouns.
 */
export function isPrepWord(c: ParaCtx, t: QTok): boolean {
  if (!t.word) return false;
  const cls = classesOf(c.lex, t);
  if (cls.has('prep')) return true;
  if (cls.size || !/^[وف]?[بلك]/.test(t.norm) || t.norm.length < 3) return false; // «بأن» is a complementizer
  const seg = segmentWord(t.text).proclitics;
  return seg.includes('ب') || seg.includes('ل') || seg.includes('ك');
}

/** The mention starting inside token t, if any. */
export function mentionStartingIn(c: ParaCtx, t: QTok): SpeakerMention | null {
  for (const m of mentionsIn(c.mentions, t.start, t.end)) if (m.start >= t.start && m.start < t.end) return m;
  return null;
}

/** A mention glued to a preposition clitic («لبوتين», «بالكرملين»). */
export function gluedToPreposition(c: ParaCtx, t: QTok, m: SpeakerMention): boolean {
  if (m.start <= t.start) return false;
  const glued = c.text.slice(t.start, m.start).replace(/[\u064B-\u065F\u0640]/g, '');
  return /[بلك]/.test(glued);
}

/** Index of the first paragraph token starting at or after `offset` (binary search). */
export function tokAt(par: Paragraph, offset: number): number {
  let lo = 0;
  let hi = par.toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (par.toks[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Relative pronouns (folded). */
export const RELATIVE_PRONOUNS = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللاتي', 'اللواتي']);

/** Words in paragraph tokens [s, e). */
export function wordCount(par: Paragraph, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (par.toks[i].word) n++;
  return n;
}

/** Offset `pos` lies inside a quoted span of the paragraph. */
export function insideQuote(par: Paragraph, pos: number): boolean {
  let lo = 0;
  let hi = par.quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = par.quotes[mid];
    if (pos <= q.open) hi = mid - 1;
    else if (pos >= q.close) lo = mid + 1;
    else return true;
  }
  return false;
}
