// The event layer's data: the trigger lexicon (data/events/lexicon.json), the CAMEO table
// (cameo.json) and the closed-class words the coder looks at (grammar.json), loaded once and indexed
// by folded form. See data/events/README.md for the file formats.
import { readFileSync } from 'node:fs';
import type { EntityType } from '../analysis/types.js';
import { normalizeArabic } from '../text/normalize.js';

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** PLOVER 2.0 quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export const QUAD_CLASS: Readonly<Record<PloverType, 1 | 2 | 3 | 4>> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  REQUEST: 3,
  ACCUSE: 3,
  REJECT: 3,
  THREATEN: 3,
  PROTEST: 4,
  SANCTION: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};

/** Verbal types: what follows them in the clause is their content («رفض الاعتراف»), not a new event. */
const VERBAL_TYPES: ReadonlySet<string> = new Set([
  'AGREE',
  'SUPPORT',
  'CONCEDE',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
]);

/** Types whose event nouns name the victim in the genitive («اغتيال الحريري»). */
const PATIENT_NOUN_TYPES: ReadonlySet<string> = new Set(['ASSAULT', 'COERCE']);

/** Prepositions that introduce the recipient, by type, when an entry does not say. */
const DEFAULT_RECIPIENT_PREPS: Record<PloverType, readonly string[]> = {
  AGREE: ['مع', 'ل', 'على', 'بين'],
  CONSULT: ['مع', 'ب', 'الى', 'ل', 'بين'],
  SUPPORT: ['ب', 'ل', 'بين'],
  CONCEDE: ['ل'],
  COOPERATE: ['مع', 'بين'],
  AID: ['ل', 'الى'],
  RETREAT: ['من', 'عن'],
  REQUEST: ['ل', 'من'],
  ACCUSE: ['ب', 'ل'],
  REJECT: [],
  THREATEN: [],
  PROTEST: ['ضد', 'على'],
  SANCTION: ['على', 'ضد', 'مع'],
  MOBILIZE: ['ضد', 'على'],
  COERCE: ['على', 'ضد'],
  ASSAULT: ['على', 'ضد'],
};

/** One trigger entry, as written in lexicon.json (forms in ordinary spelling). */
export interface RawLexEntry {
  id: string;
  type: string;
  mode: string | null;
  context: string[];
  cameo: string;
  goldstein: number;
  quad: number;
  past?: string[];
  present?: string[];
  pastForms?: string[];
  presentForms?: string[];
  participles?: string[];
  nouns?: string[];
  skip?: string[];
  with?: string[];
  without?: string[];
  window?: number;
  recipientPreps?: string[];
  recipientTypes?: string[];
  needsRecipient?: boolean;
  nounNeedsRecipient?: boolean;
  hostSwap?: boolean;
  mutual?: boolean;
  genitive?: 'actor' | 'recipient';
  passiveCues?: boolean;
  subjectIsVictim?: boolean;
  absorbs?: boolean;
  cue?: string[];
  definiteOnly?: boolean;
  objectFirst?: boolean;
  personActor?: { type: string; cameo: string; mode: string | null; context: string[] };
  note?: string;
}

/** A companion: consecutive folded words, or a proclitic requirement («+ب»: a word glued to ب). */
export interface Companion {
  words: string[];
  proclitic: string | null;
}

/** A trigger entry after loading: folded, with defaults filled in. */
export interface LexEntry {
  id: string;
  type: PloverType;
  mode: string | null;
  context: string[];
  cameo: string;
  goldstein: number;
  quad: number;
  with: Companion[];
  without: string[][];
  /** Tokens after the head in which a companion (or an excluding word) is looked for. */
  window: number;
  recipientPreps: ReadonlySet<string>;
  recipientTypes: ReadonlySet<EntityType> | null;
  needsRecipient: boolean;
  nounNeedsRecipient: boolean;
  hostSwap: boolean;
  mutual: boolean;
  genitive: 'actor' | 'recipient';
  passiveCues: boolean;
  subjectIsVictim: boolean;
  absorbs: boolean;
  /** Words one of which must occur somewhere in the sentence («اشتبك» is a violent protest only with protesters around). */
  cue: string[][];
  /** Noun forms count only with the article or a preposition («الضرب», «للضرب»; bare ضرب is a verb). */
  definiteOnly: boolean;
  /**
   * A single name after the verb, followed by a ب-phrase, is the object («واتهم إيران بالضلوع», «هدد
   * إسرائيل بالرد»): the subject is then the carried one.
   */
  objectFirst: boolean;
  /** How the event is coded when its actor is a person («هاجم ترامب الصحافة» is verbal: ACCUSE). */
  personActor: { type: PloverType; cameo: string; mode: string | null; context: string[] } | null;
}

