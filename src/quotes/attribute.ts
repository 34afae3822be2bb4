// Who said it: cues and the attribution of each cue to an entity.
//
// The algorithm, in the order it is tried for one cue (a speech verb, a participle, a source
// phrase such as «بحسب»):
//   1. Source: «نقلت وكالة … عن X», «نقلاً عن X», «بحسب X», «وفقاً لـX» → X, the first PER/ORG
//      mention after «عن» / after the source word.
//   2. Explicit subject after the verb (VSO, the usual news order): the first noun phrase after the
//      verb that is not inside a prepositional phrase (adverbials such as «أمس، أيضاً، بدوره» are
//      skipped; «وقال لـ"الاقتصادية" X» looks past the addressee). If it holds a PER mention that
//      is the speaker, else an ORG, else a country/metonym that starts the phrase («قالت روسيا»);
//      not when it starts with «أحد/بعض» (one of a group). A phrase without a mention is an unnamed
//      speaker (speaker null, speaker_text the phrase, no guess from context) when its head is a
//      speaker noun («مسؤول», «مصادر» — data/quotes/speaker-nouns.txt) or a nominative plural
//      («منظمون»); otherwise it may be an object («اعتبر القدس عاصمة») and the next rules apply.
//   3. Subject right before a verb without و/ف (SVO, «الوزارة قالت», «بوتين، قال»).
//   4. Same sentence: a participle (مشيراً، لافتاً، متعهداً) or a dropped subject carries the
//      speaker of the previous cue of the sentence, else the sentence's subject.
//   5. Discourse (pronouns and dropped subjects: «وقال إنه», «وأكد أنه», «من جانبه، أشاد»):
//      the most recent compatible entity among earlier speakers and sentence subjects, within
//      MAX_ANTECEDENT_PARAGRAPHS; a continuation cue (أضاف، تابع، مضيفاً) prefers the last speaker.
//      Compatible: a masculine verb takes a PER or an ORG whose head noun is not feminine; a
//      feminine verb takes an ORG or a person already seen as the subject of a feminine verb;
//      a plural verb takes nobody.
// Speakers are PER or ORG entities (title-only coreference mentions included, since they carry
// the entity id); a country or metonym (الكرملين) may speak only as an explicit subject.
import type { EntityType } from '../analysis/types.js';
import { bareForm, withoutConjunction } from './fold.js';
import type { CueForm } from './lexicon.js';
import { mentionsIn, type SpeakerMention } from './mentions.js';
import type { QTok } from './scan.js';
import type { Cue } from './cues.js';
import {
  NO_SPEAKER,
  RELATIVE_PRONOUNS,
  classesOf,
  gluedToPreposition,
  isComma,
  isPrepWord,
  mentionStartingIn,
  tokAt,
  type Attribution,
  type ParaCtx,
} from './context.js';
import { MAX_ANTECEDENT_PARAGRAPHS, MAX_SUBJECT_NP_WORDS, SUBJECT_WINDOW_WORDS } from './settings.js';

interface HistoryEntry {
  entityId: string;
  text: string;
  type: EntityType;
  feminine: boolean;
  paragraph: number;
  speaker: boolean;
}

/** Discourse state carried across sentences and paragraphs of one document. */
export class Discourse {
  private history: HistoryEntry[] = [];
  /** Persons seen as the subject of a feminine verb. */
  private feminineIds = new Set<string>();

  /** Records a speaker (`speaker` true) or a sentence subject seen in `paragraph`. */
  record(
    m: Pick<SpeakerMention, 'entityId' | 'type' | 'feminine'>,
    text: string,
    paragraph: number,
    speaker: boolean,
  ): void {
    if (m.type !== 'PER' && m.type !== 'ORG') return;
    this.history.push({ entityId: m.entityId, text, type: m.type, feminine: m.feminine, paragraph, speaker });
  }

  markFeminine(entityId: string): void {
    this.feminineIds.add(entityId);
  }

  private compatible(h: HistoryEntry, gender: CueForm['gender']): boolean {
    if (gender === 'pl') return false;
    const fem = h.type === 'ORG' ? h.feminine : this.feminineIds.has(h.entityId);
    if (gender === 'f') return h.type === 'ORG' || fem;
    return !fem;
  }

