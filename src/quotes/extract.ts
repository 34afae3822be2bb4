// Quotes of one document: quoted spans classified as direct / partial / labels, reported clauses
// without marks (indirect), each tied to a cue and a speaker (attribute.ts).
//
// A quoted span is speech when a cue governs it:
//   - a cue earlier in the same sentence (the nearest one): «وقال X: "…"», «مشيراً إلى أن "…"»,
//     «متعهداً بـ"…"», «وانتقد X وجود "…"، وهما: "…"»;
//   - a cue right after it: «"…"، قال X», «"…"، بحسب X», «"…"، على حد قوله»;
//   - a headline «X: "…"» where X is a named speaker;
//   - a sentence made only of a quote, after a direct quote in the same paragraph (continuation).
// Kind (the rule): 'direct' when the span is the speaker's whole utterance — after a colon, right
// after the cue or its subject, before a trailing cue, or after «أن/إن/أنه/إنه» as a clause of at
// least MIN_CLAUSE_WORDS words that ends where the quote ends; 'partial' for every other governed
// span (after بـ، إلى، لـ, a noun, or a complementizer whose clause goes on past the quote).
// Labels, never quotes (labels.ts): a span after a label noun (منتدى، عملية، كتاب… —
// data/quotes/label-nouns.txt) up to LABEL_MAX_WORDS words; a short organisation name
// («"حزب العدالة والتنمية"»), alias («منظمة التحرير "فتح"»), web address, acronym or Latin-script
// name; a name in a cue's subject or after a source phrase; an addressee «قال لـ"…"»; a span mostly
// covered by entity mentions; and any ungoverned span touching a mention. Other ungoverned spans
// (scare quotes, headline phrases) are reported only when they echo words of an attributed quote
// of the same document («علاقاتنا بـ"طابع خاص"» echoing «بـ"الطابع الخاص"»): then as that
// speaker's partial quote.
// Indirect speech: a cue flagged `indirect` followed, within its reach, by «أن/إن…», the clause
// running to the sentence end or to «، <next cue>», and only when the clause holds no quotation
// mark; plus clauses framed by a source phrase («بحسب X، …», «…، وفقاً لـX», «…، على حد قوله»).
import type { Analysis, Quote } from '../analysis/types.js';
import { attributeCues, afterPreposition, Discourse, subjectIn } from './attribute.js';
import { clauseDraft, clauseEnd, sourceFramedClause } from './clauses.js';
import {
  classesOf,
  insideQuote,
  isColon,
  isComma,
  isSpeechComp,
  wordCount,
  type Attribution,
  type Draft,
  type ParaCtx,
  type PQuote,
} from './context.js';
import { findCues, type Cue } from './cues.js';
import { bareForm, foldWord } from './fold.js';
import { isLabel } from './labels.js';
import { quoteLexicon } from './lexicon.js';
import { collectMentions, mentionsIn } from './mentions.js';
import { paragraphRanges, scanParagraph } from './scan.js';
import { MAX_SUBJECT_NP_WORDS, MAX_TRAILING_PUNCT, MIN_CLAUSE_WORDS, SUBJECT_WINDOW_WORDS } from './settings.js';

/** A preposition with a pronoun, the addressee of a speech verb («قالت له "…"»). */
const ADDRESSEE = /^(له|لها|لهم|لهما|لنا|لي|لك|لكم)$/;

