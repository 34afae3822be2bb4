// The event coder: one pass over the document's sentences, in order, keeping the little discourse
// state news prose relies on (the subject carried to pro-drop verbs, the narrative date).
//
// Per sentence: triggers → which of them are the content of another («رفض الاعتراف بـ…», «احتجاجاً
// على مقتل …») → roles → negation and modality → date, place → one EventRecord each. Triggers inside
// quotes are the speaker's words: coded as «reported», with subjects from the quote only. Events
// without a named actor are dropped (precision first) unless `requireActor` is off, which only the
// detection evaluation does. Headlines are not coded; the same event told twice is kept once.
import type { Analysis, EventRecord, TextSpan } from '../analysis/types.js';
import { clauseLocation, isAfterPublication, isHistorical, publicationDay, sentenceDate } from './anchor.js';
import { eventLexicon, fold, QUAD_CLASS, type EventLexicon, type LexEntry, type PloverType } from './lexicon.js';
import { groupMentions, mentionViews, type MentionGroup, type MentionView } from './mentions.js';
import { isNegated, modalityOf, quoteMask, type Modality } from './modality.js';
import { rolesOf, type RoleContext } from './roles.js';
import { findTriggers, isLightVerb, type TriggerMatch } from './triggers.js';
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

/** Prepositions that tie a noun after a comma to the verb before it: «دعا …، إلى …». */
const CONTENT_PREPOSITIONS: ReadonlySet<string> = new Set(['الي', 'علي', 'عن', 'ب', 'ل']);

/** Words that introduce a protest's grievance: «احتجاجاً على مقتل …», «تظاهروا ضد الغارات». */
const GRIEVANCE_WORDS: ReadonlySet<string> = new Set(['علي', 'ضد']);
/** How many words may stand between «على/ضد» and the grievance noun («على تنفيذ الإعدام»). */
const GRIEVANCE_WINDOW = 3;

/**
 * Heads of triggers that are the content of an earlier trigger, mapped to it: what a verbal event is
 * about («رفض الاعتراف», «هدد بقصف», «دعا إلى وقف إطلاق النار»), and the grievance of a protest
 * («احتجاجاً على مقتل …»): told as background, not as events of the sentence.
 */
