// Units → draft article: which unit is the title, a caption, the dateline, a subheading, a
// paragraph, or debris. Shared by the scraped-text and HTML front doors; the markup (when there is
// some) comes in as unit hints.
//
// A page reads top to bottom as: [furniture] title [reading time, captions, dateline, labels]
// paragraphs and subheadings [related links, tags, footer]. The header zone runs from the title to
// the first body paragraph; the trailing zone from the last sentence to the end.
import { foldForMatch, countWords } from './fold.js';
import { debrisReason, isListMarker, isTagList, bylineOf } from './debris.js';
import { matchCredit, matchDatelineLine, matchDatelinePrefix, type CreditMatch, type DatelineMatch } from './agency.js';
import { dateLineValue } from './dates.js';
import { statedReadingMinutes } from './reading.js';
import type { Draft, Piece, Unit } from './draft.js';
import {
  TITLE_MIN_WORDS,
  TITLE_MAX_CHARS,
  SUBHEADING_MAX_WORDS,
  SUBHEADING_MAX_CHARS,
  PARAGRAPH_MIN_WORDS,
  HEADER_LABEL_MAX_WORDS,
  CAPTION_MAX_WORDS,
  LEAD_PARAGRAPHS,
  TITLE_MAX_WORDS_IF_SENTENCE,
  REPEAT_MIN_WORDS,
  TITLE_OVERLAP_MIN,
} from './settings.js';

export interface ClassifyOptions {
  /** Scraped text: the title is the first substantial line. HTML: it comes from the metadata. */
  findTitle: boolean;
  /** A title known from elsewhere (HTML metadata, the caller): units repeating it are dropped. */
  knownTitle: string | null;
  /** Scraped text has no markup: short lines between paragraphs are taken for subheadings.
   *  In HTML only headings (and bold-only short paragraphs, given as heading hints) are. */
  shortLinesAreSubheadings: boolean;
}