/** How a surface form of an entry reads. */
export type FormPos = 'past' | 'present' | 'participle' | 'noun';

export interface FormHit {
  entry: LexEntry;
  pos: FormPos;
  /** For multi-word forms («عبوة ناسفة»): the words that must follow the head, folded. */
  rest: string[];
  /** The bare past stem (3rd person masculine singular), which often doubles as the verbal noun (رفض، دعم). */
  stem: boolean;
  /** A verb form marked for a plural or dual subject (رفضوا، يرفضون، التقيا): its subject is in it. */
  plural: boolean;
}

export interface EventGrammar {
  prepositions: Set<string>;
  gluedPrepositions: Set<string>;
  negators: Set<string>;
  nounNegators: Set<string>;
  denialVerbs: Set<string>;
  /** «امتنع عن»: the verbal noun after it did not happen. */
  refrainVerbs: Set<string>;
  futureParticles: Set<string>;
  futurePhrases: string[][];
  hypotheticalPhrases: string[][];
  /** Forms of كان: with «قد» before the verb they mark a background event. */
  pluperfect: Set<string>;
  since: Set<string>;
  relativePronouns: Set<string>;
  complementizers: Set<string>;
  meansWords: string[][];
  titles: Set<string>;
  victimNouns: Set<string>;
  /** Unnamed doers («المتظاهرون», «مسلحون»): a verb with such a subject carries nobody in. */
  agentNouns: Set<string>;
  /** Adverbs that may stand before a pro-drop verb («وأيضاً رفض»). */
  adverbs: Set<string>;
  /** «تم», «جرى»: with a verbal noun they make a passive («تم خطفهما»). */
  passiveAuxiliaries: Set<string>;
  timeWords: Set<string>;
  clauseBreaks: Set<string>;
  softBreaks: Set<string>;
}

export interface CameoCode {
  name: string;
  goldstein: number;
  plover: string;
  mode?: string;
}

export interface EventLexicon {
  entries: LexEntry[];
  /** Folded surface form → the entries it may trigger. */
  forms: Map<string, FormHit[]>;
  /**
   * Folded forms of light verbs (شن، نفذ، نظم…) → the event types whose nouns they carry (empty: any).
   * Their subject is the actor of a following event noun («شنّ الجيش هجوماً»).
   */
  lightVerbs: Map<string, ReadonlySet<PloverType>>;
  grammar: EventGrammar;
  cameo: Map<string, CameoCode>;
}

const DATA_DIR = new URL('../../data/events/', import.meta.url);

function readJson(name: string): unknown {
  const url = new URL(name, DATA_DIR);
  try {
    return JSON.parse(readFileSync(url, 'utf8'));
  } catch (err) {
    throw new Error(`rasd events: cannot read data file ${url.pathname} (${(err as Error).message})`);
  }
}

/** The matching form of a lexicon word (same folding as token norms). */
export function fold(s: string): string {
  return normalizeArabic(s).trim();
}

const PAST_SUFFIXES = ['', 'ت', 'وا', 'ا', 'تا', 'ن', 'نا'];
/** Past and present suffixes of a plural or dual subject. */
const PLURAL_PAST: ReadonlySet<string> = new Set(['وا', 'ا', 'تا', 'ن', 'نا']);
const PLURAL_PRESENT: ReadonlySet<string> = new Set(['ون', 'ان', 'وا', 'ن']);
const PRESENT_PREFIXES = ['ي', 'ت', 'ن'];
const PRESENT_SUFFIXES = ['', 'ون', 'ان', 'وا', 'ن'];

/**
 * Inflected forms of a past-tense stem (3rd person masculine singular, folded). Sound stems take the
 * regular suffixes; a stem ending in ي (folded ى: دعا-type verbs are listed in full instead) keeps only
 * the forms that do not touch the final letter.
 */
export function pastForms(stem: string): string[] {
  if (stem.endsWith('ي')) {
    const base = stem.slice(0, -1);
    return [stem, base + 'ت', base + 'وا', stem + 'ا', base + 'تا'];
  }
  return PAST_SUFFIXES.map((s) => stem + s);
}

/** Inflected present-tense forms of a stem given without its person prefix («رفض» → يرفض، ترفض …). */
export function presentForms(stem: string): string[] {
  const out: string[] = [];
  const weak = stem.endsWith('ي');
  for (const p of PRESENT_PREFIXES) {
    if (weak) {
      const base = stem.slice(0, -1);
      out.push(p + stem, p + stem + 'ان', p + base + 'ون', p + base + 'وا');
    } else {
      for (const s of PRESENT_SUFFIXES) out.push(p + stem + s);
    }
  }
  return out;
}

