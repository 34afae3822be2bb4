// The temporal lexicon (data/time/lexicon.json), folded once and indexed for word-by-word matching.
import { readFileSync } from 'node:fs';
import { foldArabic } from '../text/numbers.js';
import type { ScanToken } from './scan.js';

/** One multi-word entry of a phrase table, with what it means. */
interface PhraseEntry<T> {
  words: string[];
  value: T;
}

/** A phrase found in the tokens: tokens [i, j), starting at `start` in the text (after a stripped proclitic). */
export interface PhraseMatch<T> {
  i: number;
  j: number;
  start: number;
  value: T;
}

/**
 * Multi-word phrases indexed by their first word. The first word may carry a glued proclitic
 * («وفي الشهر ذاته», «لعقود»); the following words must be written as listed.
 */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, PhraseEntry<T>[]>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      const words = foldArabic(phrase).split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, value });
      this.byFirst.set(words[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** The longest phrase starting at token i, or null. `clitics: false` requires the first word bare. */
  match(toks: readonly ScanToken[], i: number, clitics = true): PhraseMatch<T> | null {
    const tok = toks[i];
    if (!tok || tok.kind === 'punct') return null;
    let best: PhraseMatch<T> | null = null;
    const forms = clitics ? tok.forms : tok.forms.slice(0, 1);
    for (const f of forms) {
      const list = this.byFirst.get(f.form);
      if (!list) continue;
      for (const e of list) {
        if (i + e.words.length > toks.length) continue;
        let ok = true;
        for (let k = 1; k < e.words.length && ok; k++) {
          const t = toks[i + k];
          ok = t.norm === e.words[k] && !t.lineBefore;
        }
        if (ok && (!best || i + e.words.length > best.j))
          best = { i, j: i + e.words.length, start: f.start, value: e.value };
      }
    }
    return best;
  }

  /** Whether the exact folded word (no proclitic) begins some phrase. */
  has(word: string): boolean {
    return this.byFirst.has(word);
  }
}

export type Mod = 'START' | 'MID' | 'END' | 'APPROX';
export type UnitCode = 'D' | 'W' | 'M' | 'Y' | 'DE' | 'CE' | 'H' | 'MIN' | 'S';
export type UnitCount = 'one' | 'two' | 'plural';
export type RelKind = 'past' | 'future' | 'following' | 'current' | 'this' | 'last';
export type DayPart = 'MO' | 'MI' | 'AF' | 'EV' | 'NI';
export type AnaphorGran = 'D' | 'W' | 'M' | 'Y' | 'any';
export type RefValue = 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';

export interface MonthName {
  month: number;
  hijri: boolean;
  /** The name is also an ordinary word (مارس "practised", آب "father"): it needs a date context. */
  needContext: boolean;
}

export interface Holiday {
  calendar: 'gregorian' | 'hijri' | 'easter';
  month: number;
  day: number;
}

export interface TimeLexicon {
  months: PhraseTable<MonthName>;
  hijriAfterPreposition: Set<string>;
  weekdays: PhraseTable<{ iso: number; definite: boolean }>;
  weekdayNotAfter: Set<string>;
  weekdayNotBefore: Set<string>;
  units: Map<string, { unit: UnitCode; count: UnitCount; definite: boolean }>;
  relative: Map<string, RelKind>;
  modifiers: PhraseTable<Mod>;
  dayParts: PhraseTable<DayPart>;
  amDayParts: PhraseTable<true>;
  thisDayParts: PhraseTable<DayPart>;
  relativeDays: PhraseTable<number>;
  todayNotBefore: Set<string>;
  anaphors: PhraseTable<AnaphorGran>;
  refs: PhraseTable<RefValue>;
  refNotBefore: Map<string, Set<string>>;
  sets: PhraseTable<string>;
  setEvery: Set<string>;
  yearNouns: Set<string>;
  monthNoun: Set<string>;
  dayNoun: Set<string>;
  weekNoun: Set<string>;
  yearPrepositions: Set<string>;
  dateConnectors: Set<string>;
  eraGregorian: Set<string>;
  eraHijri: Set<string>;
  rangeStart: PhraseTable<true>;
  rangeTo: Set<string>;
  agoWords: Map<string, number>;
  durationLeads: PhraseTable<true>;
  vagueDurationAfter: Set<string>;
  vagueCounts: Map<string, number>;
  fewCounts: Set<string>;
  clock: Set<string>;
  clockMinuteWords: Map<string, number>;
  clockMinus: Set<string>;
  timezones: Map<string, string>;
  timezoneLead: Set<string>;
  quarters: Map<string, 'Q' | 'H'>;
  holidays: PhraseTable<Holiday>;
  decades: Map<string, number>;
  seasons: PhraseTable<string>;
  futureCues: PhraseTable<true>;
  futurePrefixNotVerbs: Set<string>;
  generalNouns: Set<string>;
}

const LEXICON_URL = new URL('../../data/time/lexicon.json', import.meta.url);
let cached: TimeLexicon | null = null;

const foldSet = (xs: string[]): Set<string> => new Set(xs.map(foldArabic));
const foldMap = <V>(o: Record<string, V>): Map<string, V> =>
  new Map(Object.entries(o).map(([k, v]) => [foldArabic(k), v]));
const tableOf = <V>(o: Record<string, V>): PhraseTable<V> => new PhraseTable(Object.entries(o));
const tableOfList = <V>(xs: string[], v: V): PhraseTable<V> => new PhraseTable(xs.map((x) => [x, v] as [string, V]));

/** The time lexicon, loaded once per process. */
export function timeLexicon(): TimeLexicon {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(LEXICON_URL, 'utf8'));

  const months: Array<[string, MonthName]> = [];
  for (const [list, hijri] of [
    [raw.months, false],
    [raw.hijriMonths, true],
  ] as const) {
    for (const m of list as Array<{ month: number; names: string[]; needContext?: string[] }>) {
      const need = new Set((m.needContext ?? []).map(foldArabic));
      for (const n of m.names) months.push([n, { month: m.month, hijri, needContext: need.has(foldArabic(n)) }]);
    }
  }

  const weekdays: Array<[string, { iso: number; definite: boolean }]> = [];
  for (const w of raw.weekdays as Array<{ isoDay: number; definite: string[]; bare: string[] }>) {
    for (const n of w.definite) weekdays.push([n, { iso: w.isoDay, definite: true }]);
    for (const n of w.bare) weekdays.push([n, { iso: w.isoDay, definite: false }]);
  }

  const units = new Map<string, { unit: UnitCode; count: UnitCount; definite: boolean }>();
  for (const [unit, forms] of Object.entries(raw.units as Record<UnitCode, Record<UnitCount, string[]>>)) {
    for (const [count, words] of Object.entries(forms) as Array<[UnitCount, string[]]>) {
      for (const w of words) {
        const f = foldArabic(w);
        units.set(f, { unit: unit as UnitCode, count, definite: f.startsWith('ال') && !['الاف'].includes(f) });
      }
    }
  }

  const relative = new Map<string, RelKind>();
  for (const [kind, words] of Object.entries(raw.relative as Record<RelKind, string[]>))
    for (const w of words) relative.set(foldArabic(w), kind as RelKind);

  const modifiers: Array<[string, Mod]> = [];
  for (const [mod, words] of Object.entries(raw.modifiers as Record<Mod, string[]>))
    for (const w of words) modifiers.push([w, mod as Mod]);

  const dayParts: Array<[string, DayPart]> = [];
  for (const [part, words] of Object.entries(raw.dayParts as Record<DayPart, string[]>))
    for (const w of words) dayParts.push([w, part as DayPart]);

  const anaphors: Array<[string, AnaphorGran]> = [];
  for (const [gran, words] of Object.entries(raw.anaphors as Record<AnaphorGran, string[]>))
    for (const w of words) anaphors.push([w, gran as AnaphorGran]);

  const refs: Array<[string, RefValue]> = [];
  for (const [value, words] of Object.entries(raw.refs as Record<RefValue, string[]>))
    for (const w of words) refs.push([w, value as RefValue]);

  const holidays: Array<[string, Holiday]> = [];
  for (const h of raw.holidays as Array<Holiday & { names: string[] }>)
    for (const n of h.names) holidays.push([n, { calendar: h.calendar, month: h.month, day: h.day }]);

  const seasons: Array<[string, string]> = [];
  for (const [code, words] of Object.entries(raw.seasons as Record<string, string[]>))
    for (const w of words) seasons.push([w, code]);

  cached = {
    months: new PhraseTable(months),
    hijriAfterPreposition: foldSet(raw.hijriMonthsAfterPreposition),
    weekdays: new PhraseTable(weekdays),
    weekdayNotAfter: foldSet(raw.weekdayNotAfter),
    weekdayNotBefore: foldSet(raw.weekdayNotBefore),
    units,
    relative,
    modifiers: new PhraseTable(modifiers),
    dayParts: new PhraseTable(dayParts),
    amDayParts: tableOfList(raw.amDayParts, true as const),
    thisDayParts: tableOf<DayPart>(raw.thisDayParts),
    relativeDays: tableOf<number>(raw.relativeDays),
    todayNotBefore: foldSet(raw.todayNotBefore),
    anaphors: new PhraseTable(anaphors),
    refs: new PhraseTable(refs),
    refNotBefore: new Map(
      Object.entries(raw.refNotBefore as Record<string, string[]>).map(([k, v]) => [foldArabic(k), foldSet(v)]),
    ),
    sets: tableOf<string>(raw.sets),
    setEvery: foldSet(raw.setEvery),
    yearNouns: foldSet(raw.yearNouns),
    monthNoun: foldSet(raw.monthNoun),
    dayNoun: foldSet(raw.dayNoun),
    weekNoun: foldSet(raw.weekNoun),
    yearPrepositions: foldSet(raw.yearPrepositions),
    dateConnectors: foldSet(raw.dateConnectors),
    eraGregorian: foldSet(raw.eraMarkers.gregorian),
    eraHijri: foldSet(raw.eraMarkers.hijri),
    rangeStart: tableOfList(raw.rangeStart, true as const),
    rangeTo: foldSet(raw.rangeTo),
    agoWords: foldMap<number>(raw.agoWords),
    durationLeads: tableOfList(raw.durationLeads, true as const),
    vagueDurationAfter: foldSet(raw.vagueDurationAfter),
    vagueCounts: foldMap<number>(raw.vagueCounts),
    fewCounts: foldSet(raw.fewCounts),
    clock: foldSet(raw.clock),
    clockMinuteWords: foldMap<number>(raw.clockMinuteWords),
    clockMinus: foldSet(raw.clockMinus),
    timezones: foldMap<string>(raw.timezones),
    timezoneLead: foldSet(raw.timezoneLead),
    quarters: foldMap<'Q' | 'H'>(raw.quarters),
    holidays: new PhraseTable(holidays),
    decades: foldMap<number>(raw.decades),
    seasons: new PhraseTable(seasons),
    futureCues: tableOfList(raw.futureCues, true as const),
    futurePrefixNotVerbs: foldSet(raw.futurePrefixNotVerbs),
    generalNouns: foldSet(raw.generalNouns),
  };
  return cached;
}
