// Coreference inside one article: which mentions name the same real-world referent.
//
//  - linked mentions group by KB id (بوتين = فلاديمير بوتين = per:vladimir-putin);
//  - an unlinked person mention whose words are all among the words of a longer person mention
//    joins it (surname → full name: «توكاييف» → «قاسم جومارت توكاييف»);
//  - other unlinked mentions group by their normalised name (ال and proclitics aside);
//  - title-only mentions («رئيس كازاخستان», «الرئيس الروسي») arrive already linked to the office
//    holder at the article's date (see titles.ts) and join that person.
// Metonyms keep their own entity and type; `standsFor` points to what they stand for.
import type { Entity, EntityType, Mention } from '../analysis/types.js';
import { normalizeArabic } from '../text/normalize.js';

/** Normalised words of a name without glued proclitics on the first word and without ال. */
export function nameWords(surface: string): string[] {
  return normalizeArabic(surface)
    .split(/[\s\-–—_]+/)
    .filter(Boolean)
    .map((w) => (w.length > 4 && w.startsWith('ال') ? w.slice(2) : w));
}

export interface EntityInfo {
  type: EntityType;
  subtype: string | null;
  ar: string;
  en: string | null;
  enTransliterated: boolean;
  wikidata: string | null;
  standsFor: string | null;
  /** People: the state or organisation they held office for at the article's date. */
  actsFor?: string | null;
}

/**
 * Assigns `entityId` to every mention and builds the entities. `infoFor` gives the name and type
 * of a linked entity (from the KB); unlinked ones are described from their longest mention.
 */
export function groupMentions(
  mentions: Mention[],
  infoFor: (kbId: string) => EntityInfo | null,
  describeUnlinked: (canonical: Mention) => EntityInfo,
): { mentions: Mention[]; entities: Entity[] } {
  const groups = new Map<string, Mention[]>();
  const add = (key: string, m: Mention) => {
    const g = groups.get(key);
    if (g) g.push(m);
    else groups.set(key, [m]);
  };
  const unlinked: Mention[] = [];
  for (const m of mentions) {
    if (m.kbId) add(m.kbId, m);
    else unlinked.push(m);
  }

  // Unlinked person mentions: join the person (linked or not) whose name contains all their words.
  const personWords = (ms: Mention[]) => new Set(ms.flatMap((m) => nameWords(m.text)));
  const linkedPeople = [...groups.entries()].filter(([, ms]) => ms[0].type === 'PER');
  // Longest names first, so that a surname finds the full name that introduced it.
  unlinked.sort((a, b) => nameWords(b.text).length - nameWords(a.text).length || a.start - b.start);
  const localKeys = new Map<string, string>(); // normalised name → group key
  for (const m of unlinked) {
    const words = nameWords(m.text);
    if (m.type === 'PER' && words.length) {
      const host =
        linkedPeople.find(([, ms]) => words.every((w) => personWords(ms).has(w))) ??
        [...groups.entries()].find(
          ([k, ms]) => k.startsWith('local:PER:') && words.every((w) => personWords(ms).has(w)),
        );
      if (host) {
        host[1].push(m);
        continue;
      }
    }
    const norm = words.join(' ');
    const key = localKeys.get(`${m.type}:${norm}`) ?? `local:${m.type}:${norm}`;
    localKeys.set(`${m.type}:${norm}`, key);
    add(key, m);
  }

  const entities: Entity[] = [];
  const outMentions: Mention[] = [];
  for (const [key, ms] of groups) {
    ms.sort((a, b) => a.start - b.start);
    const linked = key.startsWith('local:') ? null : infoFor(key);
    const canonical = [...ms]
      .filter((m) => m.source !== 'coref')
      .sort((a, b) => b.end - b.start - (a.end - a.start))[0] ?? ms[0];
    const info = linked ?? describeUnlinked(canonical);
    const id = key;
    const withIds = ms.map((m) => ({ ...m, entityId: id }));
    outMentions.push(...withIds);
    entities.push({
      id,
      type: info.type,
      subtype: info.subtype,
      name: { ar: info.ar, en: info.en },
      ...(info.enTransliterated ? { enTransliterated: true } : {}),
      wikidata: info.wikidata,
      mentions: withIds,
      ...(info.standsFor ? { standsFor: info.standsFor } : {}),
      ...(info.actsFor ? { actsFor: info.actsFor } : {}),
    });
  }
  entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  outMentions.sort((a, b) => a.start - b.start);
  return { mentions: outMentions, entities };
}
