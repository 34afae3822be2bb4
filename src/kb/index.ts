// The knowledge base: loading the built entry files (data/kb/*.json, people in data/kb/people/)
// and indexing them by id, by normalised name, by ISO code and by nisba adjective.
//
// Names are indexed in their matching form: the name is tokenised with the same tokenizer as
// documents and every token normalised (src/text), so a KB name key equals the joined `norm`s of
// the document tokens that spell it. Loading is done once per process (`loadKb` is memoised).
import fs from 'node:fs';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { normalizeArabic } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { readTextData } from '../text/data.js';
import type { KbEntry, KbType } from './schema.js';

export type { KbEntry, KbOffice, KbType } from './schema.js';

/** How the gazetteer treats a name (data/kb/curated/ambiguous.tsv). */
export type NamePolicy = 'free' | 'context' | 'never' | 'block';

/** One indexed name: its entries, best first, and how the matcher may use it. */
export interface KbName {
  /** The key: normalised tokens joined by single spaces. */
  key: string;
  /** Number of tokens in the name (the key's words). */
  length: number;
  entries: KbEntry[];
  policy: NamePolicy;
}

export interface Kb {
  /** Every entry, in load order. */
  readonly entries: readonly KbEntry[];
  get(id: string): KbEntry | undefined;
  /** Entries with this name (any spelling: normalised here), best first; [] when none. */
  lookup(name: string): KbEntry[];
  /** The country or territory with this ISO 3166-1 alpha-2 code. */
  byIso2(code: string): KbEntry | undefined;
  /** The country (or region, group) a nisba form belongs to: «الروسية» → Russia. */
  adjective(form: string): KbEntry | undefined;
  /** The indexed name record for a name (any spelling), for the matcher. */
  name(name: string): KbName | undefined;
  /** Names by their first normalised token, longest first: the matcher's longest-match index. */
  startingWith(token: string): readonly KbName[];
  /** Normalised cue words per entry type that license "context" names («مدينة», «حركة»). */
  readonly cues: Readonly<Record<KbType, ReadonlySet<string>>>;
  /** Problems met while loading (duplicate ids, unreadable files); never fatal. */
  readonly warnings: readonly string[];
}

/** The KB's own files, in load order (people are appended from data/kb/people/). */
export const KB_FILES = ['countries.json', 'subdivisions.json', 'cities.json', 'places.json', 'orgs.json', 'misc.json'];

const DATA_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

// Names made only of Arabic letters (or only of ASCII letters) and single spaces tokenise to their
// space-separated words, so they skip the tokenizer (most KB names: this halves load time).
const PLAIN_NAME = /^(?:[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*|[A-Za-z]+(?: [A-Za-z]+)*)$/;

/** The matching key of a name: its tokens' normalised forms joined by spaces. */
export function nameKey(name: string): string {
  if (PLAIN_NAME.test(name)) return normalizeArabic(name);
  const parts: string[] = [];
  for (const t of tokenize(name)) {
    const n = normalizeArabic(t.text);
    if (n) parts.push(n);
  }
  return parts.join(' ');
}

// Ranks decide which entry a shared name means when nothing else does: countries first, then
// curated places, then curated organisations and events, then news towns, then people (a one-word
// person name that is also a place name is more often the place), then minor towns by size.
// Subdivisions come last: «طرطوس» is the city before the governorate.
const RANK_COUNTRY = 4e12;
const RANK_CURATED_PLACE = 3e12;
const RANK_CURATED_OTHER = 2e12;
const RANK_CAPITAL = 1e11;
const RANK_NEWS_PLACE = 1e10;
const RANK_SUBDIVISION = 5e9;
const RANK_PERSON = 8e9;

/** A number that orders homonymous entries, higher is more likely. */
export function entryRank(e: KbEntry): number {
  if (e.id.startsWith('iso:')) return RANK_COUNTRY + (e.population ?? 0);
  if (e.id.startsWith('gn:'))
    return (e.standsFor ? RANK_CAPITAL : 0) + (e.minor ? 0 : RANK_NEWS_PLACE) + (e.population ?? 0);
  if (e.id.startsWith('iso2:')) return e.minor ? 0 : RANK_SUBDIVISION;
  if (e.type === 'LOC') return RANK_CURATED_PLACE;
  if (e.type === 'PER') return RANK_PERSON;
  return RANK_CURATED_OTHER;
}

/** Entries made by the build from CLDR/GeoNames lists (towns, subdivisions), not by hand. */
function isGenerated(e: KbEntry): boolean {
  return e.id.startsWith('gn:') || e.id.startsWith('iso2:');
}

function countSpaces(s: string): number {
  let n = 0;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

/** Corpus tokens a word needs before its entity share says anything (as in scripts/kb/steps/ambiguous.mjs). */
export const COMMON_WORD_MIN_FREQ = 3;
/** Below this share of entity-tagged tokens, a frequent word is an ordinary word. */
export const COMMON_WORD_MAX_ENTITY_SHARE = 0.3;

/**
 * One-word person names that the corpora mostly use as ordinary words («كان» for Naoto Kan,
 * «بين» for Wang Wenbin) are made "context" names: matched alone only where a cue allows (none
 * for people), so only the full name matches. Places and organisations get the same rule at KB
 * build time (ambiguous.json); people are checked here because their files are maintained apart.
 * The counts are the text layer's word lexicon (data/text/clitic-lexicon.tsv).
 */
function holdBackCommonWordPersonNames(names: Map<string, KbName>): void {
  const candidates = new Map<string, KbName>();
  for (const n of names.values()) {
    if (n.length === 1 && n.policy === 'free' && n.entries.some((e) => e.type === 'PER')) candidates.set(n.key, n);
  }
  if (candidates.size === 0) return;
  let lexicon: string;
  try {
    lexicon = readTextData('clitic-lexicon.tsv');
  } catch {
    return; // without the lexicon, people names stay as they are
  }
  // Scanned in place (30k rows): only the candidates' rows are split.
  for (let pos = 0; pos < lexicon.length;) {
    let eol = lexicon.indexOf('\n', pos);
    if (eol < 0) eol = lexicon.length;
    const tab = lexicon.indexOf('\t', pos);
    const n = tab > pos && tab < eol ? candidates.get(lexicon.slice(pos, tab)) : undefined;
    if (n) {
      const [, freq, , entity] = lexicon.slice(pos, eol).split('\t');
      if (Number(freq) >= COMMON_WORD_MIN_FREQ && Number(entity) / Number(freq) < COMMON_WORD_MAX_ENTITY_SHARE)
        n.policy = 'context';
    }
    pos = eol + 1;
  }
}

function readJson(file: string): unknown {
  const buf = fs.readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? zlib.gunzipSync(buf) : buf).toString('utf8'));
}

