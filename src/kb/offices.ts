// Office holders and title phrases: who held an office on a date, and where a title starts.
//
// «الرئيس الروسي» in an article of 2022-11-28 means Vladimir Putin; «رئيس الوزراء البريطاني» means
// Truss on 2022-10-01 and Sunak a month later. Two pieces answer that:
//  - `officeHolders` indexes the `offices` of people entries (data/kb/people/*.json) by role and
//    country/organisation, and `holderAt` returns whoever held the office on a date.
//  - `matchTitle` recognises a title phrase in a normalised token sequence (data/kb/titles.json),
//    and says how the country is expressed after it (a nisba adjective or a genitive noun). Turning
//    «الروسي» into RU is the places KB's job (kb.adjective), not this module's.
//
// Dates are ISO with year, month or day precision. A term runs from the first day its start can
// mean to the first day its end can mean (half-open): successions written as «end = next start»
// then partition time exactly, whatever the precision.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeArabic } from '../text/normalize.js';
import type { KbEntry } from './schema.js';

// ---------------------------------------------------------------- dates

const DAY_MS = 86_400_000;

/** First and last day (epoch days) an ISO date of any precision can mean; null when malformed. */
export function dayRange(iso: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month === null) return [Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year, 11, 31) / DAY_MS];
  if (day === null) return [Date.UTC(year, month - 1, 1) / DAY_MS, Date.UTC(year, month, 0) / DAY_MS];
  const t = Date.UTC(year, month - 1, day);
  if (new Date(t).getUTCDate() !== day) return null;
  return [t / DAY_MS, t / DAY_MS];
}

// ---------------------------------------------------------------- office index

/** Where an office is held: a country (ISO2), an organisation id, or both (a UN envoy for SY). */
export interface OfficeScope {
  country?: string;
  org?: string;
}

/** One term of one person in one office. */
export interface OfficeTerm {
  person: KbEntry;
  role: string;
  start: string;
  end: string | null;
  /** First day of the term (epoch days). */
  from: number;
  /** First day after the term (epoch days); Infinity while in office. */
  until: number;
}

/** Terms grouped by office (role + scope), each list sorted by start. */
export interface OfficeIndex {
  readonly offices: ReadonlyMap<string, readonly OfficeTerm[]>;
}

function officeKey(role: string, scope: OfficeScope): string {
  return `${role}|${scope.country ?? ''}|${scope.org ?? ''}`;
}

/** Indexes every office of every person given (entries without offices are skipped). */
export function officeHolders(kbPeople: readonly KbEntry[]): OfficeIndex {
  const offices = new Map<string, OfficeTerm[]>();
  for (const person of kbPeople) {
    for (const o of person.offices ?? []) {
      const start = dayRange(o.start);
      const end = o.end === null ? null : dayRange(o.end);
      if (!start || (o.end !== null && !end)) continue; // the validator reports these; never crash here
      const term: OfficeTerm = {
        person,
        role: o.role,
        start: o.start,
        end: o.end,
        from: start[0],
        until: end ? end[0] : Infinity,
      };
      const key = officeKey(o.role, { country: o.country, org: o.org });
      let list = offices.get(key);
      if (!list) offices.set(key, (list = []));
      list.push(term);
    }
  }
  for (const list of offices.values()) list.sort((a, b) => a.from - b.from);
  return { offices };
}

const indexByKb = new WeakMap<object, OfficeIndex>();

/** The office index of a loaded KB (its PER entries), built once per KB object. */
export function officeIndex(kb: { readonly entries: readonly KbEntry[] }): OfficeIndex {
  let idx = indexByKb.get(kb);
  if (!idx) {
    idx = officeHolders(kb.entries.filter((e) => e.type === 'PER' && e.offices?.length));
    indexByKb.set(kb, idx);
  }
  return idx;
}

