// Small Analysis objects for the event tests: the real text stage, hand-made entities and times,
// so that the event coder is tested on its own whatever the entity and time stages find.
import { emptyArticle, newAnalysis } from '../../src/analysis/create.js';
import type {
  Analysis,
  Block,
  BlockKind,
  Entity,
  EntityType,
  EventRecord,
  Mention,
  Quote,
  Timex,
} from '../../src/analysis/types.js';
import { createEventStage } from '../../src/events/index.js';
import { textStage } from '../../src/text/stage.js';

export interface EntitySpec {
  id: string;
  type: EntityType;
  subtype?: string | null;
  /** Surfaces marked as mentions wherever they occur as whole words (a glued و ف ب ل ك allowed). */
  names: string[];
  standsFor?: string;
  actsFor?: string;
}

export interface DocSpec {
  entities?: EntitySpec[];
  /** [surface, TIMEX3 value] pairs, marked wherever the surface occurs. */
  times?: Array<[string, string]>;
  /** Defaults to 2022-11-28; null for an undated article. */
  published?: string | null;
  quotes?: Array<{ text: string; kind: Quote['kind'] }>;
  datelinePlace?: string;
  /** Kinds of the blank-line separated blocks, in order (default: all paragraphs). */
  kinds?: BlockKind[];
}

const LETTER = /[\p{L}\p{M}]/u;
const CLITIC = /[وفبلك]/;

function occurrences(text: string, name: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const before = text[i - 1];
    const after = text[i + name.length];
    const beforeOk =
      before === undefined ||
      !LETTER.test(before) ||
      (CLITIC.test(before) && (i < 2 || !LETTER.test(text[i - 2]) || CLITIC.test(text[i - 2])));
    if (beforeOk && (after === undefined || !LETTER.test(after))) out.push(i);
  }
  return out;
}

function sentenceOf(doc: Analysis, offset: number): number {
  const s = doc.sentences.find((x) => offset >= x.start && offset < x.end);
  return s ? s.index : 0;
}

export function makeDoc(text: string, spec: DocSpec = {}): Analysis {
  const article = emptyArticle();
  article.published = spec.published === undefined ? '2022-11-28' : spec.published;
  if (spec.datelinePlace) article.dateline = { place: spec.datelinePlace, agency: null };
  const base = newAnalysis('t', text, 'body', article);
  if (spec.kinds) {
    const blocks: Block[] = [];
    let at = 0;
    text.split('\n\n').forEach((part, k) => {
      blocks.push({ start: at, end: at + part.length, kind: spec.kinds?.[k] ?? 'paragraph', rawStart: at });
      at += part.length + 2;
    });
    base.blocks = blocks;
  }
  return annotate(base, spec);
}

/** Runs the text stage on `base` and marks the spec's entities, times and quotes on it. */
export function annotate(base: Analysis, spec: DocSpec = {}): Analysis {
  const text = base.text;
  const doc = textStage.run(base, { referenceDate: base.article.published });
  const taken: Array<[number, number]> = [];
  const found: Array<{ spec: EntitySpec; start: number; end: number }> = [];
  const names = (spec.entities ?? [])
    .flatMap((e) => e.names.map((name) => ({ e, name })))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { e, name } of names) {
    for (const start of occurrences(text, name)) {
      const end = start + name.length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      found.push({ spec: e, start, end });
    }
  }
  const entities: Entity[] = (spec.entities ?? []).map((e) => ({
    id: e.id,
    type: e.type,
    subtype: e.subtype ?? null,
    name: { ar: e.names[0], en: null },
    wikidata: null,
    mentions: [],
    standsFor: e.standsFor ?? null,
    actsFor: e.actsFor ?? null,
  }));
  const mentions: Mention[] = [];
  for (const f of found.sort((a, b) => a.start - b.start)) {
    const m: Mention = {
      start: f.start,
      end: f.end,
      text: text.slice(f.start, f.end),
      sentence: sentenceOf(doc, f.start),
      type: f.spec.type,
      subtype: f.spec.subtype ?? null,
      source: 'kb',
      kbId: f.spec.id,
      entityId: f.spec.id,
    };
    mentions.push(m);
    entities.find((e) => e.id === f.spec.id)?.mentions.push(m);
  }
  const times: Timex[] = [];
  for (const [surface, value] of spec.times ?? []) {
    for (let i = text.indexOf(surface); i !== -1; i = text.indexOf(surface, i + 1)) {
      times.push({
        start: i,
        end: i + surface.length,
        text: surface,
        type: 'DATE',
        value,
        mod: null,
        sentence: sentenceOf(doc, i),
      });
    }
  }
  const quotes: Quote[] = (spec.quotes ?? []).map((q) => {
    const start = text.indexOf(q.text);
    return {
      start,
      end: start + q.text.length,
      text: q.text,
      kind: q.kind,
      speaker: null,
      speaker_text: null,
      cue: null,
      sentence: sentenceOf(doc, start),
    };
  });
  return { ...doc, mentions, entities: entities.filter((e) => e.mentions.length), times, quotes };
}

const strict = createEventStage();
const loose = createEventStage({ requireActor: false });

/** The events of `text` (named actors only, as in the pipeline). */
export function code(text: string, spec: DocSpec = {}): EventRecord[] {
  const doc = makeDoc(text, spec);
  return strict.run(doc, { referenceDate: doc.article.published }).events;
}

/** The events of `text` including those without a named actor (detection only). */
export function detect(text: string, spec: DocSpec = {}): EventRecord[] {
  const doc = makeDoc(text, spec);
  return loose.run(doc, { referenceDate: doc.article.published }).events;
}