function absorptions(
  words: Word[],
  triggers: TriggerMatch[],
  lex: EventLexicon,
  quoted: boolean[],
): Map<number, number> {
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
      // a light verb («وأعلن», «ونفذ») opens a clause of its own
      if (between.some((w) => isLightVerb(w, lex, b.entry.type))) break;
      // past a comma, only a noun its preposition ties to the verb is still its content («دعا …، إلى وقف القصف»)
      const comma = between.some((w) => w.kind === 'punct' && g.softBreaks.has(w.norm));
      const tied = words
        .slice(Math.max(a.head + 1, b.head - COMPLEMENT_WINDOW), b.head)
        .some((w) => CONTENT_PREPOSITIONS.has(bare(w)) || /^[وف]?[بل]/.test(b.variant.pro));
      if (comma && !tied) break;
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
      const masdar =
        b.bareStem && bi === ai + 1 && b.head - a.head <= MASDAR_WINDOW && !between.some((w) => w.kind === 'punct');
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
    // a news agency named in the text («ـ أ ف ب:») reports; it does not act
    if (grp.members.some((m) => m.type === 'PER' || (m.type === 'ORG' && m.entity.subtype !== 'MEDIA'))) return grp;
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

/** What the coder carries from sentence to sentence. */
interface Discourse {
  /** The last PER/ORG subject, for pro-drop verbs in later sentences of the body. */
  carried: MentionGroup | null;
  /** The explicit date of the last asserted event and the block it was in. */
  narrativeDate: { value: string; block: number } | null;
  /** The first body block that told an event: the dateline places its events. */
  leadBlock: number;
}

interface DocContext {
  doc: Analysis;
  lex: EventLexicon;
  options: EventCoderOptions;
  published: string | null;
  dateline: string | null;
  blockKinds: Map<number, string>;
}

/**
 * The date of an event without a time of its own in its sentence: the narrative's date when the
 * previous event with an explicit date is in this paragraph or the one before, else the publication
 * day — except for future, hypothetical and pluperfect («كان قد») events, which stay undated.
 */
function fallbackDate(dc: DocContext, state: Discourse, s: SentenceView, modality: Modality): string | null {
  if (modality.pluperfect || modality.future || modality.hypothetical) return null;
  const nd = state.narrativeDate;
  const adjacent =
    nd !== null &&
    s.blockKind === 'paragraph' &&
    (nd.block === s.block || (nd.block === s.block - 1 && dc.blockKinds.get(s.block - 1) === 'paragraph'));
  return adjacent && nd ? nd.value : dc.published;
}

function factualityOf(
  dc: DocContext,
  reported: boolean,
  modality: Modality,
  own: string | null,
  date: string | null,
): EventRecord['factuality'] {
  if (reported) return 'reported';
  if (modality.hypothetical) return 'hypothetical';
  if (modality.future || (own !== null && isAfterPublication(own, dc.published))) return 'future';
  if (date !== null && isHistorical(date, dc.published)) return 'historical';
  return 'asserted';
}

/** The events of one sentence; updates the discourse state. */
function codeSentence(dc: DocContext, state: Discourse, s: SentenceView): EventRecord[] {
  const { doc, lex } = dc;
  const g = lex.grammar;
  const inBody = s.blockKind === 'paragraph';
  const triggers = findTriggers(s.words, lex);
  const mask = quoteMask(doc, s);
  const groups = groupMentions(mentionViews(doc, s, g, triggers, fold));
  const early = sentenceSubject(groups, mask.quoted);
  const out: EventRecord[] = [];
  let explicitSubject: MentionGroup | null = null;
  // the subject of the last verb of this sentence: a group, null when unnamed, undefined before any
  let clauseSubject: MentionGroup | null | undefined;

  const owner = absorptions(s.words, triggers, lex, mask.quoted);
  const coded = triggers.filter((t) => !owner.has(t.head));
  const timeWord = new Set<number>();
  const times = doc.times.filter((t) => t.start >= s.start && t.end <= s.end);
  for (const t of times) for (const w of s.words) if (w.start >= t.start && w.end <= t.end) timeWord.add(w.i);
  const noQuotes = new Array<boolean>(s.words.length).fill(false);

  for (const t of coded) {
    const inQuote = mask.quoted[t.head];
    // pro-drop: the last explicit subject in this sentence, its early subject, or the previous sentences'
    const mainHere = (early && early.last < t.head ? early : null) ?? (inBody ? state.carried : null);
    const carriedHere = clauseSubject !== undefined ? clauseSubject : mainHere;
    const outside = inQuote || mask.reported[t.head];
    const ctx: RoleContext = {
      words: s.words,
      groups,
      lex,
      timeWord,
      otherHeads: new Set(coded.map((c) => c.head)),
      // inside a quote the speaker's own syntax counts: subjects from the quote, nothing carried in
      carried: outside ? null : carriedHere,
      carriedFromBefore: clauseSubject === undefined && !(early && early.last < t.head),
      mainCarried: outside ? null : mainHere,
      quoted: inQuote ? noQuotes : mask.quoted,
    };
    const complements = new Set(triggers.filter((b) => owner.get(b.head) === t.head).map((b) => b.head));
    const content = triggers.filter((b) => complements.has(b.head)).map((b) => b.entry);
    const roles = rolesOf(ctx, t, complements);
    // the subject a later coordinated verb of this sentence shares (even when this event is dropped)
    const explicit = !inQuote && (roles.how === 'svo' || roles.how === 'vso' || roles.how === 'relative');
    if (explicit && roles.actor[0]) explicitSubject = clauseSubject = roles.actor[0];
    else if (!inQuote && roles.how === 'unnamed') clauseSubject = null;
    const entry = t.entry;
    let recipientGroups = roles.recipient;
    if (entry.recipientTypes) {
      const allowed = entry.recipientTypes;
      recipientGroups = recipientGroups.filter((grp) => grp.members.some((m) => allowed.has(m.type)));
    }
    if ((entry.needsRecipient || (t.pos === 'noun' && entry.nounNeedsRecipient)) && !recipientGroups.length) continue;
    let actorGroups = roles.actor;
    if (entry.hostSwap) [actorGroups, recipientGroups] = [recipientGroups, actorGroups];
    // two-sided events: every named side acts — but a partner («مع X») alone does not make an actor
    if (entry.mutual && actorGroups.length) [actorGroups, recipientGroups] = [[...actorGroups, ...recipientGroups], []];
    // an act whose reading depends on who does it («هاجم» by a person is verbal)
    const asPerson =
      entry.personActor && actorGroups.length && actorGroups.every((grp) => grp.members.every((m) => m.type === 'PER'));
    const coding =
      asPerson && entry.personActor
        ? { ...entry, ...entry.personActor, quad: QUAD_CLASS[entry.personActor.type] }
        : entry;
    const actor = participantIds(actorGroups);
    const recipient = participantIds(recipientGroups).filter((id) => !actor.includes(id));
    if (dc.options.requireActor && !actor.length) continue;

    const modality = modalityOf(s.words, t, g, roles.lightVerb);
    const own = sentenceDate(times, dc.published, s, s.words[t.head], ctx.quoted, g);
    const date = own ?? fallbackDate(dc, state, s, modality);
    const factuality = factualityOf(dc, inQuote || mask.reported[t.head], modality, own, date);
    if (state.leadBlock < 0 && inBody) state.leadBlock = s.block;
    const location =
      clauseLocation(s.words, groups, t.head, g, ctx.quoted) ??
      (s.block === state.leadBlock && !inQuote ? dc.dateline : null);
    const { mode, cameo } = modeFromContent(coding, content);
    const head = s.words[t.head];
    out.push({
      type: coding.type,
      mode,
      context: [...coding.context],
      actor,
      recipient,
      date,
      location,
      negated: isNegated(s.words, t, g, roles.lightVerb),
      factuality,
      cameo,
      quad_class: coding.quad,
      goldstein: lex.cameo.get(cameo)?.goldstein ?? coding.goldstein,
      evidence: sentenceSpan(doc, s),
      trigger: span(doc, head.start, head.end),
      sentence: s.index,
    });
    if (own !== null && factuality === 'asserted') state.narrativeDate = { value: own, block: s.block };
  }
  // across sentences only a person or organisation is carried to a pro-drop verb
  if (inBody) {
    const next = [explicitSubject, early].find((grp) => grp && isPersonOrOrg(grp));
    if (next) state.carried = detach(next);
  }
  return out;
}

/** Codes the events of a document. Pure: reads the layers, returns new records. */
export function codeEvents(doc: Analysis, options: EventCoderOptions = DEFAULT_CODER_OPTIONS): EventRecord[] {
  const views = sentenceViews(doc);
  const blockKinds = new Map<number, string>();
  for (const s of views) blockKinds.set(s.block, s.blockKind);
  const dc: DocContext = {
    doc,
    lex: eventLexicon(),
    options,
    published: publicationDay(doc),
    dateline: datelineEntity(doc),
    blockKinds,
  };
  const state: Discourse = { carried: null, narrativeDate: null, leadBlock: -1 };
  const events: EventRecord[] = [];
  for (const s of views) {
    // headlines sum up what the body tells with its dates and actors: coding them would only repeat
    // the body's events with the publication date; they end the narrative's time
    if (s.blockKind === 'subheading' || s.blockKind === 'title') {
      state.narrativeDate = null;
      continue;
    }
    events.push(...codeSentence(dc, state, s));
  }
  return dedupe(events, new Set(doc.entities.filter((e) => e.type === 'PER').map((e) => e.id)));
}