/** True for an array of KB entries (people/ also holds other JSON: roles, vacancies, stop lists). */
function isEntryArray(v: unknown): v is KbEntry[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  const first = v[0] as Partial<KbEntry> | null;
  return !!first && typeof first.id === 'string' && typeof first.type === 'string' && typeof first.ar === 'string';
}

function peopleFiles(dir: string): string[] {
  const peopleDir = `${dir}people/`;
  if (!fs.existsSync(peopleDir)) return [];
  return fs
    .readdirSync(peopleDir)
    .filter((f) => f.endsWith('.json') || f.endsWith('.json.gz'))
    .sort()
    .map((f) => `${peopleDir}${f}`);
}

interface AmbiguityFile {
  policies: Record<string, Exclude<NamePolicy, 'free'>>;
  cues: Record<string, string[]>;
}

/** Builds a KB from entries (the loader's core; tests and tools may call it with their own). */
export function buildKb(entries: readonly KbEntry[], ambiguity: AmbiguityFile, warnings: string[] = []): Kb {
  const byId = new Map<string, KbEntry>();
  const names = new Map<string, KbName>();
  const iso2 = new Map<string, KbEntry>();
  const adjectives = new Map<string, KbEntry[]>();
  const byFirst = new Map<string, KbName[]>();
  const generatedWithEnglish: KbEntry[] = [];
  const englishOfGenerated = new Map<string, KbEntry[]>();
  let englishIndexed = false;
  /** Looks a key up in the lazily built index of generated entries' English names. */
  const lookupGeneratedEnglish = (key: string): KbEntry[] => {
    if (!englishIndexed) {
      englishIndexed = true;
      for (const e of generatedWithEnglish) {
        for (const n of [e.en, ...(e.aliases_en ?? [])]) {
          const k = nameKey(n);
          const arr = englishOfGenerated.get(k);
          if (!arr) englishOfGenerated.set(k, [e]);
          else if (!arr.includes(e)) arr.push(e);
        }
      }
      for (const arr of englishOfGenerated.values())
        if (arr.length > 1) arr.sort((a, b) => entryRank(b) - entryRank(a));
    }
    return englishOfGenerated.get(key) ?? [];
  };
  const list: KbEntry[] = [];

  const addName = (raw: string, e: KbEntry | null, policy: NamePolicy = 'free') => {
    const key = nameKey(raw);
    if (!key) return;
    let rec = names.get(key);
    if (!rec) {
      const firstSpace = key.indexOf(' ');
      const first = firstSpace < 0 ? key : key.slice(0, firstSpace);
      rec = { key, length: firstSpace < 0 ? 1 : countSpaces(key) + 1, entries: [], policy };
      names.set(key, rec);
      const bucket = byFirst.get(first);
      if (bucket) bucket.push(rec);
      else byFirst.set(first, [rec]);
    }
    if (policy !== 'free') rec.policy = policy;
    if (e && !rec.entries.includes(e)) rec.entries.push(e);
  };

  for (const e of entries) {
    if (byId.has(e.id)) {
      warnings.push(`duplicate KB id ${e.id}: the later entry is ignored`);
      continue;
    }
    byId.set(e.id, e);
    list.push(e);
    if (e.iso2 && e.id === `iso:${e.iso2}`) iso2.set(e.iso2, e);
    for (const n of [e.ar, ...(e.aliases_ar ?? [])]) if (n) addName(n, e);
    // English names of generated towns and subdivisions (10k) are indexed on first use only:
    // Arabic text rarely spells them in Latin script, and indexing them costs load time.
    if (isGenerated(e)) generatedWithEnglish.push(e);
    else for (const n of [e.en, ...(e.aliases_en ?? [])]) if (n) addName(n, e);
  }
  for (const [name, policy] of Object.entries(ambiguity.policies)) addName(name, null, policy);

  const byRank = (a: KbEntry, b: KbEntry) => entryRank(b) - entryRank(a);
  for (const rec of names.values()) if (rec.entries.length > 1) rec.entries.sort(byRank);
  for (const bucket of byFirst.values()) if (bucket.length > 1) bucket.sort((a, b) => b.length - a.length);
  // The nisba index (6k forms) and the check of one-word person names against the word lexicon
  // are built on first use: loading stays cheap for callers that only look entries up.
  let adjectivesIndexed = false;
  const adjectiveIndex = (): Map<string, KbEntry[]> => {
    if (!adjectivesIndexed) {
      adjectivesIndexed = true;
      for (const e of list) {
        for (const a of e.adjectives_ar ?? []) {
          const k = nameKey(a);
          const arr = adjectives.get(k);
          if (!arr) adjectives.set(k, [e]);
          else if (!arr.includes(e)) arr.push(e);
        }
      }
      for (const arr of adjectives.values()) if (arr.length > 1) arr.sort(byRank);
    }
    return adjectives;
  };
  let personNamesChecked = false;
  const checked = <T>(v: T): T => {
    if (!personNamesChecked) {
      personNamesChecked = true;
      holdBackCommonWordPersonNames(names);
    }
    return v;
  };

  const cueSet = (type: string) => new Set((ambiguity.cues[type] ?? []).map(nameKey).filter(Boolean));
  const cues = { LOC: cueSet('LOC'), ORG: cueSet('ORG'), MISC: cueSet('MISC'), PER: new Set<string>() };

  return {
    entries: list,
    startingWith: (token) => checked(byFirst.get(token) ?? []),
    cues,
    warnings,
    get: (id) => byId.get(id),
    lookup: (name) => {
      const key = nameKey(name);
      const own = names.get(key)?.entries ?? [];
      if (!/[A-Za-z]/.test(key)) return own;
      const english = lookupGeneratedEnglish(key).filter((e) => !own.includes(e));
      return english.length ? [...own, ...english] : own;
    },
    name: (name) => checked(names.get(nameKey(name))),
    byIso2: (code) => iso2.get(code.toUpperCase()),
    adjective: (form) => adjectiveIndex().get(nameKey(form))?.[0],
  };
}

/** Reads every KB file under `dir` (default: the package's data/kb/). Missing people files are fine. */
export function readKbEntries(dir: string = DATA_DIR, warnings: string[] = []): KbEntry[] {
  const entries: KbEntry[] = [];
  for (const file of [...KB_FILES.map((f) => `${dir}${f}`), ...peopleFiles(dir)]) {
    let data: unknown;
    try {
      data = readJson(file);
    } catch (err) {
      warnings.push(`KB file ${file} unreadable: ${(err as Error).message}`);
      continue;
    }
    if (isEntryArray(data)) entries.push(...data);
  }
  return entries;
}

let cached: Kb | undefined;

/**
 * The knowledge base (places, organisations, events, people), loaded once per process.
 * @example loadKb().lookup('روسيا')[0].id // 'iso:RU'
 * @example loadKb().adjective('الروسية')?.id // 'iso:RU'
 */
export function loadKb(): Kb {
  if (!cached) {
    const warnings: string[] = [];
    const entries = readKbEntries(DATA_DIR, warnings);
    const ambiguity = readJson(`${DATA_DIR}ambiguous.json`) as AmbiguityFile;
    cached = buildKb(entries, ambiguity, warnings);
  }
  return cached;
}
