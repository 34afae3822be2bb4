// The search query language, kept small:
//
//   word word          both words (AND); each word goes through the search analyzer
//   "two words"        a phrase: the analysed terms next to each other («…» and “…” work too)
//   a OR b             either (also «|»); binds tighter than AND: «a OR b c» = (a | b) & c
//   -word  -"phrase"   exclusion
//
// Words that the analyzer drops (stop words, punctuation) disappear from the query; a word that
// analyses to several terms («وزير-الخارجية», «G-20») is a phrase. An English name («Putin»,
// «Vladimir Putin», "Saudi Arabia") that the knowledge base knows also matches the articles that
// mention that entity, whatever the Arabic spelling: the clause becomes «the words OR the entity».
//
// The parsed query compiles to an SQLite FTS5 MATCH string and a PostgreSQL tsquery over the same
// index terms, so both backends select the same articles.
import { analyzeTerms } from './analyzer.js';
import { loadKb } from '../kb/index.js';

/** One way to satisfy a clause: a phrase of index terms (one term = a word) or a KB entity. */
export type Alternative =
  { kind: 'phrase'; terms: string[]; raw: string } | { kind: 'entity'; id: string; raw: string };

/** A clause holds when any of its alternatives does. */
export interface Clause {
  alternatives: Alternative[];
}

export interface ParsedQuery {
  /** Every clause must hold (AND). */
  clauses: Clause[];
  /** No article matching any of these is returned (phrases only). */
  exclude: Alternative[];
  /** Words the analyzer dropped (stop words), for the caller's information. */
  dropped: string[];
}

export interface ParseOptions {
  /** KB ids for an English name, best first ([] when unknown). Defaults to the rasd KB. */
  lookupEntity?: (name: string) => string[];
}

/** Longest run of English words tried as one KB name («Mohammed bin Salman Al Saud»). */
export const MAX_NAME_WORDS = 5;

/** The index term that stands for a KB entity in the search index (see store/prepare.ts). */
export function entityTerm(id: string): string {
  // «ة» never survives normalisation (it becomes «ه»), so no word term can start with it; the id
  // is hex-coded so the term is letters and digits only, one token for every backend tokenizer.
  return 'ة' + Buffer.from(id, 'utf8').toString('hex');
}

/** People sharing one English surname that a one-word query may stand for («Bush»: both presidents). */
export const MAX_SURNAME_PEOPLE = 5;

let surnames: Map<string, string[]> | null = null;

/** KB people by the last word of their English names, lower-cased (built on first use). */
function surnameIndex(): Map<string, string[]> {
  if (surnames) return surnames;
  surnames = new Map();
  for (const e of loadKb().entries) {
    if (e.type !== 'PER') continue;
    for (const name of [e.en, ...(e.aliases_en ?? [])]) {
      const words = (name ?? '').trim().split(/\s+/);
      const last = words[words.length - 1]?.toLowerCase();
      if (words.length < 2 || !last || last.length < 3) continue;
      const ids = surnames.get(last) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      surnames.set(last, ids);
    }
  }
  for (const ids of surnames.values()) ids.sort();
  return surnames;
}

/**
 * Default KB lookup for an English name: the KB's best entry for it («Saudi Arabia», «Putin» when
 * the KB lists it as an alias); else, for one word, the people whose English name ends with it
 * («Macron» → Emmanuel Macron), at most MAX_SURNAME_PEOPLE of them.
 */
export function kbEntityLookup(name: string): string[] {
  const first = loadKb().lookup(name)[0];
  if (first) return [first.id];
  if (/\s/.test(name.trim())) return [];
  const people = surnameIndex().get(name.trim().toLowerCase()) ?? [];
  return people.length <= MAX_SURNAME_PEOPLE ? people : [];
}

interface RawItem {
  text: string;
  quoted: boolean;
  negated: boolean;
  /** Joined to the previous item by OR. */
  orWithPrevious: boolean;
}

const QUOTE_OPEN = new Set(['"', '«', '“', '„']);
const QUOTE_CLOSE: Record<string, string> = { '"': '"', '«': '»', '“': '”', '„': '“' };

/** Splits the query into words and quoted phrases with their operators. */
function lex(q: string): RawItem[] {
  const items: RawItem[] = [];
  let i = 0;
  let pendingOr = false;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let negated = false;
    let j = i;
    if (c === '-' && j + 1 < q.length && !/\s/.test(q[j + 1])) {
      negated = true;
      j++;
    }
    const open = q[j];
    if (QUOTE_OPEN.has(open)) {
      const close = q.indexOf(QUOTE_CLOSE[open], j + 1);
      const end = close < 0 ? q.length : close;
      items.push({ text: q.slice(j + 1, end), quoted: true, negated, orWithPrevious: pendingOr });
      pendingOr = false;
      i = close < 0 ? q.length : close + 1;
      continue;
    }
    let end = j;
    while (end < q.length && !/\s/.test(q[end])) end++;
    const word = q.slice(j, end);
    i = end;
    if (!negated && (word === 'OR' || word === '|')) {
      if (items.length > 0) pendingOr = true;
      continue;
    }
    items.push({ text: word, quoted: false, negated, orWithPrevious: pendingOr });
    pendingOr = false;
  }
  return items;
}

