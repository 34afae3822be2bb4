// The entity mentions the quote layer can name as speakers, in text order.
//
// Mentions come from `doc.entities` (the authority for entity ids, including title-only
// coreference mentions such as «رئيس كازاخستان») and from `doc.mentions` when they carry an
// entityId. Nested or overlapping mentions keep the longest one at each place.
import type { Analysis, EntityType } from '../analysis/types.js';
import { foldWord } from './fold.js';

export interface SpeakerMention {
  start: number;
  end: number;
  text: string;
  /** The entity a quote should name: the entity itself, or the one a metonym stands for. */
  entityId: string;
  type: EntityType;
  subtype: string | null;
  /** LOC entities standing for a government or institution (الكرملين، البيت الأبيض). */
  metonym: boolean;
  /** Grammatical gender guessed from the name: organisations whose head noun ends in ة. */
  feminine: boolean;
}

/** Location subtypes that may speak through a metonym («قالت روسيا»). */
const SPEAKING_LOC_SUBTYPES = new Set(['GPE', 'COUNTRY', 'STATE']);

export function collectMentions(doc: Analysis): SpeakerMention[] {
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const raw: SpeakerMention[] = [];
  const add = (m: { start: number; end: number; text: string }, entityId: string | null): void => {
    const ent = entityId ? byId.get(entityId) : undefined;
    if (!ent) return;
    if (!(m.start >= 0 && m.end <= doc.text.length && m.start < m.end)) return;
    const target = ent.standsFor && byId.has(ent.standsFor) ? byId.get(ent.standsFor)! : ent;
    const metonym = ent.type === 'LOC' && (!!ent.standsFor || SPEAKING_LOC_SUBTYPES.has(ent.subtype ?? ''));
    const headWord = foldWord(ent.name.ar.split(/\s+/)[0] ?? '');
    raw.push({
      start: m.start,
      end: m.end,
      text: doc.text.slice(m.start, m.end),
      entityId: target.id,
      type: ent.type === 'LOC' && target !== ent ? target.type : ent.type,
      subtype: ent.subtype,
      metonym,
      feminine: ent.type === 'ORG' && headWord.endsWith('ه'),
    });
  };
  for (const e of doc.entities) for (const m of e.mentions) add(m, e.id);
  for (const m of doc.mentions) if (m.entityId) add(m, m.entityId);
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SpeakerMention[] = [];
  for (const m of raw) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue; // nested or overlapping: the longest one already won
    out.push(m);
  }
  return out;
}

/** Mentions overlapping [start, end), by binary search over the sorted, disjoint list. */
export function mentionsIn(ms: readonly SpeakerMention[], start: number, end: number): SpeakerMention[] {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: SpeakerMention[] = [];
  for (let i = lo; i < ms.length && ms[i].start < end; i++) out.push(ms[i]);
  return out;
}