/** Quotes of a document, in text order (see the header for the rules). */
export function findQuotes(doc: Analysis): Quote[] {
  const text = doc.text;
  if (!text) return [];
  const lex = quoteLexicon();
  const mentions = collectMentions(doc);
  const dis = new Discourse();
  const drafts: Draft[] = [];
  const echoCandidates: Array<{ start: number; end: number }> = [];

  paragraphRanges(text).forEach((range, pi) => {
    const par = scanParagraph(text, pi, range.start, range.end);
    const c: ParaCtx = { text, lex, par, mentions };
    const { toks } = par;
    // Prefix count of tokens inside quotes, to test a range for marks in O(1).
    const quoted = new Int32Array(toks.length + 1);
    toks.forEach((t, i) => (quoted[i + 1] = quoted[i] + (t.quote !== -1 ? 1 : 0)));
    const hasMarks = (s: number, e: number): boolean => e > s && quoted[e] - quoted[s] > 0;
    let lastDirect: Draft | null = null;
    let qi = 0;

    par.segments.forEach((sg, si) => {
      // a sentence made of one quote and punctuation (for continuation quotes)
      let quotesHere = 0;
      let wordsOutside = 0;
      for (let i = sg.tokStart; i < sg.tokEnd; i++) {
        if (toks[i].mark === 'open') quotesHere++;
        else if (toks[i].word && toks[i].quote === -1) wordsOutside++;
      }
      const onlyAQuote = quotesHere === 1 && wordsOutside === 0;
      const cues = findCues(c, sg.tokStart, sg.tokEnd);
      attributeCues(c, cues, sg.tokStart, dis);
      const cueAtTok = new Map(cues.map((cu) => [cu.tok, cu]));

      // ---- quoted spans
      let ci = -1; // last cue before the current quote
      for (; qi < par.quotes.length && par.quotes[qi].segment === si; qi++) {
        const q = par.quotes[qi];
        while (ci + 1 < cues.length && cues[ci + 1].lastTok < q.openTok) ci++;
        let cue: Cue | null = ci >= 0 ? cues[ci] : null;
        let trailing = false;
        if (!cue) {
          cue = trailingCue(c, q, sg.tokEnd, cueAtTok);
          trailing = cue !== null;
        }
        let attribution = cue?.attribution ?? null;
        let cueText = cue?.surface ?? null;
        let kind: Quote['kind'] | null = null;
        if (!cue) {
          const head = headlineSpeaker(c, q, sg.tokStart);
          if (head) {
            attribution = head;
            kind = 'direct';
          } else if (lastDirect && onlyAQuote) {
            attribution = lastDirect.attribution;
            cueText = lastDirect.cue;
            kind = 'direct';
          }
        }
        const governed = attribution !== null;
        if (isLabel(c, q, governed, cue)) continue;
        if (!governed) {
          echoCandidates.push({ start: q.innerStart, end: q.innerEnd });
          continue;
        }
        kind ??= kindOf(c, q, cue!, trailing);
        const d: Draft = { start: q.innerStart, end: q.innerEnd, kind, attribution: attribution!, cue: cueText };
        drafts.push(d);
        if (kind === 'direct') lastDirect = d;
      }

      // ---- indirect speech after a cue and a complementizer
      let verbCues = 0;
      let embeddedUntil = -1; // a cue inside an extracted clause reports nothing of its own
      for (let k = 0; k < cues.length; k++) {
        const cue = cues[k];
        if (cue.kind === 'verb') verbCues++;
        if (cue.kind !== 'verb' || !cue.form?.indirect || cue.stop !== 'comp' || cue.backward || cue.relativeObject)
          continue;
        if (cue.tok < embeddedUntil) continue;
        const from = cue.gapEnd + 1;
        if (toks[from]?.mark === 'open') continue; // «قال إن "…"»: a quote, handled above
        const end = clauseEnd(c, cues, k, from, sg.tokEnd);
        const d = clauseDraft(c, from, end, cue.attribution, cue.surface, hasMarks);
        if (d) {
          drafts.push(d);
          embeddedUntil = end;
        }
      }

      // ---- clauses framed by a source phrase, in sentences without marks or another speech verb
      if (!hasMarks(sg.tokStart, sg.tokEnd)) {
        const d = sourceFramedClause(c, cues, sg.tokStart, sg.tokEnd, verbCues, hasMarks);
        if (d) drafts.push(d);
      }

      // ---- a sentence without a named speaker still gives pronouns antecedents: its persons and
      // organisations, least salient first (inside prepositional phrases, then others, then the subject)
      if (!cues.some((cu) => cu.attribution.entityId)) {
        const subject = subjectIn(c, sg.tokStart, sg.tokEnd, SUBJECT_WINDOW_WORDS);
        const others = mentionsIn(mentions, toks[sg.tokStart]?.start ?? 0, toks[sg.tokEnd - 1]?.end ?? 0).filter(
          (m) => m !== subject && (m.type === 'PER' || m.type === 'ORG') && !insideQuote(par, m.start),
        );
        others.sort((a, b) => Number(afterPreposition(c, b)) - Number(afterPreposition(c, a)));
        for (const m of others) dis.record(m, m.text, pi, false);
        if (subject) dis.record(subject, subject.text, pi, false);
      }
    });
  });

  const echoes = echoIndex(text, drafts);
  for (const e of echoCandidates) {
    const src = echoes.get(echoKey(text.slice(e.start, e.end)));
    if (src) drafts.push({ start: e.start, end: e.end, kind: 'partial', attribution: src.attribution, cue: null });
  }
  return toQuotes(doc, drafts);
}

/** A cue right after the closing mark: «"…"، قال X», «"…"، حسبما قال X», «"…"، بحسب X». */
function trailingCue(c: ParaCtx, q: PQuote, segEnd: number, cueAtTok: Map<number, Cue>): Cue | null {
  const { toks } = c.par;
  let k = q.closeTok + 1;
  for (let punct = 0; k < segEnd && !toks[k].word && punct < MAX_TRAILING_PUNCT; punct++, k++) {
    if (!isComma(toks[k]) && !'-–—'.includes(toks[k].text)) return null;
  }
  for (let n = k; n <= k + 2 && n < segEnd; n++) {
    const cue = cueAtTok.get(n);
    if (cue && (n === k || cue.backward) && cue.form?.pos !== 'participle') return cue;
  }
  return null;
}