const LATIN_NAME = /^[\p{Script=Latin}][\p{Script=Latin}\p{N}.'’-]*$/u;

function isLatinWords(s: string): boolean {
  const words = s.trim().split(/\s+/);
  return words.length > 0 && words.every((w) => LATIN_NAME.test(w));
}

/**
 * Parses a query. Never throws; an empty or stop-word-only query has no clauses.
 * @example parseQuery('روسيا OR أوكرانيا -حرب').clauses.length // 1
 */
export function parseQuery(q: string, opts: ParseOptions = {}): ParsedQuery {
  const lookup = opts.lookupEntity ?? kbEntityLookup;
  const clauses: Array<Clause & { bareLatin: string | null }> = [];
  const exclude: Alternative[] = [];
  const dropped: string[] = [];
  let lastWasPositive = false;
  for (const item of lex(q ?? '')) {
    const terms = analyzeTerms(item.text);
    const alt: Alternative | null = terms.length ? { kind: 'phrase', terms, raw: item.text } : null;
    if (!alt) dropped.push(item.text);
    if (item.negated) {
      if (alt) exclude.push(alt);
      lastWasPositive = false;
      continue;
    }
    // A quoted English phrase or an OR-ed English word is looked up as a name on its own.
    const entityAlts: Alternative[] =
      (item.quoted || item.orWithPrevious) && isLatinWords(item.text)
        ? lookup(item.text.trim()).map((id) => ({ kind: 'entity', id, raw: item.text }))
        : [];
    const alts = [...(alt ? [alt] : []), ...entityAlts];
    if (alts.length === 0) continue;
    if (item.orWithPrevious && lastWasPositive && clauses.length > 0) {
      const last = clauses[clauses.length - 1];
      last.alternatives.push(...alts);
      last.bareLatin = null;
    } else {
      const bare = !item.quoted && alt && entityAlts.length === 0 && isLatinWords(item.text) ? item.text : null;
      clauses.push({ alternatives: alts, bareLatin: bare });
    }
    lastWasPositive = true;
  }
  return { clauses: mergeEnglishNames(clauses, lookup), exclude, dropped };
}

/** Runs of bare English words: the longest run the KB knows becomes one «phrase OR entity» clause. */
function mergeEnglishNames(
  clauses: Array<Clause & { bareLatin: string | null }>,
  lookup: (name: string) => string[],
): Clause[] {
  const out: Clause[] = [];
  let i = 0;
  while (i < clauses.length) {
    if (clauses[i].bareLatin === null) {
      out.push({ alternatives: clauses[i].alternatives });
      i++;
      continue;
    }
    let run = 0;
    while (i + run < clauses.length && clauses[i + run].bareLatin !== null && run < MAX_NAME_WORDS) run++;
    let merged = false;
    for (let len = run; len >= 1; len--) {
      const words = clauses.slice(i, i + len);
      const name = words.map((c) => c.bareLatin).join(' ');
      const ids = lookup(name);
      if (ids.length === 0) continue;
      const terms = words.flatMap((c) => c.alternatives.flatMap((a) => (a.kind === 'phrase' ? a.terms : [])));
      out.push({
        alternatives: [
          { kind: 'phrase', terms, raw: name },
          ...ids.map((id): Alternative => ({ kind: 'entity', id, raw: name })),
        ],
      });
      i += len;
      merged = true;
      break;
    }
    if (!merged) {
      out.push({ alternatives: clauses[i].alternatives });
      i++;
    }
  }
  return out;
}

/** The index terms of an alternative (an entity is its entity term). */
export function alternativeTerms(a: Alternative): string[] {
  return a.kind === 'phrase' ? a.terms : [entityTerm(a.id)];
}

/** Distinct index terms that score a document (every positive alternative's terms), sorted. */
export function scoringTerms(p: ParsedQuery): string[] {
  const set = new Set<string>();
  for (const c of p.clauses) for (const a of c.alternatives) for (const t of alternativeTerms(a)) set.add(t);
  return [...set].sort();
}

// ------------------------------------------------------------------ compilers

function ftsPhrase(a: Alternative): string {
  // Terms are letters and digits only (analyzer.ts), so they never need escaping inside quotes.
  return `"${alternativeTerms(a).join(' ')}"`;
}

function ftsGroup(alts: Alternative[]): string {
  return alts.length === 1 ? ftsPhrase(alts[0]) : `(${alts.map(ftsPhrase).join(' OR ')})`;
}

/** The FTS5 MATCH expression of the positive clauses, or null when there are none. */
export function toFts5(p: ParsedQuery): string | null {
  if (p.clauses.length === 0) return null;
  return p.clauses.map((c) => ftsGroup(c.alternatives)).join(' AND ');
}

/** The FTS5 MATCH expression of the excluded alternatives, or null. */
export function toFts5Exclusion(p: ParsedQuery): string | null {
  return p.exclude.length ? ftsGroup(p.exclude) : null;
}

function tsLexeme(t: string): string {
  return `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function tsPhrase(a: Alternative): string {
  const terms = alternativeTerms(a);
  return terms.length === 1 ? tsLexeme(terms[0]) : `(${terms.map(tsLexeme).join(' <-> ')})`;
}

function tsGroup(alts: Alternative[]): string {
  return alts.length === 1 ? tsPhrase(alts[0]) : `(${alts.map(tsPhrase).join(' | ')})`;
}

/** The tsquery text of the positive clauses (cast with ::tsquery, no parser involved), or null. */
export function toTsquery(p: ParsedQuery): string | null {
  if (p.clauses.length === 0) return null;
  return p.clauses.map((c) => tsGroup(c.alternatives)).join(' & ');
}

/** The tsquery text of the excluded alternatives, or null. */
export function toTsqueryExclusion(p: ParsedQuery): string | null {
  return p.exclude.length ? tsGroup(p.exclude) : null;
}