  /** The antecedent of a dropped subject or a pronoun, or null. */
  antecedent(gender: CueForm['gender'], continuation: boolean, paragraph: number): HistoryEntry | null {
    const usable = (h: HistoryEntry): boolean =>
      paragraph - h.paragraph <= MAX_ANTECEDENT_PARAGRAPHS && this.compatible(h, gender);
    if (continuation) {
      for (let i = this.history.length - 1; i >= 0; i--) {
        const h = this.history[i];
        if (h.speaker && usable(h)) return h;
      }
    }
    for (let i = this.history.length - 1; i >= 0; i--) if (usable(this.history[i])) return this.history[i];
    return null;
  }
}

/** Same-entity mentions joined with only spaces between them («الرئيس الروسي» + «فلاديمير بوتين»). */
function extendSameEntity(c: ParaCtx, m: SpeakerMention): number {
  let end = m.end;
  for (const n of mentionsIn(c.mentions, m.end, m.end + 200)) {
    if (n.entityId !== m.entityId || c.text.slice(end, n.start).trim() !== '') break;
    end = n.end;
  }
  return end;
}

/** «مسؤول», «المتحدثة», «مسؤولان», «منظمون»: a noun that can head an unnamed speaker. */
function isSpeakerHead(c: ParaCtx, t: QTok): boolean {
  const bare = bareForm(t.norm);
  if (c.lex.speakerNouns.has(bare)) return true;
  const stem = bare.replace(/(ون|ان|ين|ات|ه)$/, '');
  return c.lex.speakerNouns.has(stem) || (bare.endsWith('ون') && bare.length > 4);
}

/** Heads that pick members out of a group («أحد», «بعض»). */
const QUANTIFIERS = new Set(['احد', 'احدي', 'بعض', 'عدد', 'معظم', 'غالبيه', 'اغلب', 'كثير']);

/** The preferred speaker among mentions: PER, then ORG, then a country/metonym heading the phrase. */
function preferSpeaker(ms: SpeakerMention[], npStart: number): SpeakerMention | null {
  return (
    ms.find((m) => m.type === 'PER') ??
    ms.find((m) => m.type === 'ORG') ??
    ms.find((m) => m.metonym && m.start <= npStart) ??
    null
  );
}

function attributionOf(c: ParaCtx, m: SpeakerMention, how: Attribution['how'], from = m.start): Attribution {
  return {
    entityId: m.entityId,
    text: c.text.slice(Math.min(from, m.start), extendSameEntity(c, m)),
    type: m.type,
    feminine: m.feminine,
    how,
  };
}

/**
 * The explicit subject after a verb cue (rule 2): walks the gap skipping adverbials and
 * prepositional phrases; the first other word starts the subject noun phrase.
 */
