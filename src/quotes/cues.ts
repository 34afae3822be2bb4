// Cues: the words that introduce speech — verbs and participles (قال، أكد، مشيراً…, from
// data/quotes/cues.tsv), source phrases (بحسب، وفقاً لـ، نقلاً عن) and «على حد قوله» — and how far
// each one reaches: up to its complementizer, colon or quotation mark, the next cue, or
// MAX_CUE_GAP_WORDS words. The words in between hold the speaker (attribute.ts).
import { withoutConjunction } from './fold.js';
import type { CueForm } from './lexicon.js';
import type { Paragraph, QTok } from './scan.js';
import {
  NO_SPEAKER,
  RELATIVE_PRONOUNS,
  classesOf,
  isColon,
  isPrepWord,
  isSpeechComp,
  mentionStartingIn,
  type Attribution,
  type ParaCtx,
} from './context.js';
import { LABEL_MAX_WORDS, MAX_CUE_GAP_WORDS } from './settings.js';

export interface Cue {
  /** First and last paragraph token of the cue phrase. */
  tok: number;
  lastTok: number;
  kind: 'verb' | 'source' | 'own-words';
  form: CueForm | null;
  /** The verb carries a glued و/ف. */
  prefixed: boolean;
  /** A verb after «حسبما / بحسب ما / وفق ما»: the reported clause precedes it. */
  backward: boolean;
  /** What `Quote.cue` shows: the cue as written, without a glued و/ف. */
  surface: string;
  /** Token where the cue's reach stops, and why. */
  gapEnd: number;
  stop: 'comp' | 'colon' | 'mark' | 'cue' | 'end' | 'limit';
  /** Token after the explicit subject noun phrase, or -1 when the subject is not explicit. */
  subjectEnd: number;
  /** A verb in a relative clause with a resumptive pronoun («التي أشارت إليها»): no reported clause. */
  relativeObject: boolean;
  attribution: Attribution;
}

/** Is token i a speech cue? Returns its form and whether it carries و/ف. */
export function verbCueAt(c: ParaCtx, i: number): { form: CueForm; prefixed: boolean } | null {
  const t = c.par.toks[i];
  if (!t.word || t.quote !== -1) return null;
  let form = c.lex.cues.get(t.norm);
  let prefixed = false;
  if (!form) {
    const bare = withoutConjunction(t.norm);
    form = bare ? c.lex.cues.get(bare) : undefined;
    prefixed = !!form;
  }
  if (!form) return null;
  const prev = c.par.toks[i - 1];
  // «في رأي الخبراء», «من قال»: a preposition before it makes it a noun or a relative clause.
  if (prev && prev.word && isPrepWord(c, prev) && prev.quote === -1) return null;
  if (form.strict && !prefixed) {
    const next = c.par.toks[i + 1];
    const ok =
      !!next &&
      (isColon(next) ||
        next.mark === 'open' ||
        isSpeechComp(c, i + 1) ||
        mentionStartingIn(c, next) !== null ||
        c.lex.cues.get(next.norm)?.pos === 'participle');
    if (!ok) return null;
  }
  return { form, prefixed };
}

/** Cue surface without a glued و/ف (and the diacritics on it). */
function cueSurface(t: QTok, prefixed: boolean): string {
  if (!prefixed) return t.text;
  let k = 1;
  while (k < t.text.length && /\p{M}/u.test(t.text[k])) k++;
  return t.text.slice(k);
}

