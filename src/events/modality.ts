// Whether an event happened as told: negation («لم يرفض», «عدم الاعتراف», «نفى أن …»), quotation
// (direct and partial quotes are the speaker's words: not coded; indirect speech is «reported»),
// future («سـ», «سوف», «لن», «من المقرر أن»), hypothetical («في حال», «إذا», «لو») and the
// pluperfect background («كان قد …»).
import type { Analysis } from '../analysis/types.js';
import type { EventGrammar } from './lexicon.js';
import { phraseAt, type TriggerMatch } from './triggers.js';
import type { SentenceView, Word } from './words.js';

/** How far back (in words, within the clause) a future or hypothetical cue governs a trigger. */
export const MODAL_SCOPE_WORDS = 10;
/** How far back a denial verb («نفى») governs a trigger: «نفى الجيش أن يكون قد قصف …». */
export const DENIAL_SCOPE_WORDS = 6;

export interface QuoteMask {
  /** Word is inside a direct or partial quote, or between quotation marks: the speaker's words. */
  quoted: boolean[];
  /** Word is inside an indirect (reported) quote. */
  reported: boolean[];
}

/**
 * Which words of the sentence are quoted. Uses the quote layer when present and, in any case, the
 * quotation marks of the sentence itself (paired in order), so that quoted speech is never coded as
 * fact even before the quote stage runs.
 */
export function quoteMask(doc: Analysis, s: SentenceView): QuoteMask {
  const n = s.words.length;
  const quoted = new Array<boolean>(n).fill(false);
  const reported = new Array<boolean>(n).fill(false);
  for (const q of doc.quotes) {
    if (q.end <= s.start || q.start >= s.end) continue;
    for (const w of s.words) {
      if (w.start >= q.start && w.end <= q.end) {
        if (q.kind === 'indirect') reported[w.i] = true;
        else quoted[w.i] = true;
      }
    }
  }
  let open = -1;
  for (const w of s.words) {
    if (w.kind !== 'punct' || w.norm !== '"') continue;
    if (open < 0) open = w.i;
    else {
      for (let k = open; k <= w.i; k++) quoted[k] = true;
      open = -1;
    }
  }
  return { quoted, reported };
}

function bare(w: Word): string {
  return w.norm.length > 2 ? w.norm.replace(/^[وف]/, '') : w.norm;
}

function isHardBreak(w: Word, g: EventGrammar): boolean {
  return w.kind === 'punct' && g.clauseBreaks.has(w.norm);
}

/** Whether the trigger is negated (`at`: the light verb carrying an event noun, if any). */
export function isNegated(words: Word[], t: TriggerMatch, g: EventGrammar, at = t.head): boolean {
  if (at !== t.head) {
    const prev = words[at - 1];
    if (prev && (g.negators.has(prev.norm) || g.negators.has(bare(prev)))) return true;
  }
  let k = t.head - 1;
  if (k >= 0 && words[k].norm === 'قد') k--;
  if (k >= 0) {
    const prev = words[k];
    if (t.pos === 'noun') {
      if (g.nounNegators.has(bare(prev)) || prev.variants.some((v) => g.nounNegators.has(v.stem))) return true;
      // «امتنع عن توقيع …»
      const before = words[k - 1];
      if (prev.norm === 'عن' && before && (g.refrainVerbs.has(before.norm) || g.refrainVerbs.has(bare(before))))
        return true;
    } else if (g.negators.has(prev.norm) || g.negators.has(bare(prev))) {
      return true;
    }
  }
  for (let j = at - 1; j >= Math.max(0, at - DENIAL_SCOPE_WORDS); j--) {
    if (isHardBreak(words[j], g)) break;
    if (g.denialVerbs.has(bare(words[j])) || g.denialVerbs.has(words[j].norm)) return true;
  }
  return false;
}

/** Whether a phrase of `phrases` occurs in the clause before the trigger, within `scope` words. */
function cueBefore(words: Word[], head: number, phrases: readonly string[][], g: EventGrammar, scope: number): boolean {
  for (let j = head - 1; j >= Math.max(0, head - scope); j--) {
    if (isHardBreak(words[j], g)) return false;
    for (const p of phrases) if (phraseAt(words, j, p)) return true;
  }
  return false;
}

export interface Modality {
  future: boolean;
  hypothetical: boolean;
  /** «كان قد …»: background before the story's time. */
  pluperfect: boolean;
}

/** «كان … قد فعل»: how far before the verb the form of كان may stand (its subject between). */
const PLUPERFECT_WORDS = 5;

/**
 * Future, hypothetical and pluperfect cues before the trigger. `at` is where the predication starts:
 * the trigger itself, or the light verb that carries an event noun («لن تشارك في المحادثات»).
 */
export function modalityOf(words: Word[], t: TriggerMatch, g: EventGrammar, at = t.head): Modality {
  const heads = at === t.head ? [t.head] : [at, t.head];
  let future = t.pos === 'present' && t.variant.pro.replace(/^[وف]/, '') === 'س';
  for (const h of heads) {
    const w = words[h];
    if (h !== t.head && w.variants.some((v) => v.pro.replace(/^[وف]/, '') === 'س' && !v.enc)) future = true;
    for (let j = h - 1; j >= Math.max(0, h - 2) && !future; j--) {
      const b = bare(words[j]);
      if (g.futureParticles.has(b) || b === 'لن') future = true;
    }
  }
  if (!future) future = cueBefore(words, at, g.futurePhrases, g, MODAL_SCOPE_WORDS);
  let pluperfect = false;
  const qad = words.slice(Math.max(0, at - 2), at).some((w) => w.norm === 'قد');
  if (qad) {
    for (let j = at - 1; j >= Math.max(0, at - PLUPERFECT_WORDS) && !pluperfect; j--) {
      if (isHardBreak(words[j], g)) break;
      if (g.pluperfect.has(bare(words[j])) || g.pluperfect.has(words[j].norm)) pluperfect = true;
    }
  }
  // «قد» before a present verb is «may»; before a past verb it asserts («قد رفض»)
  const may = t.pos === 'present' && words[t.head - 1]?.norm === 'قد';
  const hypothetical = may || cueBefore(words, at, g.hypotheticalPhrases, g, MODAL_SCOPE_WORDS);
  return { future, hypothetical, pluperfect };
}
