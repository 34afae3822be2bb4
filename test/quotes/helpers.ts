// Small Analysis objects for the quote tests: text plus hand-made entities, so that the quote
// stage is tested on its own, whatever the entity stage finds.
import { newAnalysis } from '../../src/analysis/create.js';
import { emptyArticle } from '../../src/analysis/create.js';
import type { Analysis, Entity, EntityType, Mention } from '../../src/analysis/types.js';
import { findQuotes } from '../../src/quotes/index.js';

export interface EntitySpec {
  id: string;
  type: EntityType;
  subtype?: string | null;
  /** Surfaces to mark as mentions wherever they occur (longest first). */
  names: string[];
  standsFor?: string;
}

const LETTER = /[\p{L}\p{M}]/u;
const PROCLITIC = /[وفبلك]/;

/** Every whole-word occurrence of `name` (a glued و/ف/ب/ل/ك before it allowed). */
function occurrences(text: string, name: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const before = text[i - 1];
    const after = text[i + name.length];
    const okBefore =
      before === undefined ||
      !LETTER.test(before) ||
      (PROCLITIC.test(before) &&
        (text[i - 2] === undefined || !LETTER.test(text[i - 2]) || PROCLITIC.test(text[i - 2])));
    const okAfter = after === undefined || !LETTER.test(after);
    if (okBefore && okAfter) out.push(i);
  }
  return out;
}

/** An Analysis over `text` with the given entities' mentions marked (no overlaps). */
export function docWith(text: string, specs: EntitySpec[] = []): Analysis {
  const doc = newAnalysis('t', text, 'body', emptyArticle());
  const taken: Array<[number, number]> = [];
  const all: Array<{ spec: EntitySpec; start: number; end: number }> = [];
  const names = specs
    .flatMap((spec) => spec.names.map((name) => ({ spec, name })))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { spec, name } of names) {
    for (const s of occurrences(text, name)) {
      const e = s + name.length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      taken.push([s, e]);
      all.push({ spec, start: s, end: e });
    }
  }
  all.sort((a, b) => a.start - b.start);
  const entities: Entity[] = specs.map((spec) => ({
    id: spec.id,
    type: spec.type,
    subtype: spec.subtype ?? null,
    name: { ar: spec.names[0], en: null },
    wikidata: null,
    mentions: [],
    standsFor: spec.standsFor ?? null,
  }));
  const mentions: Mention[] = all.map(({ spec, start, end }) => ({
    start,
    end,
    text: text.slice(start, end),
    sentence: 0,
    type: spec.type,
    subtype: spec.subtype ?? null,
    source: 'rule',
    kbId: null,
    entityId: spec.id,
  }));
  for (const m of mentions) entities.find((e) => e.id === m.entityId)!.mentions.push(m);
  return { ...doc, entities, mentions };
}

/** Quotes of `text` with the given entities, as compact records. */
export function quotesOf(text: string, specs: EntitySpec[] = []) {
  return findQuotes(docWith(text, specs)).map((q) => ({
    text: q.text,
    kind: q.kind,
    speaker: q.speaker,
    cue: q.cue,
    speaker_text: q.speaker_text,
  }));
}
