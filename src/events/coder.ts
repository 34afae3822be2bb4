// The event coder: one pass over the document's sentences, in order, keeping the little discourse
// state news prose relies on (the subject carried to pro-drop verbs, the narrative date).
//
// Per sentence: triggers → which of them are content of a verbal event («رفض الاعتراف بـ…») →
// roles → negation and modality → date, place → one EventRecord each. Triggers inside quotes are
// the speaker's words and are not coded; events without a named actor are dropped (precision first)
// unless `requireActor` is off, which only the detection evaluation does.
import type { Analysis, EventRecord, TextSpan } from '../analysis/types.js';
import {
  clauseLocation,
  isAfterPublication,
  isHistorical,
  publicationDay,
  sentenceDate,
} from './anchor.js';
import { eventLexicon, fold, type EventLexicon, type LexEntry, type PloverType } from './lexicon.js';
import { groupMentions, mentionViews, nounHeadsOf, type MentionGroup, type MentionView } from './mentions.js';
import { isNegated, modalityOf, quoteMask } from './modality.js';
import { rolesOf, type RoleContext } from './roles.js';
import { findTriggers, type TriggerMatch } from './triggers.js';
import { sentenceViews, type SentenceView, type Word } from './words.js';

export interface EventCoderOptions {
  /**
   * Drop events whose actor is not a named entity (the default). Turned off only to measure trigger
   * detection on sentences without entities (eval/events.mjs); never in the pipeline.
   */
  requireActor: boolean;
}

export const DEFAULT_CODER_OPTIONS: EventCoderOptions = { requireActor: true };

/** A verb inside a verbal event's clause is its content only when introduced like this (أن يـ، لـ). */
const COMPLEMENT_WINDOW = 2;
/** A bare past stem right after a verbal trigger reads as its verbal noun within this many words. */
const MASDAR_WINDOW = 6;

/** Symmetric types: the same meeting told from either side is one event. */
const SYMMETRIC: ReadonlySet<PloverType> = new Set(['CONSULT', 'COOPERATE']);

/** Entity types that may act or receive (MISC only as a nationality: «متظاهرون فلسطينيون»). */
function canParticipate(v: MentionView): boolean {
  return v.type !== 'MISC' || v.entity.subtype === 'NORP';
}

/** Entity ids of a group: each member, then the state a metonym stands for (الكرملين → Russia). */
function participantIds(groups: MentionGroup[]): string[] {
  const ids: string[] = [];
  const add = (id: string | null | undefined) => {
    if (id && !ids.includes(id)) ids.push(id);
  };
  for (const grp of groups) {
    for (const m of grp.members) {
      if (!canParticipate(m)) continue;
      add(m.entity.id);
      add(m.entity.standsFor);
      add(m.entity.actsFor);
    }
  }
  return ids;
}

/** Words that introduce a protest's grievance: «احتجاجاً على مقتل …», «تظاهروا ضد الغارات». */
const GRIEVANCE_WORDS: ReadonlySet<string> = new Set(['علي', 'ضد']);
/** How many words may stand between «على/ضد» and the grievance noun («على تنفيذ الإعدام»). */
const GRIEVANCE_WINDOW = 3;

/**
 * Heads of triggers that are the content of an earlier trigger, mapped to it: what a verbal event is
 * about («رفض الاعتراف», «هدد بقصف», «دعا إلى وقف إطلاق النار»), and the grievance of a protest
 * («احتجاجاً على مقتل …»): told as background, not as events of the sentence.
 */
function absorptions(words: Word[], triggers: TriggerMatch[], lex: EventLexicon, quoted: boolean[]): Map<number, number> {
  const g = lex.grammar;
  const owner = new Map<number, number>();
  const bare = (w: Word) => (w.norm.length > 2 ? w.norm.replace(/^[وف]/, '') : w.norm);
  triggers.forEach((a, ai) => {
    if (owner.has(a.head)) return;
    const verbal = a.entry.absorbs;
    const protest = a.entry.type === 'PROTEST';
    if (!verbal && !protest) return;
    for (let bi = ai + 1; bi < triggers.length; bi++) {
      const b = triggers[bi];
      const between = words.slice(a.head + 1, b.head);
      if (between.some((w) => w.kind === 'punct' && g.clauseBreaks.has(w.norm))) break;
      // words in a quote are not the content of a verb outside it, and the reverse
      if (quoted[a.head] && (!quoted[b.head] || between.some((w) => w.norm === '"'))) break;
      const lead = words.slice(Math.max(a.head + 1, b.head - GRIEVANCE_WINDOW), b.head);
      if (protest && b.pos === 'noun' && lead.some((w) => GRIEVANCE_WORDS.has(bare(w)))) {
        owner.set(b.head, a.head);
        continue;
      }
      if (!verbal) continue;
      const introduced = words
        .slice(Math.max(a.head + 1, b.head - COMPLEMENT_WINDOW), b.head)
        .some((w) => g.complementizers.has(w.norm) || g.complementizers.has(bare(w)));
      const subjunctive = b.pos === 'present' && b.variant.pro.replace(/^[وف]/, '') === 'ل';
      const masdar = b.bareStem && bi === ai + 1 && b.head - a.head <= MASDAR_WINDOW && !between.some((w) => w.kind === 'punct');
      if (b.pos === 'noun' || introduced || subjunctive || masdar) {
        owner.set(b.head, a.head);
        continue;
      }
      break; // a finite verb of its own starts a new clause
    }
  });
  return owner;
}