/** A sentence ends with one of these (possibly followed by closing quotes or brackets). */
const SENTENCE_END = /[.!?؟…。！？]["'»”’)\]]*\s*$/u;
/** No final punctuation at all: what subheadings and labels look like. */
const ANY_FINAL_PUNCT = /[.!?؟…:؛;،,。！？：；，]["'»”’)\]]*\s*$/u;

type Tag = 'drop' | 'marker' | 'dateline' | 'content';

interface Annotated {
  unit: Unit;
  folded: string;
  words: number;
  tag: Tag;
  dateline: DatelineMatch | null;
  credit: CreditMatch | null;
}

/** Classifies units into a draft article. Never throws on any input. */
export function classifyUnits(units: readonly Unit[], opts: ClassifyOptions): Draft {
  const draft: Draft = {
    title: null,
    captions: [],
    dateline: null,
    body: [],
    statedMinutes: null,
    byline: null,
    dateLineDates: [],
    warnings: [],
  };

  // ---- pass 1: what each unit is on its own
  const items: Annotated[] = units.map((unit) => ({
    unit,
    folded: foldForMatch(unit.text),
    words: countWords(unit.text),
    tag: 'content',
    dateline: null,
    credit: null,
  }));
  for (const it of items) {
    const text = it.unit.text;
    const minutes = it.unit.hint === 'heading' ? null : statedReadingMinutes(text);
    if (minutes !== null) {
      draft.statedMinutes ??= minutes;
      it.tag = 'drop';
      continue;
    }
    if (isListMarker(it.folded)) {
      it.tag = 'marker';
      continue;
    }
    if (debrisReason(text, it.folded) !== null) {
      it.tag = 'drop';
      continue;
    }
    const date = dateLineValue(text);
    if (date) {
      draft.dateLineDates.push(date);
      it.tag = 'drop';
      continue;
    }
    const byline = it.unit.hint === 'caption' ? null : bylineOf(text);
    if (byline) {
      draft.byline ??= byline;
      it.tag = 'drop';
      continue;
    }
    it.dateline = it.unit.hint === 'text' ? matchDatelineLine(text) : null;
    if (it.dateline) {
      it.tag = 'dateline';
      continue;
    }
    if (it.words <= CAPTION_MAX_WORDS) it.credit = matchCredit(text);
  }

  // ---- related-links runs: after «اقرأ أيضاً:» and the like, headline-like units are links
  let inList = false;
  for (const it of items) {
    if (it.tag === 'marker') {
      inList = true;
      it.tag = 'drop';
      continue;
    }
    if (!inList || it.tag !== 'content') continue;
    if (it.unit.hint === 'heading' || isSentence(it)) inList = false;
    else it.tag = 'drop';
  }

  // ---- the title: the first line of two words or more, unless that line is already body text
  if (opts.findTitle) {
    const first = items.findIndex((it) => it.tag === 'content' && it.words >= TITLE_MIN_WORDS);
    const it = first >= 0 ? items[first] : null;
    if (
      it &&
      it.unit.text.length <= TITLE_MAX_CHARS &&
      !(SENTENCE_END.test(it.unit.text) && it.words >= TITLE_MAX_WORDS_IF_SENTENCE)
    ) {
      draft.title = { kind: 'title', text: it.unit.text, rawStart: it.unit.rawStart };
      it.tag = 'drop';
      // one-word lines above the headline are a site name or a section label
      for (let i = 0; i < first; i++) if (items[i].tag === 'content') items[i].tag = 'drop';
    }
  }
  // the headline repeated in the content (HTML pages keep their <h1>): not a subheading
  const titleKey = foldForMatch(draft.title?.text ?? opts.knownTitle ?? '');
  if (titleKey) for (const it of items) if (it.tag === 'content' && repeatsTitle(it, titleKey)) it.tag = 'drop';

  // ---- the trailing zone starts after the last sentence
  let lastSentence = -1;
  for (let i = items.length - 1; i >= 0; i--)
    if (items[i].tag === 'content' && isSentence(items[i]) && items[i].unit.hint !== 'caption') {
      lastSentence = i;
      break;
    }

  // ---- pass 2: in page order, with context
  const captionKeys = new Set<string>();
  const emitted = new Set<string>();
  let inHeader = true;
  let paragraphs = 0;
  const addCaption = (it: Annotated) => {
    const credit = it.credit;
    const captionEnd = credit ? credit.captionEnd : it.unit.text.length;
    const key = foldForMatch(it.unit.text.slice(0, captionEnd));
    if (captionKeys.has(key) || !key) return;
    captionKeys.add(key);
    draft.captions.push({
      kind: 'caption',
      text: it.unit.text,
      rawStart: it.unit.rawStart,
      captionEnd,
      credit: credit ? credit.credit : null,
    });
  };
  const setDateline = (text: string, rawStart: number | null, m: DatelineMatch) => {
    draft.dateline = { piece: { kind: 'dateline', text, rawStart }, place: m.place, agency: m.agency };
  };

  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.tag === 'drop' || it.tag === 'marker') continue;
    const { unit } = it;

    if (it.tag === 'dateline') {
      // a dateline standing alone is unambiguous, even after a standfirst; later ones (the
      // datelines of a round-up's other stories) are left out like the rest of the page furniture
      if (!draft.dateline && it.dateline) setDateline(unit.text, unit.rawStart, it.dateline);
      continue;
    }
    // the same line twice: pages repeat image captions (figure + lightbox) and teasers. Short
    // lines (a name, a number in a table) may repeat in real text.
    if (it.words >= REPEAT_MIN_WORDS || unit.hint === 'caption') {
      if (emitted.has(it.folded)) continue;
      emitted.add(it.folded);
    }

    if (unit.hint === 'caption') {
      addCaption(it);
      continue;
    }
    const trailing = lastSentence >= 0 && i > lastSentence;

    if (inHeader && unit.hint !== 'heading') {
      // a line shown twice in a row is an image caption (figure + lightbox) even without credit
      const twice =
        it.words >= REPEAT_MIN_WORDS && (items[i + 1]?.folded === it.folded || items[i - 1]?.folded === it.folded);
      if (it.credit || twice) {
        addCaption(it);
        continue;
      }
      // «سياسة», «مباشر», an author's name alone: labels between the title and the text
      if (!isSentence(it) && it.words <= HEADER_LABEL_MAX_WORDS && !ANY_FINAL_PUNCT.test(unit.text)) continue;
    }
    if (it.credit && it.credit.form !== 'bracket') {
      // in the body, a line ending «- AFP» or «تصوير: …» is a photo caption; «(رويترز)» at the end
      // of a paragraph is the wire's sign-off and stays in the paragraph
      addCaption(it);
      continue;
    }

    if (unit.hint === 'heading') {
      if (i > lastSentence) continue; // a heading with no text after it: a box title
      pushBody(draft, 'subheading', unit.text, unit.rawStart);
      continue;
    }
    if (trailing && !isSentence(it)) continue; // tags, labels and links after the article
    if (isTagList(unit.text)) continue;
    if (
      opts.shortLinesAreSubheadings &&
      paragraphs > 0 &&
      !trailing &&
      it.words <= SUBHEADING_MAX_WORDS &&
      unit.text.length <= SUBHEADING_MAX_CHARS &&
      !ANY_FINAL_PUNCT.test(unit.text)
    ) {
      pushBody(draft, 'subheading', unit.text, unit.rawStart);
      continue;
    }

    // a paragraph; the lead (after a standfirst, the second one) may open with the dateline
    // («القاهرة - رويترز - قال…»)
    inHeader = false;
    if (!draft.dateline && paragraphs < LEAD_PARAGRAPHS) {
      const m = matchDatelinePrefix(unit.text);
      if (m && m.restStart < unit.text.length) {
        setDateline(m.raw, unit.rawStart === null ? null : unit.rawStart + m.start, m);
        const rest = unit.text.slice(m.restStart);
        pushBody(draft, 'paragraph', rest, unit.rawStart === null ? null : unit.rawStart + m.restStart);
        paragraphs++;
        continue;
      }
    }
    pushBody(draft, 'paragraph', unit.text, unit.rawStart);
    paragraphs++;
  }

  // subheadings need text after them: a trailing one is an empty label
  while (draft.body.length && draft.body[draft.body.length - 1].kind === 'subheading') draft.body.pop();
  return draft;
}

function pushBody(draft: Draft, kind: 'subheading' | 'paragraph', text: string, rawStart: number | null): void {
  const piece: Piece = { kind, text, rawStart };
  draft.body.push(piece);
}

function repeatsTitle(it: Annotated, titleKey: string): boolean {
  if (it.folded === titleKey) return true;
  if (it.unit.hint !== 'heading') return false;
  const [a, b] = it.folded.length < titleKey.length ? [it.folded, titleKey] : [titleKey, it.folded];
  return b.includes(a) && a.length / b.length >= TITLE_OVERLAP_MIN;
}

/** Article text rather than a label: long, or a complete sentence. */
function isSentence(it: { unit: Unit; words: number }): boolean {
  return it.words >= PARAGRAPH_MIN_WORDS || (it.words >= 3 && SENTENCE_END.test(it.unit.text));
}