/**
 * Roles tried, in order, when nobody holds the asked role: the data name Sudan's and Yemen's
 * councils' chairmen head_of_state, Britain's monarch queen or king, so «رئيس السودان» and
 * «ملك بريطانيا» still find someone.
 */
const ROLE_FALLBACKS: Readonly<Record<string, readonly string[]>> = {
  president: ['head_of_state'],
  king: ['queen', 'head_of_state', 'emir', 'sultan'],
  queen: ['king', 'head_of_state'],
  emir: ['king', 'head_of_state'],
  sultan: ['king', 'emir', 'head_of_state'],
  head_of_state: ['president', 'king', 'queen', 'emir', 'sultan', 'supreme_leader', 'emperor', 'prince', 'grand_duke'],
  prime_minister: ['head_of_government', 'chancellor'],
  chancellor: ['prime_minister', 'head_of_government'],
  head_of_government: ['prime_minister', 'chancellor'],
};

/** Days of [a1, a2) ∩ [b1, b2). */
function overlap(a1: number, a2: number, b1: number, b2: number): number {
  return Math.max(0, Math.min(a2, b2) - Math.max(a1, b1));
}

/** The best term for the query days [qFrom, qUntil): most overlap, then the latest start. */
function bestTerm(terms: readonly OfficeTerm[], qFrom: number, qUntil: number): OfficeTerm | null {
  let best: OfficeTerm | null = null;
  let bestOverlap = 0;
  for (const t of terms) {
    const days = overlap(t.from, t.until, qFrom, qUntil);
    if (days <= 0) continue;
    // An interim holder whose term sits inside another's wins on the days they share: latest start.
    if (days > bestOverlap || (days === bestOverlap && best !== null && t.from > best.from)) {
      best = t;
      bestOverlap = days;
    }
  }
  return best;
}

/**
 * The person holding `role` in `scope` on `date` (YYYY, YYYY-MM or YYYY-MM-DD), or null.
 * For a month or a year, the holder over most of that period; when two terms contain a day
 * (an interim president beside the suspended one), the one that started last.
 *
 *   holderAt(idx, 'president', { country: 'RU' }, '2022-11-28')  // → Vladimir Putin
 */
export function holderAt(index: OfficeIndex, role: string, scope: OfficeScope, date: string): KbEntry | null {
  const q = dayRange(date);
  if (!q) return null;
  for (const r of [role, ...(ROLE_FALLBACKS[role] ?? [])]) {
    const terms = index.offices.get(officeKey(r, scope));
    if (!terms) continue;
    const t = bestTerm(terms, q[0], q[1] + 1);
    if (t) return t.person;
  }
  return null;
}

/** Every term of an office, in order of start (for timelines and for the linker's candidates). */
export function termsOf(index: OfficeIndex, role: string, scope: OfficeScope): readonly OfficeTerm[] {
  return index.offices.get(officeKey(role, scope)) ?? [];
}

// ---------------------------------------------------------------- titles

/** One title phrase of data/kb/titles.json. */
export interface TitleEntry {
  /** Masculine form as written. */
  m: string;
  /** Feminine form as written, when the title has one. */
  f?: string;
  role: string;
  /** How the country follows the phrase: nisba adjective, genitive noun, or nothing. */
  follow: 'nisba' | 'genitive' | 'none';
  country?: string;
  org?: string;
  /** The phrase alone is not a title (المستشار, الأمير, البابا) without a complement or a name. */
  needsComplement?: boolean;
}

/** A title recognised at a token position. */
export interface TitleMatch {
  role: string;
  /** Number of tokens the phrase covers, from the start token. */
  length: number;
  /** How a country may follow (absent when the phrase names its country or organisation itself). */
  countryHint?: 'nisba' | 'genitive';
  /** Country fixed by the phrase (مرشد الثورة → IR). */
  country?: string;
  /** Organisation fixed by the phrase (الأمين العام للأمم المتحدة → org:un). */
  org?: string;
  gender: 'm' | 'f';
  needsComplement?: boolean;
  /** Characters of a proclitic (و، ف، ب، ل، ك) before the title in the first token's norm. */
  prefix: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The title ending at this node, if any. */
  title?: { entry: TitleEntry; gender: 'm' | 'f' };
}