/** All cues of segment [s, e) of the paragraph, attributions not yet resolved. */
export function findCues(c: ParaCtx, s: number, e: number): Cue[] {
  const { toks } = c.par;
  const cues: Cue[] = [];
  for (let i = s; i < e; i++) {
    const t = toks[i];
    if (!t.word || t.quote !== -1) continue;
    const prevCue = cues[cues.length - 1];
    if (prevCue && prevCue.lastTok === i - 1 && prevCue.kind === 'verb') {
      // «وتابع قائلاً:» — a participle after a verb belongs to that verb; any other cue word
      // right after a verb is its subject or object («قال طالب»).
      if (c.lex.cues.get(t.norm)?.pos === 'participle') prevCue.lastTok = i;
      continue;
    }
    const cls = classesOf(c.lex, t);
    // «وبحسب» → «بحسب», but «وفقاً» is itself the word.
    const bare = c.lex.classes.has(t.norm) ? t.norm : (withoutConjunction(t.norm) ?? t.norm);

    if (cls.has('source') && bare !== 'حسبما') {
      const next = toks[i + 1];
      // «بحسب ما قال X», «وفق ما أعلنت»: the verb after «ما» is the cue.
      if (next && next.norm === 'ما') continue;
      let last = i;
      if (bare === 'نقلا') {
        if (!(next && next.norm === 'عن')) continue;
        // «وذكر التلفزيون نقلاً عن X أن …»: inside a verb's reach it names that verb's source
        if (prevCue && prevCue.kind === 'verb' && withinReach(c, prevCue.lastTok, i)) continue;
        last = i + 1;
      } else if (bare === 'وفقا' || bare === 'طبقا' || bare === 'وفق') {
        if (!next || !next.word || !next.norm.startsWith('ل')) continue;
        if (next.norm === 'ل') last = i + 1;
      }
      const startOff = t.start + (t.norm === bare ? 0 : t.text.length - t.text.replace(/^[وف]\p{M}*/u, '').length);
      cues.push(newCue(i, last, 'source', null, false, false, c.text.slice(startOff, toks[last].end)));
      continue;
    }
    if (
      t.norm === 'علي' &&
      toks[i + 1]?.norm === 'حد' &&
      toks[i + 2] &&
      classesOf(c.lex, toks[i + 2]).has('own-words')
    ) {
      cues.push(newCue(i, i + 2, 'own-words', null, false, false, c.text.slice(t.start, toks[i + 2].end)));
      i += 2;
      continue;
    }
    const v = verbCueAt(c, i);
    if (!v) continue;
    const p1 = toks[i - 1];
    const p2 = toks[i - 2];
    const backward =
      !!p1 &&
      p1.word &&
      ((withoutConjunction(p1.norm) ?? p1.norm) === 'حسبما' ||
        (p1.norm === 'ما' && !!p2 && p2.word && classesOf(c.lex, p2).has('source')) ||
        p1.norm === 'كما');
    const cue = newCue(i, i, 'verb', v.form, v.prefixed, backward, cueSurface(t, v.prefixed));
    // «التي أشارت إليها كلينتون»: a relative clause whose verb governs a pronoun, not a report
    const next = toks[i + 1];
    cue.relativeObject =
      !!p1 && p1.word && RELATIVE_PRONOUNS.has(p1.norm) && !!next && next.word && isPrepWord(c, next);
    cues.push(cue);
  }
  // Where each cue's reach stops.
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k];
    const nextCueTok = k + 1 < cues.length ? cues[k + 1].tok : e;
    let words = 0;
    let j = cue.lastTok + 1;
    cue.stop = 'end';
    for (; j < e; j++) {
      const t = toks[j];
      if (j >= nextCueTok) {
        cue.stop = 'cue';
        break;
      }
      if (t.mark === 'open') {
        const q = c.par.quotes[t.quote];
        if (q && quotedNameInGap(c, q, e)) {
          j = q.closeTok;
          continue;
        }
        cue.stop = 'mark';
        break;
      }
      if (isColon(t)) {
        cue.stop = 'colon';
        break;
      }
      if (t.word && isSpeechComp(c, j)) {
        cue.stop = 'comp';
        break;
      }
      if (t.word && ++words > MAX_CUE_GAP_WORDS) {
        cue.stop = 'limit';
        break;
      }
    }
    cue.gapEnd = j;
  }
  return cues;
}

/**
 * A short quoted span after a cue that is followed, before any other mark or the sentence end,
 * by the colon or complementizer of that same cue: it names the subject or the occasion
 * («ذكرت "سوني بيكتشرز" في بيان: "…"», «قالت صحيفة "الغارديان" إن …»), it is not the speech.
 */
function quotedNameInGap(c: ParaCtx, q: Paragraph['quotes'][number], segEnd: number): boolean {
  const { toks } = c.par;
  let words = 0;
  for (let i = q.openTok + 1; i < q.closeTok; i++) if (toks[i].word) words++;
  if (words > LABEL_MAX_WORDS) return false;
  const next = toks[q.closeTok + 1];
  if (next && isColon(next)) return false; // «قال "X": …» is odd; keep it simple
  words = 0;
  const limit = Math.min(segEnd, q.closeTok + 1 + 3 * MAX_CUE_GAP_WORDS); // punctuation counts too
  for (let i = q.closeTok + 1; i < limit; i++) {
    const t = toks[i];
    if (t.mark === 'open') return isColon(toks[i - 1]);
    if (isColon(t)) return toks[i + 1]?.mark === 'open';
    if (t.word && isSpeechComp(c, i)) return true;
    if (t.word && ++words > MAX_CUE_GAP_WORDS) return false;
  }
  return false;
}

/** Nothing between tokens a and b stops a cue's reach (no complementizer, colon or mark). */
function withinReach(c: ParaCtx, a: number, b: number): boolean {
  if (b - a > MAX_CUE_GAP_WORDS) return false;
  for (let j = a + 1; j < b; j++) {
    const t = c.par.toks[j];
    if (t.mark === 'open' || isColon(t) || (t.word && isSpeechComp(c, j))) return false;
  }
  return true;
}

function newCue(
  tok: number,
  lastTok: number,
  kind: Cue['kind'],
  form: CueForm | null,
  prefixed: boolean,
  backward: boolean,
  surface: string,
): Cue {
  return {
    tok,
    lastTok,
    kind,
    form,
    prefixed,
    backward,
    surface,
    gapEnd: lastTok + 1,
    stop: 'end',
    subjectEnd: -1,
    relativeObject: false,
    attribution: NO_SPEAKER,
  };
}