function explicitSubject(
  c: ParaCtx,
  cue: Cue,
): { attribution: Attribution; end: number; mention: SpeakerMention | null } | null {
  const { toks } = c.par;
  let inPP = false;
  for (let i = cue.lastTok + 1; i < cue.gapEnd; i++) {
    const t = toks[i];
    if (!t.word) continue;
    const m = mentionStartingIn(c, t);
    if (m && (inPP || gluedToPreposition(c, t, m))) {
      i = tokAt(c.par, m.end) - 1;
      continue;
    }
    if (!m) {
      const cls = classesOf(c.lex, t);
      if (isPrepWord(c, t)) {
        inPP = true;
        // An addressee with a quoted name ends at its closing mark, and the subject may follow:
        // «وقال لـ"الاقتصادية" طلعت حافظ إن …».
        const next = toks[i + 1];
        if (/^[وف]?ل/.test(t.norm) && next?.mark === 'open' && c.par.quotes[next.quote]) {
          i = c.par.quotes[next.quote].closeTok;
          inPP = false;
        }
        continue;
      }
      if (cls.has('adv') || inPP) continue;
    }
    // The subject noun phrase starts at token i.
    const npStart = t.start;
    let j = i;
    let words = 0;
    let last = i;
    const inside: SpeakerMention[] = [];
    while (j < cue.gapEnd && words < MAX_SUBJECT_NP_WORDS) {
      const u = toks[j];
      if (u.mark) {
        // a quoted name inside the phrase: «صحيفة "الغارديان"»
        j++;
        continue;
      }
      if (!u.word) break;
      const um = mentionStartingIn(c, u);
      if (um && !gluedToPreposition(c, u, um)) {
        inside.push(um);
        const after = tokAt(c.par, um.end);
        words += after - j;
        last = after - 1;
        j = after;
        if (um.type === 'PER') break; // a name closes the phrase
        continue;
      }
      const cls = classesOf(c.lex, u);
      if (
        j > i &&
        (cls.has('comp') ||
          cls.has('adv') ||
          RELATIVE_PRONOUNS.has(u.norm) ||
          (isPrepWord(c, u) && !cls.has('title-prep')))
      )
        break;
      if (um) inside.push(um);
      last = j;
      words++;
      j++;
    }
    // «أحد مستخدمي فيسبوك», «بعض أعضاء الحزب»: one of a group is not the group
    const partOfGroup = QUANTIFIERS.has(withoutConjunction(toks[i].norm) ?? toks[i].norm);
    const best = partOfGroup ? null : preferSpeaker(inside, npStart);
    if (best) return { attribution: attributionOf(c, best, 'explicit', npStart), end: j, mention: best };
    // Without a name, only a speaker noun or a nominative plural is a subject; anything else may
    // be the object of a verb whose subject was dropped («اعتبر القدس عاصمة»). A quoted name
    // there is a subject too («ذكرت "سوني بيكتشرز" في بيان»).
    if (!isSpeakerHead(c, toks[i]) && toks[i].quote === -1) return null;
    return {
      attribution: {
        entityId: null,
        text: c.text.slice(npStart, toks[last].end),
        type: null,
        feminine: false,
        how: 'unnamed',
      },
      end: j,
      mention: null,
    };
  }
  return null;
}

/** The mention follows a preposition, standalone («مع بوتين») or glued («لبوتين»). */
export function afterPreposition(c: ParaCtx, m: SpeakerMention): boolean {
  const { toks } = c.par;
  const i = tokAt(c.par, m.start);
  const owner = toks[i] && toks[i].start === m.start ? i : i - 1;
  const t = toks[owner];
  if (!t) return false;
  const prev = toks[owner - 1];
  return (!!prev && prev.word && isPrepWord(c, prev)) || gluedToPreposition(c, t, m);
}

/** The first PER/ORG mention of [s, e) not inside a prepositional phrase (a sentence subject). */
export function subjectIn(c: ParaCtx, s: number, e: number, maxWords: number): SpeakerMention | null {
  const { toks } = c.par;
  let words = 0;
  for (let i = s; i < e && words < maxWords; i++) {
    const t = toks[i];
    if (!t.word || t.quote !== -1) continue;
    words++;
    const m = mentionStartingIn(c, t);
    if (!m) continue;
    if (!afterPreposition(c, m) && (m.type === 'PER' || m.type === 'ORG')) return m;
    i = tokAt(c.par, m.end) - 1;
  }
  return null;
}

/** The speaker named after a source phrase («بحسب X», «نقلاً عن X»): PP objects count here. */
function sourceSpeaker(c: ParaCtx, from: number, end: number): { a: Attribution; m: SpeakerMention } | null {
  const { toks } = c.par;
  let words = 0;
  for (let i = from; i < end && words < MAX_SUBJECT_NP_WORDS; i++) {
    const t = toks[i];
    if (!t.word) {
      if (isComma(t) || t.mark) break;
      continue;
    }
    words++;
    const m = mentionStartingIn(c, t);
    if (m && (m.type === 'PER' || m.type === 'ORG' || m.metonym)) return { a: attributionOf(c, m, 'source'), m };
  }
  return null;
}

interface Found {
  a: Attribution;
  m: SpeakerMention | null;
}

