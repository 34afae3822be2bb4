// The amount lexicons (data/amounts/currencies.json, data/amounts/lexicon.json), folded once.
import { readFileSync } from 'node:fs';
import { foldArabic } from '../text/numbers.js';
import { PhraseTable } from '../time/lexicon.js';

/** A currency as written after a number: its default code, qualifiers and context cues. */
export interface Currency {
  default: string;
  /** Folded nationality adjective → code («قطري» → QAR). */
  qualifiers: Map<string, string>;
  /** Folded cue words (possibly several words) → code, in order of preference. */
  context: Array<{ cues: string[]; code: string }>;
}

export interface AmountLexicon {
  currencies: PhraseTable<Currency>;
  symbols: Map<string, string>;
  percentPhrases: PhraseTable<true>;
  percentSigns: Set<string>;
  rangeStart: PhraseTable<true>;
  rangeTo: Set<string>;
  partitive: Set<string>;
  notCounted: Set<string>;
  labelNouns: Set<string>;
  fractionNotBefore: Set<string>;
}

const DATA = new URL('../../data/amounts/', import.meta.url);
let cached: AmountLexicon | null = null;

const foldSet = (xs: string[]): Set<string> => new Set(xs.map(foldArabic));

/** The amount lexicon, loaded once per process. */
export function amountLexicon(): AmountLexicon {
  if (cached) return cached;
  const cur = JSON.parse(readFileSync(new URL('currencies.json', DATA), 'utf8'));
  const lex = JSON.parse(readFileSync(new URL('lexicon.json', DATA), 'utf8'));
  const currencies: Array<[string, Currency]> = [];
  for (const c of cur.currencies as Array<{
    names: string[];
    default: string;
    qualifiers?: Record<string, string>;
    context?: Array<{ cues: string[]; code: string }>;
  }>) {
    const entry: Currency = {
      default: c.default,
      qualifiers: new Map(Object.entries(c.qualifiers ?? {}).map(([k, v]) => [foldArabic(k), v])),
      context: (c.context ?? []).map((x) => ({ cues: x.cues.map(foldArabic), code: x.code })),
    };
    for (const n of c.names) currencies.push([n, entry]);
  }
  cached = {
    currencies: new PhraseTable(currencies),
    symbols: new Map(Object.entries(cur.symbols as Record<string, string>)),
    percentPhrases: new PhraseTable((lex.percentPhrases as string[]).map((p) => [p, true as const])),
    percentSigns: new Set(lex.percentSigns as string[]),
    rangeStart: new PhraseTable((lex.rangeStart as string[]).map((p) => [p, true as const])),
    rangeTo: foldSet(lex.rangeTo),
    partitive: foldSet(lex.partitive),
    notCounted: foldSet(lex.notCounted),
    labelNouns: foldSet(lex.labelNouns),
    fractionNotBefore: foldSet(lex.fractionNotBefore),
  };
  return cached;
}