/** A noun with and without the article, so that clitic stripping finds it either way. */
function nounForms(noun: string): string[] {
  const words = noun.split(' ');
  const head = words[0];
  const rest = words.slice(1).join(' ');
  const join = (h: string) => (rest ? `${h} ${rest}` : h);
  if (head.startsWith('ال') && head.length > 4) return [join(head), join(head.slice(2))];
  return [join(head)];
}

function foldList(list: readonly string[] | undefined): string[] {
  return (list ?? []).map(fold).filter((s) => s.length > 0);
}

function parseCompanion(raw: string): Companion {
  if (raw.startsWith('+')) return { words: [], proclitic: fold(raw.slice(1)) };
  return { words: fold(raw).split(' ').filter(Boolean), proclitic: null };
}

const ENTITY_TYPES: ReadonlySet<string> = new Set(['PER', 'LOC', 'ORG', 'MISC']);

function toEntry(raw: RawLexEntry): LexEntry {
  if (!(PLOVER_TYPES as readonly string[]).includes(raw.type)) {
    throw new Error(`data/events/lexicon.json: entry ${raw.id} has unknown PLOVER type ${raw.type}`);
  }
  const type = raw.type as PloverType;
  const recipientTypes = raw.recipientTypes
    ? new Set(raw.recipientTypes.filter((t) => ENTITY_TYPES.has(t)) as EntityType[])
    : null;
  return {
    id: raw.id,
    type,
    mode: raw.mode ?? null,
    context: raw.context ?? [],
    cameo: raw.cameo,
    goldstein: raw.goldstein,
    quad: raw.quad,
    with: (raw.with ?? []).map(parseCompanion),
    without: foldList(raw.without).map((w) => w.split(' ')),
    window: raw.window ?? 3,
    recipientPreps: new Set(foldList(raw.recipientPreps ?? DEFAULT_RECIPIENT_PREPS[type])),
    recipientTypes,
    needsRecipient: raw.needsRecipient ?? false,
    nounNeedsRecipient: raw.nounNeedsRecipient ?? false,
    hostSwap: raw.hostSwap ?? false,
    mutual: raw.mutual ?? false,
    genitive: raw.genitive ?? (PATIENT_NOUN_TYPES.has(type) ? 'recipient' : 'actor'),
    passiveCues: raw.passiveCues ?? false,
    subjectIsVictim: raw.subjectIsVictim ?? false,
    absorbs: raw.absorbs ?? VERBAL_TYPES.has(type),
    cue: foldList(raw.cue).map((w) => w.split(' ')),
    definiteOnly: raw.definiteOnly ?? false,
    objectFirst: raw.objectFirst ?? false,
    personActor: raw.personActor ? { ...raw.personActor, type: raw.personActor.type as PloverType } : null,
  };
}

/** Indexes a form under its first word; the other words of a multi-word form go into `rest`. */
function addForm(
  map: Map<string, FormHit[]>,
  form: string,
  entry: LexEntry,
  pos: FormPos,
  stem: boolean,
  plural: boolean,
): void {
  const [head, ...rest] = form.split(' ');
  if (!head) return;
  const list = map.get(head);
  const same = (h: FormHit) => h.entry === entry && h.pos === pos && h.rest.join(' ') === rest.join(' ');
  const hit = { entry, pos, rest, stem, plural };
  if (!list) map.set(head, [hit]);
  else {
    const old = list.find(same);
    if (!old) list.push(hit);
    else if (stem) old.stem = true;
  }
}

/** Every folded form of an entry with how it reads. */
/** Whether a listed verb form carries a plural or dual subject suffix (ـوا، ـتا، ـون، ـان). */
function pluralSuffix(form: string, pos: FormPos): boolean {
  if (pos === 'past') return /(وا|تا)$/.test(form);
  return pos === 'present' && form.length >= 5 && /(ون|ان|وا)$/.test(form);
}

export function entryForms(raw: RawLexEntry): Array<{ form: string; pos: FormPos; stem: boolean; plural: boolean }> {
  const skip = new Set(foldList(raw.skip));
  const out: Array<{ form: string; pos: FormPos; stem: boolean; plural: boolean }> = [];
  const push = (form: string, pos: FormPos, stem = false, plural = pluralSuffix(form, pos)) => {
    if (form && !skip.has(form)) out.push({ form, pos, stem, plural });
  };
  // generated forms know their suffix: the dual ـا of «رفضا» is plural too
  for (const s of foldList(raw.past))
    for (const f of pastForms(s)) push(f, 'past', f === s, f !== s && PLURAL_PAST.has(f.slice(s.length)));
  for (const s of foldList(raw.present))
    for (const f of presentForms(s)) push(f, 'present', false, PLURAL_PRESENT.has(f.slice(1 + s.length)));
  for (const f of foldList(raw.pastForms)) push(f, 'past');
  for (const f of foldList(raw.presentForms)) push(f, 'present');
  for (const f of foldList(raw.participles)) push(f, 'participle');
  for (const n of foldList(raw.nouns)) for (const f of nounForms(n)) push(f, 'noun');
  return out;
}

