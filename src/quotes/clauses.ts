// Reported clauses without quotation marks (indirect speech): where a clause after «أن/إن» ends,
// and clauses framed by a source phrase («بحسب X، …», «…، وفقاً لـX», «…، على حد قوله»).
import type { Cue } from './cues.js';
import { isQuoteMark } from './marks.js';
import { classesOf, isComma, wordCount, type Attribution, type Draft, type ParaCtx } from './context.js';
import { MAX_SUBJECT_NP_WORDS, MIN_INDIRECT_WORDS } from './settings.js';

/** Tokens looked back from a later cue for the comma that ends a reported clause («، في حين صرّح»). */
const CLAUSE_STOP_LOOKBACK = 3;

/** Punctuation trimmed from the ends of a reported clause. */
const CLAUSE_TRIM = new Set(['.', ',', '،', '؛', ';', ':', '!', '?', '؟', '…', '-', '–', '—']);

/**
 * Where the reported clause of cues[k] ends: at the next speech act of the sentence — a cue shortly
 * after a comma («…، مشيراً إلى أن», «…، بينما قال مسؤول إن», «…، في حين صرّح»), a participle
 * («ومشيراً إلى أن»), or a و/ف verb with its own complementizer («… وأضاف أن») — else at the end.
 */
export function clauseEnd(c: ParaCtx, cues: Cue[], k: number, from: number, segEnd: number): number {
  const { toks } = c.par;
  for (let n = k + 1; n < cues.length; n++) {
    const cue = cues[n];
    if (cue.tok <= from) continue;
    // only a cue that reports something itself ends the clause: «، طالبوا الولايات المتحدة بـ…» is
    // the reported clause's own verb
    const reports =
      cue.form?.pos === 'participle' ||
      cue.stop === 'comp' ||
      cue.stop === 'colon' ||
      cue.stop === 'mark' ||
      cue.kind !== 'verb';
    for (let b = cue.tok - 1; reports && b >= Math.max(from, cue.tok - CLAUSE_STOP_LOOKBACK); b--) {
      if (isComma(toks[b]) || toks[b].text === '؛' || toks[b].text === ';') return b;
      if (
        toks[b].word &&
        b < cue.tok - 1 &&
        !classesOf(c.lex, toks[b]).size &&
        toks[b].norm !== 'بينما' &&
        toks[b].norm !== 'حين'
      )
        break;
    }
    if (cue.form?.pos === 'participle' && cue.prefixed) return cue.tok;
    if (cue.kind === 'verb' && cue.prefixed && cue.stop !== 'end' && cue.stop !== 'limit') return cue.tok;
  }
  return segEnd;
}

/** An indirect quote over paragraph tokens [from, end), trimmed; null when too short or quoted. */
export function clauseDraft(
  c: ParaCtx,
  from: number,
  end: number,
  attribution: Attribution,
  cue: string | null,
  hasMarks: (s: number, e: number) => boolean,
): Draft | null {
  const { toks } = c.par;
  let s = from;
  let e = end;
  while (s < e && !toks[s].word && CLAUSE_TRIM.has(toks[s].text)) s++;
  while (e > s && !toks[e - 1].word && CLAUSE_TRIM.has(toks[e - 1].text)) e--;
  if (e <= s || hasMarks(s, e) || wordCount(c.par, s, e) < MIN_INDIRECT_WORDS) return null;
  // an unpaired mark means a quotation whose other mark is missing: not a clean reported clause
  for (let i = s; i < e; i++) if (!toks[i].word && isQuoteMark(toks[i].text)) return null;
  return { start: toks[s].start, end: toks[e - 1].end, kind: 'indirect', attribution, cue };
}

/**
 * «بحسب X، (فإن) …» at the start of a sentence, or «…، بحسب X / وفقاً لـX / حسبما قال X /
 * على حد قوله» at its end: the rest of the sentence is X's reported speech. Only in sentences
 * with no other speech verb, and only when X is a named entity.
 */
export function sourceFramedClause(
  c: ParaCtx,
  cues: Cue[],
  s: number,
  e: number,
  verbCues: number,
  hasMarks: (s: number, e: number) => boolean,
): Draft | null {
  const { toks } = c.par;
  let first = s;
  while (first < e && !toks[first].word) first++;
  const head = cues[0];
  if (head && head.kind === 'source' && head.tok === first && verbCues === 0 && head.attribution.entityId) {
    let comma = head.lastTok + 1;
    while (comma < e && !isComma(toks[comma])) comma++;
    let from = comma + 1;
    if (toks[from]?.word && classesOf(c.lex, toks[from]).has('comp')) from++;
    return comma < e ? clauseDraft(c, from, e, head.attribution, head.surface, hasMarks) : null;
  }
  const tail = cues[cues.length - 1];
  if (!tail || !tail.attribution.entityId) return null;
  const isFrame =
    tail.kind === 'source' || tail.kind === 'own-words' || (tail.kind === 'verb' && tail.backward && verbCues === 1);
  if (!isFrame || (tail.kind !== 'verb' && verbCues > 0)) return null;
  // the frame starts at the comma before it («…، حسبما قال X», «…، بحسب ما قال X», «…، بحسب X»)
  let frame = tail.tok;
  if (tail.kind === 'verb') frame = toks[tail.tok - 1]?.norm === 'ما' ? tail.tok - 2 : tail.tok - 1;
  const comma = frame - 1;
  if (comma <= first || !isComma(toks[comma])) return null;
  if (wordCount(c.par, tail.lastTok + 1, e) > MAX_SUBJECT_NP_WORDS) return null;
  return clauseDraft(c, first, comma, tail.attribution, tail.surface, hasMarks);
}
