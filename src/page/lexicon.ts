// The page parser's lexicons (data/page/*.json), loaded once per process and compiled to regular
// expressions. Patterns are folded the way lines are (fold.ts) so the data files stay readable.
import { readFileSync } from 'node:fs';
import { foldForMatch, foldSameLength, MARKS, variantPattern } from './fold.js';

const DATA_DIR = new URL('../../data/page/', import.meta.url);

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, DATA_DIR), 'utf8')) as T;
}

/** Folds the literal letters of a regular-expression source (regex syntax is ASCII: untouched). */
export function foldPatternSource(source: string): string {
  return foldSameLength(source).replace(MARKS, '');
}

export interface AgencyEntry {
  canonical: string;
  kind: 'wire' | 'media' | 'photo';
  aliases: string[];
}

export interface Lexicon {
  agencies: AgencyEntry[];
  /** Folded alias (spaces and dots removed) → canonical agency name. */
  agencyByKey: Map<string, AgencyEntry>;
  /** Regex source: an alternation of every alias, longest first, spelling-tolerant. */
  agencyAlternation: string;
  /** The same for photo agencies only («Getty Images», «EPA»): credits that need no separator. */
  photoAlternation: string;
  /** Every debris line pattern in one alternation: one scan of the line instead of forty. */
  debrisLine: RegExp;
  listMarkers: RegExp[];
  socialNetworks: Set<string>;
  socialWords: Set<string>;
  bylinePrefixes: string[];
  bylinePrefixesNeedingColon: string[];
  dateLabels: string[];
  /** Folded month name → month number 1–12. */
  monthByName: Map<string, number>;
  /** Folded weekday name → 0 (Sunday) … 6 (Saturday). */
  weekdayByName: Map<string, number>;
  hijriMonths: string[];
  readingPatterns: RegExp[];
  readingIconLabels: string[];
  readingNumberWords: Map<string, number>;
  wordsPerMinute: { ar: number; default: number };
}

/** The key under which an agency spelling is looked up: folded, no spaces, no dots. */
export function agencyKey(s: string): string {
  return foldForMatch(s).replace(/[\s.]/g, '');
}

let cached: Lexicon | null = null;

/** The lexicons, loaded and compiled on first use. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const ag = readJson<{ agencies: AgencyEntry[] }>('agencies.json');
  const debris = readJson<{
    line: string[];
    listMarkers: string[];
    socialNetworks: string[];
    socialWords: string[];
    bylinePrefixes: string[];
    bylinePrefixesNeedingColon: string[];
    dateLabels: string[];
  }>('debris.json');
  const cal = readJson<{ months: string[][]; weekdays: string[][]; hijriMonths: string[] }>('calendar.json');
  const reading = readJson<{
    patterns: string[];
    iconLabels: string[];
    numberWords: Record<string, number>;
    wordsPerMinute: { ar: number; default: number };
  }>('reading.json');

  const agencyByKey = new Map<string, AgencyEntry>();
  const aliases: string[] = [];
  for (const a of ag.agencies) {
    for (const alias of a.aliases) {
      const key = agencyKey(alias);
      // the first entry wins: «Anadolu» as a wire agency, not as a photo credit line
      if (!agencyByKey.has(key)) agencyByKey.set(key, a);
      aliases.push(alias);
    }
  }
  const alternation = (list: string[]) =>
    `(?:${[...new Set([...list].sort((x, y) => foldForMatch(y).length - foldForMatch(x).length).map(variantPattern))].join('|')})`;
  const agencyAlternation = alternation(aliases);
  const photoAlternation = alternation(ag.agencies.filter((a) => a.kind === 'photo').flatMap((a) => a.aliases));

  const compile = (src: string) => new RegExp(foldPatternSource(src), 'iu');
  const monthByName = new Map<string, number>();
  cal.months.forEach((names, i) => names.forEach((n) => monthByName.set(foldForMatch(n), i + 1)));
  const weekdayByName = new Map<string, number>();
  cal.weekdays.forEach((names, i) => names.forEach((n) => weekdayByName.set(foldForMatch(n), i)));

  cached = {
    agencies: ag.agencies,
    agencyByKey,
    agencyAlternation,
    photoAlternation,
    debrisLine: compile(debris.line.map((p) => `(?:${p})`).join('|')),
    listMarkers: debris.listMarkers.map(compile),
    socialNetworks: new Set(debris.socialNetworks.map(foldForMatch)),
    socialWords: new Set(debris.socialWords.map(foldForMatch)),
    bylinePrefixes: debris.bylinePrefixes.map(foldForMatch),
    bylinePrefixesNeedingColon: debris.bylinePrefixesNeedingColon.map(foldForMatch),
    dateLabels: debris.dateLabels.map(foldForMatch).sort((a, b) => b.length - a.length),
    monthByName,
    weekdayByName,
    hijriMonths: cal.hijriMonths.map(foldForMatch),
    readingPatterns: reading.patterns.map(compile),
    readingIconLabels: reading.iconLabels.map(foldForMatch).sort((a, b) => b.length - a.length),
    readingNumberWords: new Map(Object.entries(reading.numberWords).map(([k, v]) => [foldForMatch(k), v])),
    wordsPerMinute: reading.wordsPerMinute,
  };
  return cached;
}