export interface TitleLexicon {
  readonly entries: readonly TitleEntry[];
  readonly root: TrieNode;
}

/** Builds the phrase trie over normalised words. */
export function buildTitleLexicon(entries: readonly TitleEntry[]): TitleLexicon {
  const root: TrieNode = { next: new Map() };
  for (const entry of entries) {
    for (const [form, gender] of [
      [entry.m, 'm'],
      [entry.f, 'f'],
    ] as const) {
      if (!form) continue;
      let node = root;
      for (const word of normalizeArabic(form).split(' ').filter(Boolean)) {
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { next: new Map() }));
        node = child;
      }
      node.title ??= { entry, gender };
    }
  }
  return { entries, root };
}

const TITLES_PATH = fileURLToPath(new URL('../../data/kb/titles.json', import.meta.url));
let defaultLexicon: TitleLexicon | null = null;

/** The lexicon of data/kb/titles.json, loaded once per process. */
export function titleLexicon(): TitleLexicon {
  if (!defaultLexicon) {
    const doc = JSON.parse(fs.readFileSync(TITLES_PATH, 'utf8')) as { titles: TitleEntry[] };
    defaultLexicon = buildTitleLexicon(doc.titles);
  }
  return defaultLexicon;
}

/**
 * The first token as a title may start: itself, then without a conjunction (و، ف) and a
 * preposition (ب، ك، ل; «لل» restores the article: للرئيس → الرئيس). Normalised forms.
 */
function firstTokenForms(token: string): Array<{ form: string; prefix: number }> {
  const out = [{ form: token, prefix: 0 }];
  let rest = token;
  let prefix = 0;
  if (rest.length > 3 && (rest[0] === 'و' || rest[0] === 'ف')) {
    rest = rest.slice(1);
    prefix = 1;
    out.push({ form: rest, prefix });
  }
  if (rest.length > 3 && (rest[0] === 'ب' || rest[0] === 'ك' || rest[0] === 'ل')) {
    if (rest.startsWith('لل')) out.push({ form: 'ا' + rest.slice(1), prefix: prefix + 1 });
    else out.push({ form: rest.slice(1), prefix: prefix + 1 });
  }
  return out;
}

/**
 * The longest title phrase starting at token `i` of `tokensNorm` (tokens in normalizeArabic form),
 * or null. «الرئيس الروسي» → { role: 'president', length: 1, countryHint: 'nisba' };
 * «رئيس كازاخستان» → { role: 'president', length: 1, countryHint: 'genitive' };
 * «الأمين العام للأمم المتحدة» → { role: 'secretary_general', length: 4, org: 'org:un' }.
 */
export function matchTitle(
  tokensNorm: readonly string[],
  i: number,
  lexicon: TitleLexicon = titleLexicon(),
): TitleMatch | null {
  if (i < 0 || i >= tokensNorm.length) return null;
  let best: TitleMatch | null = null;
  for (const { form, prefix } of firstTokenForms(tokensNorm[i])) {
    let node = lexicon.root.next.get(form);
    let j = i + 1;
    while (node) {
      if (node.title && (!best || j - i > best.length)) {
        const { entry, gender } = node.title;
        best = {
          role: entry.role,
          length: j - i,
          gender,
          prefix,
          ...(entry.follow !== 'none' ? { countryHint: entry.follow } : {}),
          ...(entry.country ? { country: entry.country } : {}),
          ...(entry.org ? { org: entry.org } : {}),
          ...(entry.needsComplement ? { needsComplement: true } : {}),
        };
      }
      if (j >= tokensNorm.length) break;
      node = node.next.get(tokensNorm[j]);
      j++;
    }
  }
  return best;
}