/** PLOVER mode of a verbal event from what it is about (THREATEN to strike → violence …). */
function modeFromContent(entry: LexEntry, content: LexEntry[]): { mode: string | null; cameo: string } {
  const types = new Set(content.map((c) => c.type));
  const has = (...t: PloverType[]) => t.some((x) => types.has(x));
  if (entry.type === 'THREATEN') {
    if (has('ASSAULT', 'MOBILIZE')) return { mode: 'violence', cameo: '138' };
    const coerce = content.find((c) => c.type === 'COERCE');
    if (coerce?.mode === 'arrest') return { mode: 'arrest', cameo: entry.cameo };
    if (has('SANCTION', 'COERCE')) return { mode: 'restrict', cameo: entry.cameo };
  }
  if (entry.type === 'REJECT' || entry.type === 'REQUEST') {
    if (has('CONSULT')) return { mode: 'meet', cameo: entry.type === 'REJECT' ? '125' : entry.cameo };
    if (has('RETREAT', 'CONCEDE')) return { mode: 'yield', cameo: entry.cameo };
    if (has('AID', 'COOPERATE', 'SUPPORT', 'AGREE')) return { mode: 'assist', cameo: entry.cameo };
  }
  return { mode: entry.mode, cameo: entry.cameo };
}

function span(doc: Analysis, start: number, end: number): TextSpan {
  return { start, end, text: doc.text.slice(start, end) };
}

/** The evidence of an event: its sentence without surrounding white space. */
function sentenceSpan(doc: Analysis, s: SentenceView): TextSpan {
  let start = s.start;
  let end = s.end;
  while (start < end && /\s/.test(doc.text[start])) start++;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  return span(doc, start, end);
}

/** The entity the dateline names, for the lead event's place. */
function datelineEntity(doc: Analysis): string | null {
  const place = doc.article.dateline?.place;
  if (!place) return null;
  const key = fold(place);
  for (const e of doc.entities) {
    if (e.type !== 'LOC') continue;
    if (e.mentions.some((m) => m.source === 'dateline' || fold(m.text) === key)) return e.id;
  }
  return null;
}

/** The sentence's subject for pro-drop in the next clauses: an early core PER/ORG group. */
const EARLY_SUBJECT_WORDS = 6;

function sentenceSubject(groups: MentionGroup[], quoted: boolean[]): MentionGroup | null {
  for (const grp of groups) {
    if (grp.first > EARLY_SUBJECT_WORDS) return null;
    if (quoted[grp.first] || grp.left.kind !== 'core') continue;
    if (grp.members.some((m) => m.type === 'PER' || m.type === 'ORG')) return grp;
  }
  return null;
}

function isPersonOrOrg(grp: MentionGroup): boolean {
  return grp.members.some((m) => m.type === 'PER' || m.type === 'ORG');
}

/** A group detached from its sentence, to be carried to later ones. */
function detach(grp: MentionGroup): MentionGroup {
  return { members: grp.members, first: -1, last: -1, left: { kind: 'core' } };
}

function dedupeKey(e: EventRecord, people: ReadonlySet<string>): string {
  let parties: string;
  if (SYMMETRIC.has(e.type as PloverType)) {
    // a meeting is identified by who met: the people when named, else every party
    const all = [...new Set([...e.actor, ...e.recipient])];
    const persons = all.filter((id) => people.has(id));
    parties = (persons.length >= 2 ? persons : all).sort().join(',');
  } else {
    parties = `${[...e.actor].sort().join(',')}>${[...e.recipient].sort().join(',')}`;
  }
  return [e.type, parties, e.date ?? '', e.negated, e.factuality].join('|');
}

/** One event per happening: the same event told twice (caption and body, title and lead) is kept once. */
function dedupe(events: EventRecord[], people: ReadonlySet<string>): EventRecord[] {
  const seen = new Map<string, EventRecord>();
  const out: EventRecord[] = [];
  for (const e of events) {
    const key = dedupeKey(e, people);
    const first = seen.get(key);
    if (first) {
      if (!first.location && e.location) first.location = e.location;
      continue;
    }
    seen.set(key, e);
    out.push(e);
  }
  return out;
}

