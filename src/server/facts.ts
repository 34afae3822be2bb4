// English renderings of events, for analysts who do not read Arabic:
//   "2022-11-28 CONSULT: Kassym-Jomart Tokayev met Vladimir Putin in Moscow"
// Names come from the article's entities, else the knowledge base; a state listed beside its own
// head of state (the event coder's `actsFor`) is left out of the sentence, since the person
// already stands for it. Verb phrases are data (event-phrases.json).
import type { Analysis, EventRecord } from '../analysis/types.js';
import { loadKb, type Kb } from '../kb/index.js';
import { actsFor } from '../entities/index.js';
import phraseData from './event-phrases.json' with { type: 'json' };
import type { Fact } from './api-types.js';

export type { Fact };

interface Phrases {
  with: string;
  alone: string;
  negated: string;
}
interface PhraseFile {
  types: Record<string, Phrases & { modes?: Record<string, Phrases> }>;
}

const phrases = phraseData as PhraseFile;

/** The parts of an event the sentence needs (an EventRecord and a store EventRow both have them). */
export interface EventLike {
  type: string;
  mode: string | null;
  actor: string[];
  recipient: string[];
  date: string | null;
  location: string | null;
  negated: boolean;
}

/** Display name of an entity id: a local id («local:PER:norm») shows its name. */
export type NameOf = (id: string) => string;

export function kbNameOf(kb: Kb = loadKb()): NameOf {
  return (id) => kb.get(id)?.en ?? (id.startsWith('local:') ? id.split(':').slice(2).join(':') : id);
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The ids of a role to name in the sentence: without the states or bodies that a person in the
 * same list acts for (`agentOf` gives that), and without duplicates.
 */
function shownIds(ids: readonly string[], agentOf: (id: string) => string | null): string[] {
  const represented = new Set(ids.map(agentOf).filter((x): x is string => x !== null));
  const out = ids.filter((id) => !represented.has(id));
  return [...new Set(out.length ? out : ids)];
}

/**
 * One English sentence for an event.
 * @example renderEvent(ev, nameOf, agentOf) // "2022-11-28 CONSULT: Kassym-Jomart Tokayev met Vladimir Putin in Moscow"
 */
export function renderEvent(
  ev: EventLike,
  nameOf: NameOf,
  agentOf: (id: string) => string | null = () => null,
  fallbackDate: string | null = null,
): string {
  const forType = phrases.types[ev.type];
  const p: Phrases = (ev.mode && forType?.modes?.[ev.mode]) ||
    forType || {
      with: `${ev.type.toLowerCase()}`,
      alone: ev.type.toLowerCase(),
      negated: `not ${ev.type.toLowerCase()}`,
    };
  const actors = shownIds(ev.actor, agentOf).map(nameOf);
  const recipients = shownIds(ev.recipient, agentOf).map(nameOf);
  const subject = actors.length ? joinNames(actors) : 'Someone';
  const verb = ev.negated ? p.negated : recipients.length ? p.with : p.alone;
  const object = recipients.length ? ` ${joinNames(recipients)}` : '';
  // A negated phrase is written for a recipient («did not meet X»); alone it reads fine without one.
  const where = ev.location ? ` in ${nameOf(ev.location)}` : '';
  const date = ev.date ?? fallbackDate;
  return `${date ? date + ' ' : ''}${ev.type}: ${subject} ${verb}${object}${where}`;
}

/** English facts for every event of an analysis, names from its own entities first. */
export function factsOf(a: Analysis, kb: Kb = loadKb()): Fact[] {
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const kbName = kbNameOf(kb);
  const nameOf: NameOf = (id) => byId.get(id)?.name.en ?? kb.get(id)?.en ?? byId.get(id)?.name.ar ?? kbName(id);
  const agentOf = (id: string) => byId.get(id)?.actsFor ?? null;
  const published = a.article.published ? a.article.published.slice(0, 10) : null;
  return a.events.map((e: EventRecord, i) => ({
    event: i,
    date: e.date,
    type: e.type,
    goldstein: e.goldstein,
    en: renderEvent(e, nameOf, agentOf, published),
  }));
}

/** For stored event rows (no analysis at hand): who a KB person acts for at the event's date. */
export function kbAgentOf(kb: Kb, date: string | null): (id: string) => string | null {
  return (id) => {
    const e = kb.get(id);
    return e && e.type === 'PER' && date ? actsFor(e, date.slice(0, 10), kb) : null;
  };
}