/**
 * Resolves every cue of a segment in order (rules 1–5 above) and records speakers in the
 * discourse. `segStart` is the segment's first token.
 */
export function attributeCues(c: ParaCtx, cues: Cue[], segStart: number, dis: Discourse): void {
  let previous: Found | null = null;
  for (const cue of cues) {
    const found = resolveCue(c, cue, segStart, dis, previous);
    cue.attribution = found?.a ?? NO_SPEAKER;
    if (found) previous = found;
    const a = cue.attribution;
    if (a.entityId && a.type)
      dis.record({ entityId: a.entityId, type: a.type, feminine: a.feminine }, a.text ?? '', c.par.index, true);
  }
}

function resolveCue(c: ParaCtx, cue: Cue, segStart: number, dis: Discourse, previous: Found | null): Found | null {
  const { toks } = c.par;
  const gender = cue.form?.gender ?? ownWordsGender(toks[cue.lastTok]?.norm ?? '');
  const finite = cue.kind === 'verb' && cue.form?.pos !== 'participle';

  // 1. source phrases, «نقل … عن X», «… نقلاً عن X»
  if (cue.kind === 'source') return sourceSpeaker(c, cue.lastTok + 1, toks.length);
  for (let i = cue.lastTok + 1; i < cue.gapEnd; i++) {
    const w = withoutConjunction(toks[i].norm) ?? toks[i].norm;
    if (cue.form?.lemma === 'نقل' && w === 'عن') return sourceSpeaker(c, i + 1, cue.gapEnd);
    if (w === 'نقلا' && toks[i + 1]?.norm === 'عن') return sourceSpeaker(c, i + 2, cue.gapEnd);
  }
  // 2. explicit subject after a finite verb
  if (finite) {
    const sub = explicitSubject(c, cue);
    if (sub) {
      cue.subjectEnd = sub.end;
      if (sub.mention && sub.mention.type === 'PER' && gender === 'f') dis.markFeminine(sub.mention.entityId);
      return { a: sub.attribution, m: sub.mention };
    }
  }
  // 3. subject right before a verb without و/ف («الوزارة قالت», «بوتين، قال»)
  if (finite && !cue.prefixed && !cue.backward) {
    const m = subjectJustBefore(c, cue.tok);
    if (m) return { a: attributionOf(c, m, 'svo'), m };
  }
  // 4. same sentence: the previous cue's speaker (named or not), else the sentence subject
  if (previous)
    return { a: { ...previous.a, how: previous.a.how === 'unnamed' ? 'unnamed' : 'sentence' }, m: previous.m };
  const m = subjectIn(c, segStart, cue.tok, SUBJECT_WINDOW_WORDS);
  if (m) return { a: attributionOf(c, m, 'sentence'), m };
  // 5. discourse
  const h = dis.antecedent(gender, !!cue.form?.continuation, c.par.index);
  if (h)
    return { a: { entityId: h.entityId, text: h.text, type: h.type, feminine: h.feminine, how: 'discourse' }, m: null };
  return null;
}

/** A PER/ORG mention ending right before token i (spaces or one comma between), not after a preposition. */
function subjectJustBefore(c: ParaCtx, i: number): SpeakerMention | null {
  const { toks } = c.par;
  let k = i - 1;
  if (isComma(toks[k])) k--;
  const t = toks[k];
  if (!t || !t.word || t.quote !== -1) return null;
  const m = mentionsIn(c.mentions, t.start, t.end).find((x) => x.end >= t.end - 1 && x.end <= t.end);
  if (!m || (m.type !== 'PER' && m.type !== 'ORG')) return null;
  const first = tokAt(c.par, m.start);
  const owner = toks[first] && toks[first].start === m.start ? first : first - 1;
  const prev = toks[owner - 1];
  if ((prev && prev.word && isPrepWord(c, prev)) || (toks[owner] && gluedToPreposition(c, toks[owner], m))) return null;
  return m;
}

function ownWordsGender(norm: string): CueForm['gender'] {
  if (norm.endsWith('ها')) return 'f';
  if (norm.endsWith('هم') || norm.endsWith('هما')) return 'pl';
  return 'm';
}