/** Codes the events of a document. Pure: reads the layers, returns new records. */
export function codeEvents(doc: Analysis, options: EventCoderOptions = DEFAULT_CODER_OPTIONS): EventRecord[] {
  const lex = eventLexicon();
  const g = lex.grammar;
  const published = publicationDay(doc);
  const views = sentenceViews(doc);
  const blockKinds = new Map<number, string>();
  for (const s of views) blockKinds.set(s.block, s.blockKind);
  // the lead: the first body paragraph that tells an event (the dateline places it)
  let leadBlock = -1;
  const dateline = datelineEntity(doc);

  const events: EventRecord[] = [];
  let carried: MentionGroup | null = null;
  let narrativeDate: { value: string; block: number } | null = null;

  for (const s of views) {
    const inBody = s.blockKind === 'paragraph';
    if (s.blockKind === 'subheading' || s.blockKind === 'title') narrativeDate = null;
    const triggers = findTriggers(s.words, lex);
    const mask = quoteMask(doc, s);
    const groups = groupMentions(mentionViews(doc, s, g, nounHeadsOf(triggers), fold));
    let subjectForNext: MentionGroup | null = null;

    if (triggers.length) {
      const owner = absorptions(s.words, triggers, lex, mask.quoted);
      const coded = triggers.filter((t) => !owner.has(t.head));
      const timeWord = new Set<number>();
      for (const t of doc.times) for (const w of s.words) if (w.start >= t.start && w.end <= t.end) timeWord.add(w.i);
      const ctx: RoleContext = {
        words: s.words,
        groups,
        lex,
        timeWord,
        otherHeads: new Set(coded.map((t) => t.head)),
        carried: inBody ? carried : null,
        quoted: mask.quoted,
      };
      // inside a quote the speaker's own syntax counts: subjects from the quote, nothing carried in
      const noQuotes = new Array<boolean>(s.words.length).fill(false);
      const quotedCtx: RoleContext = { ...ctx, carried: null, quoted: noQuotes };
      for (const t of coded) {
        const inQuote = mask.quoted[t.head];
        const complements = new Set(triggers.filter((b) => owner.get(b.head) === t.head).map((b) => b.head));
        const content = triggers.filter((b) => complements.has(b.head)).map((b) => b.entry);
        const roles = rolesOf(inQuote ? quotedCtx : ctx, t, complements);
        const entry = t.entry;
        let recipientGroups = roles.recipient;
        if (entry.recipientTypes) {
          const allowed = entry.recipientTypes;
          recipientGroups = recipientGroups.filter((grp) => grp.members.some((m) => allowed.has(m.type)));
        }
        if ((entry.needsRecipient || (t.pos === 'noun' && entry.nounNeedsRecipient)) && !recipientGroups.length) continue;
        let actorGroups = roles.actor;
        if (entry.hostSwap) [actorGroups, recipientGroups] = [recipientGroups, actorGroups];
        if (entry.mutual) [actorGroups, recipientGroups] = [[...actorGroups, ...recipientGroups], []];
        const actor = participantIds(actorGroups);
        const recipient = participantIds(recipientGroups).filter((id) => !actor.includes(id));
        if (options.requireActor && !actor.length) continue;

        const modality = modalityOf(s.words, t, g, roles.lightVerb);
        const own = sentenceDate(doc, s, s.words[t.head], inQuote ? noQuotes : mask.quoted, g);
        let date: string | null = own;
        if (!date && !modality.pluperfect && !modality.future && !modality.hypothetical) {
          const adjacent =
            narrativeDate !== null &&
            inBody &&
            (narrativeDate.block === s.block || (narrativeDate.block === s.block - 1 && blockKinds.get(s.block - 1) === 'paragraph'));
          date = adjacent && narrativeDate ? narrativeDate.value : published;
        }
        let factuality: EventRecord['factuality'] = 'asserted';
        if (inQuote || mask.reported[t.head]) factuality = 'reported';
        else if (modality.hypothetical) factuality = 'hypothetical';
        else if (modality.future || (own !== null && isAfterPublication(own, published))) factuality = 'future';
        else if (date !== null && isHistorical(date, published)) factuality = 'historical';

        if (leadBlock < 0 && inBody) leadBlock = s.block;
        const location =
          clauseLocation(s.words, groups, t.head, g, inQuote ? noQuotes : mask.quoted) ?? (s.block === leadBlock && !inQuote ? dateline : null);
        const { mode, cameo } = modeFromContent(entry, content);
        const code = lex.cameo.get(cameo);
        const head = s.words[t.head];
        events.push({
          type: entry.type,
          mode,
          context: [...entry.context],
          actor,
          recipient,
          date,
          location,
          negated: isNegated(s.words, t, g, roles.lightVerb),
          factuality,
          cameo,
          quad_class: entry.quad,
          goldstein: code ? code.goldstein : entry.goldstein,
          evidence: sentenceSpan(doc, s),
          trigger: span(doc, head.start, head.end),
          sentence: s.index,
        });
        if (own !== null && factuality === 'asserted') narrativeDate = { value: own, block: s.block };
        const explicit = !inQuote && (roles.how === 'svo' || roles.how === 'vso' || roles.how === 'relative');
        if (explicit && roles.actor[0] && isPersonOrOrg(roles.actor[0])) subjectForNext = roles.actor[0];
      }
    }
    if (inBody) {
      const next = subjectForNext ?? sentenceSubject(groups, mask.quoted);
      if (next) carried = detach(next);
    }
  }
  return dedupe(events, new Set(doc.entities.filter((e) => e.type === 'PER').map((e) => e.id)));
}