/** A group of light verbs and the event types whose nouns they carry (lexicon.json `lightVerbs`). */
interface RawLightVerbs {
  types: string[];
  past?: string[];
  present?: string[];
  pastForms?: string[];
  presentForms?: string[];
  participles?: string[];
}

interface RawGrammar {
  [key: string]: unknown;
}

function wordSet(g: RawGrammar, key: string): Set<string> {
  const v = g[key];
  if (!Array.isArray(v)) throw new Error(`data/events/grammar.json: "${key}" must be a list`);
  return new Set(foldList(v as string[]));
}

function phraseList(g: RawGrammar, key: string): string[][] {
  return [...wordSet(g, key)].map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
}

function loadGrammar(): EventGrammar {
  const g = readJson('grammar.json') as RawGrammar;
  return {
    prepositions: wordSet(g, 'prepositions'),
    gluedPrepositions: wordSet(g, 'gluedPrepositions'),
    negators: wordSet(g, 'negators'),
    nounNegators: wordSet(g, 'nounNegators'),
    denialVerbs: wordSet(g, 'denialVerbs'),
    refrainVerbs: wordSet(g, 'refrainVerbs'),
    futureParticles: wordSet(g, 'futureParticles'),
    futurePhrases: phraseList(g, 'futurePhrases'),
    hypotheticalPhrases: phraseList(g, 'hypotheticalPhrases'),
    pluperfect: wordSet(g, 'pluperfect'),
    since: wordSet(g, 'since'),
    relativePronouns: wordSet(g, 'relativePronouns'),
    complementizers: wordSet(g, 'complementizers'),
    meansWords: phraseList(g, 'meansWords'),
    titles: wordSet(g, 'titles'),
    victimNouns: wordSet(g, 'victimNouns'),
    agentNouns: wordSet(g, 'agentNouns'),
    adverbs: wordSet(g, 'adverbs'),
    passiveAuxiliaries: wordSet(g, 'passiveAuxiliaries'),
    timeWords: wordSet(g, 'timeWords'),
    clauseBreaks: wordSet(g, 'clauseBreaks'),
    softBreaks: wordSet(g, 'softBreaks'),
  };
}

let cached: EventLexicon | null = null;

/** The event lexicon, loaded on first use. Throws with the file name when a data file is malformed. */
export function eventLexicon(): EventLexicon {
  if (cached) return cached;
  const rawLex = readJson('lexicon.json') as { entries: RawLexEntry[]; lightVerbs: RawLightVerbs[] };
  const rawCameo = readJson('cameo.json') as { codes: Record<string, CameoCode> };
  const cameo = new Map(Object.entries(rawCameo.codes));
  const entries: LexEntry[] = [];
  const forms = new Map<string, FormHit[]>();
  for (const raw of rawLex.entries) {
    if (!cameo.has(raw.cameo))
      throw new Error(`data/events/lexicon.json: entry ${raw.id} uses unknown CAMEO code ${raw.cameo}`);
    const entry = toEntry(raw);
    entries.push(entry);
    for (const { form, pos, stem, plural } of entryForms(raw)) addForm(forms, form, entry, pos, stem, plural);
  }
  const lightVerbs = new Map<string, ReadonlySet<PloverType>>();
  for (const group of rawLex.lightVerbs) {
    const types = new Set(group.types as PloverType[]);
    const add = (f: string) => {
      const old = lightVerbs.get(f);
      // a form in two groups carries the types of both (an empty set already means any)
      lightVerbs.set(f, old && old.size && types.size ? new Set([...old, ...types]) : old && !old.size ? old : types);
    };
    for (const s of foldList(group.past)) for (const f of pastForms(s)) add(f);
    for (const s of foldList(group.present)) for (const f of presentForms(s)) add(f);
    for (const f of foldList(group.pastForms)) add(f);
    for (const f of foldList(group.presentForms)) add(f);
    for (const f of foldList(group.participles)) add(f);
  }
  cached = { entries, forms, lightVerbs, grammar: loadGrammar(), cameo };
  return cached;
}