/** «بوتين: "…"» — a sentence opening with a named speaker and a colon right before the mark. */
function headlineSpeaker(c: ParaCtx, q: PQuote, segStart: number): Attribution | null {
  const { toks } = c.par;
  const colon = q.openTok - 1;
  if (!isColon(toks[colon]) || colon - segStart > 2 * MAX_SUBJECT_NP_WORDS) return null;
  const words = toks.slice(segStart, colon).filter((t) => t.word);
  if (
    words.length === 0 ||
    words.length > MAX_SUBJECT_NP_WORDS ||
    toks.slice(segStart, colon).some((t) => t.quote !== -1)
  )
    return null;
  const before = toks[colon - 1];
  const m = mentionsIn(c.mentions, before.start, before.end).find((x) => x.end >= before.end - 1);
  if (!m || (m.type !== 'PER' && m.type !== 'ORG')) return null;
  return {
    entityId: m.entityId,
    text: c.text.slice(words[0].start, m.end),
    type: m.type,
    feminine: m.feminine,
    how: 'explicit',
  };
}

function kindOf(c: ParaCtx, q: PQuote, cue: Cue, trailing: boolean): Quote['kind'] {
  const { toks } = c.par;
  const prev = q.openTok - 1;
  if (trailing || isColon(toks[prev])) return 'direct';
  if (prev === cue.lastTok || (cue.subjectEnd !== -1 && cue.subjectEnd === q.openTok)) return 'direct';
  const next = toks[q.closeTok + 1];
  const endsClause = !next || !next.word;
  // a speech verb whose reach runs straight to this mark, not through a preposition:
  // «وقال دبلوماسي أوروبي يشارك في الاجتماع "إن إيران …"»
  if (
    cue.kind === 'verb' &&
    cue.form?.indirect &&
    cue.stop === 'mark' &&
    cue.gapEnd === q.openTok &&
    endsClause &&
    !(
      toks[prev].word &&
      (toks[prev].norm === 'ب' ||
        toks[prev].norm === 'ل' ||
        (classesOf(c.lex, toks[prev]).has('prep') && !ADDRESSEE.test(toks[prev].norm)))
    )
  ) {
    return 'direct';
  }
  if (
    prev >= 0 &&
    isSpeechComp(c, prev) &&
    wordCount(c.par, q.openTok + 1, q.closeTok) >= MIN_CLAUSE_WORDS &&
    endsClause
  ) {
    return 'direct';
  }
  return 'partial';
}

/** Longest headline phrase matched against the article's quotes (runs of words). */
const MAX_ECHO_WORDS = 6;

const echoWords = (s: string): string[] => (s.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => bareForm(foldWord(w)));
const echoKey = (s: string): string => echoWords(s).join(' ');

/**
 * Every run of up to MAX_ECHO_WORDS words of the attributed marked quotes, mapped to the first
 * quote holding it: an ungoverned quoted phrase equal to one of these echoes that quote.
 */
function echoIndex(text: string, drafts: Draft[]): Map<string, Draft> {
  const index = new Map<string, Draft>();
  for (const d of drafts) {
    if (d.kind === 'indirect' || !d.attribution.entityId) continue;
    const ws = echoWords(text.slice(d.start, d.end));
    for (let i = 0; i < ws.length; i++) {
      let key = '';
      for (let n = 0; n < MAX_ECHO_WORDS && i + n < ws.length; n++) {
        key = n ? `${key} ${ws[i + n]}` : ws[i];
        if (!index.has(key)) index.set(key, d);
      }
    }
  }
  return index;
}

function toQuotes(doc: Analysis, drafts: Draft[]): Quote[] {
  const seen = new Set<string>();
  const out: Quote[] = [];
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const d of drafts) {
    const key = `${d.start}:${d.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      text: doc.text.slice(d.start, d.end),
      start: d.start,
      end: d.end,
      kind: d.kind,
      speaker: d.attribution.entityId,
      speaker_text: d.attribution.text,
      cue: d.cue,
      sentence: sentenceIndex(doc, d.start),
    });
  }
  return out;
}

/** Index of the sentence holding offset `pos` (the last one starting at or before it), 0 if none. */
function sentenceIndex(doc: Analysis, pos: number): number {
  const ss = doc.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best >= 0 ? (ss[best].index ?? best) : 0;
}
