// Arabic numbers in digits and in words: the one parser shared by the time and amount layers.
//
// Words are read with the grammar of Modern Standard Arabic: units 1–10, teens (ثلاثة عشر),
// unit + و + tens (خمسة وعشرون), hundreds (مئة، مائتان، ثلاثمائة، ثلاث مائة), scales (ألف، مليون،
// مليار) multiplying what precedes (ثلاثة آلاف، عشرون ألفا، 3.5 مليون), duals (ألفين، مليونين), groups
// joined by و in decreasing scale (ألف وخمسمائة), fractions (نصف مليون، مليون ونصف) and vague
// quantities (عشرات الآلاف → 10000–99999, مئات → 100–999, آلاف → 1000–9999, بضعة → 3–9).
// The word lists live in data/amounts/number-words.json.
import { readFileSync } from 'node:fs';

// ------------------------------------------------------------------ folding

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/**
 * The matching form used by number, time and amount lexicons: NFKC, no diacritics or tatweel,
 * أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, Persian ک ی → ك ي, Arabic-Indic and Persian digits → ASCII,
 * ٫ → . and ٬ → , (decimal and thousands separators).
 */
export function foldArabic(s: string): string {
  return s
    .normalize('NFKC')
    .replace(DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ی/g, 'ي')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/٫/g, '.')
    .replace(/٬/g, ',');
}

/** Folded forms of words already seen: number parsing is tried at every word of every text. */
const foldCache = new Map<string, string>();
const FOLD_CACHE_MAX = 50_000;

/** foldArabic for one word, memoised. */
function foldWord(w: string): string {
  let f = foldCache.get(w);
  if (f === undefined) {
    f = foldArabic(w);
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    foldCache.set(w, f);
  }
  return f;
}

// ------------------------------------------------------------------ digits

/**
 * A number written in digits (ASCII, Arabic-Indic or Persian), with thousands separators
 * («1,500,000», «١٬٥٠٠») and decimals («3.5», «٣٫٥», Maghreb «2,5»). Null when `raw` is not one.
 */
export function parseDigits(raw: string): number | null {
  if (!/[0-9٠-٩۰-۹]/.test(raw)) return null;
  const s = foldWord(raw.trim());
  if (!/^\d+(?:[.,]\d+)*$/.test(s)) return null;
  if (/^\d+$/.test(s)) return Number(s);
  // Groups of exactly three digits after a comma are thousands: 1,500 and 12,000,000.
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  // Dots between several three-digit groups are thousands too (1.500.000), a comma then decimals.
  if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+\.\d+$/.test(s)) return Number(s);
  // A single comma not followed by three digits is a decimal comma (2,5 مليون).
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  return null;
}

// ------------------------------------------------------------------ lexicon

interface NumberLexicon {
  units: Map<string, number>;
  teenUnits: Map<string, number>;
  teenTens: Set<string>;
  tens: Map<string, number>;
  hundreds: Map<string, number>;
  hundredWords: Set<string>;
  scales: Map<string, number>;
  scalePlurals: Map<string, number>;
  scaleDuals: Map<string, number>;
  vague: Map<string, [number, number]>;
  fractions: Map<string, number>;
  fractionPlurals: Map<string, number>;
  ordinals: Map<string, number>;
  ordinalsOnlyInCompounds: Set<string>;
  /** First letters of ordinals and tens, to reject most words at once. */
  ordinalInitials: Set<string>;
}

const LEXICON_URL = new URL('../../data/amounts/number-words.json', import.meta.url);
let lexicon: NumberLexicon | null = null;

function foldedMap<V>(obj: Record<string, V>): Map<string, V> {
  return new Map(Object.entries(obj).map(([k, v]) => [foldArabic(k), v]));
}

/** The number lexicon, loaded and folded once per process. */
export function numberLexicon(): NumberLexicon {
  if (lexicon) return lexicon;
  const raw = JSON.parse(readFileSync(LEXICON_URL, 'utf8'));
  lexicon = {
    units: foldedMap<number>(raw.units),
    teenUnits: foldedMap<number>(raw.teenUnits),
    teenTens: new Set((raw.teenTens as string[]).map(foldArabic)),
    tens: foldedMap<number>(raw.tens),
    hundreds: foldedMap<number>(raw.hundreds),
    hundredWords: new Set((raw.hundredWords as string[]).map(foldArabic)),
    scales: foldedMap<number>(raw.scales),
    scalePlurals: foldedMap<number>(raw.scalePlurals),
    scaleDuals: foldedMap<number>(raw.scaleDuals),
    vague: foldedMap<[number, number]>(raw.vague),
    fractions: foldedMap<number>(raw.fractions),
    fractionPlurals: foldedMap<number>(raw.fractionPlurals),
    ordinals: foldedMap<number>(raw.ordinals),
    ordinalsOnlyInCompounds: new Set((raw.ordinalsOnlyInCompounds as string[]).map(foldArabic)),
    ordinalInitials: new Set(),
  };
  for (const w of [...lexicon.ordinals.keys(), ...lexicon.tens.keys()]) lexicon.ordinalInitials.add(w[0]);
  return lexicon;
}

// ------------------------------------------------------------------ parsing

/** A number read from the start of a word sequence. */
export interface NumberParse {
  /** Lowest and highest value meant; equal for exact numbers. */
  low: number;
  high: number;
  /** How many words the number used. */
  consumed: number;
  /** False for vague quantities (عشرات، آلاف، بضعة). */
  exact: boolean;
  /** True when the number began with digits («3.5 مليون»). */
  fromDigits: boolean;
  /** The scale word of the leading group (1000 for «3 آلاف», 1 when none): lets «من 3 إلى 5 ملايين» share it. */
  scale: number;
}

/** An ordinal read from the start of a word sequence («الحادي والعشرين» → 21). */
export interface OrdinalParse {
  value: number;
  consumed: number;
  /** Written with the article (الثالث) rather than bare (ثالث). */
  definite: boolean;
}

/** Words are read from `start`; each may be raw text (folded here). */
class WordCursor {
  private readonly folded: Array<string | undefined>;
  constructor(
    private readonly words: readonly string[],
    private readonly teenTens: ReadonlySet<string>,
  ) {
    this.folded = new Array(words.length);
  }
  /** The folded word at k (folded on first use: most parses stop after a word or two). */
  at(k: number): string | null {
    if (k >= this.words.length) return null;
    return (this.folded[k] ??= foldWord(this.words[k]));
  }
  /**
   * A word joined by the conjunction و at k: either a lone «و» followed by the word, or the word
   * with و glued («وعشرون»). Returns the word without و and the index of the word itself.
   */
  conj(k: number, accept: (w: string) => boolean): { word: string; at: number } | null {
    const w = this.at(k);
    if (w === null) return null;
    if (w === 'و') {
      const next = this.at(k + 1);
      return next !== null && accept(next) ? { word: next, at: k + 1 } : null;
    }
    if (w.length > 1 && w.startsWith('و') && accept(w.slice(1))) {
      // «وأحد عشر» folds to «واحد عشر»: read و + أحد when a teen follows, else «واحد» is one word.
      if (!accept(w) || this.teenTens.has(this.at(k + 1) ?? '')) return { word: w.slice(1), at: k };
    }
    return null;
  }
}

const stripArticle = (w: string): string => (w.startsWith('ال') && w.length > 3 ? w.slice(2) : w);

interface Group {
  value: number;
  /** The scale of the group (1 for plain numbers, 1000 for «ثلاثة آلاف»), 0 for a bare fraction. */
  scale: number;
  end: number;
  fraction: boolean;
  fromDigits: boolean;
}

function isNumberWord(lex: NumberLexicon, w: string): boolean {
  return (
    parseDigits(w) !== null ||
    lex.units.has(w) ||
    lex.teenUnits.has(w) ||
    lex.tens.has(w) ||
    lex.hundreds.has(w) ||
    lex.scales.has(w) ||
    lex.scaleDuals.has(w) ||
    lex.fractions.has(w)
  );
}

/** Units, teens, unit + و + tens, or tens, starting with `word` at k. */
function readTensPart(
  lex: NumberLexicon,
  cur: WordCursor,
  k: number,
  word: string,
): { value: number; end: number } | null {
  const unit = lex.units.get(word);
  const teenUnit = lex.teenUnits.get(word);
  if ((unit !== undefined && unit <= 9) || teenUnit !== undefined) {
    const u = (unit ?? teenUnit) as number;
    const next = cur.at(k + 1);
    if (next !== null && lex.teenTens.has(next)) return { value: 10 + u, end: k + 2 };
    if (unit === undefined) return null; // أحد / اثنا only live in teens
    const c = cur.conj(k + 1, (w) => lex.tens.has(w));
    if (c) return { value: u + (lex.tens.get(c.word) as number), end: c.at + 1 };
    return { value: u, end: k + 1 };
  }
  if (unit !== undefined) return { value: unit, end: k + 1 };
  const tens = lex.tens.get(word);
  if (tens !== undefined) return { value: tens, end: k + 1 };
  return null;
}

/** One group: a base (digits, hundreds, tens part, fraction) and an optional scale word. */
function readGroup(lex: NumberLexicon, cur: WordCursor, k: number, word: string): Group | null {
  let base: number;
  let end: number;
  let fraction = false;
  let fromDigits = false;
  const digits = parseDigits(word);
  const scaleAlone = lex.scales.get(word);
  const dual = lex.scaleDuals.get(word);
  if (digits !== null) {
    base = digits;
    end = k + 1;
    fromDigits = true;
  } else if (scaleAlone !== undefined) {
    return { value: scaleAlone, scale: scaleAlone, end: k + 1, fraction: false, fromDigits: false };
  } else if (dual !== undefined) {
    return { value: dual, scale: dual / 2, end: k + 1, fraction: false, fromDigits: false };
  } else if (lex.hundreds.has(word)) {
    base = lex.hundreds.get(word) as number;
    end = k + 1;
  } else if (
    (lex.units.get(word) ?? 0) >= 1 &&
    (lex.units.get(word) ?? 0) <= 9 &&
    lex.hundredWords.has(cur.at(k + 1) ?? '')
  ) {
    // «ثلاث مائة»: the unit and the hundred word written apart.
    base = (lex.units.get(word) as number) * 100;
    end = k + 2;
  } else if (lex.fractions.has(word)) {
    base = lex.fractions.get(word) as number;
    end = k + 1;
    fraction = true;
  } else {
    const tp = readTensPart(lex, cur, k, word);
    if (!tp) return null;
    base = tp.value;
    end = tp.end;
    // «ثلاثة أرباع»: a unit counting fractions.
    const fp = lex.fractionPlurals.get(cur.at(end) ?? '');
    if (fp !== undefined && base >= 2 && base <= 10)
      return { value: base * fp, scale: 0, end: end + 1, fraction: true, fromDigits };
  }
  // Hundreds may take a tens part: «مائة وخمسون».
  if (!fraction && !fromDigits && base % 100 === 0 && base < 1000) {
    const c = cur.conj(end, (w) => lex.units.has(w) || lex.teenUnits.has(w) || lex.tens.has(w));
    if (c) {
      const tp = readTensPart(lex, cur, c.at, c.word);
      if (tp) {
        base += tp.value;
        end = tp.end;
      }
    }
  }
  // A scale word multiplies the base: singular/accusative after any number, plural after 3–10.
  const next = cur.at(end);
  if (next !== null) {
    const single = lex.scales.get(next);
    const plural = lex.scalePlurals.get(next);
    if (single !== undefined) return { value: base * single, scale: single, end: end + 1, fraction: false, fromDigits };
    // Words follow the grammar (ثلاثة آلاف, but أحد عشر ألفا); digits take either («110 ملايين»).
    if (plural !== undefined && ((base >= 2 && base <= 10) || fromDigits))
      return { value: base * plural, scale: plural, end: end + 1, fraction: false, fromDigits };
  }
  return { value: base, scale: fraction ? 0 : 1, end, fraction, fromDigits };
}

/** «آلاف» or «الآلاف» (the folded «آلاف» itself begins with «ال», so try the word whole first). */
function scalePluralOf(lex: NumberLexicon, w: string): number | undefined {
  return lex.scalePlurals.get(w) ?? lex.scalePlurals.get(stripArticle(w));
}

function readVague(lex: NumberLexicon, cur: WordCursor, start: number): NumberParse | null {
  const first = cur.at(start);
  if (first === null) return null;
  const range = lex.vague.get(first);
  if (range) {
    let [low, high] = range;
    const next = cur.at(start + 1);
    // «عشرات الآلاف», «بضعة ملايين», «بضع مئات»: the vague count multiplies the scale after it.
    const scale =
      next === null
        ? undefined
        : (scalePluralOf(lex, next) ??
          lex.scales.get(next) ??
          (stripArticle(next) === foldArabic('مئات')
            ? 100
            : stripArticle(next) === foldArabic('عشرات')
              ? 10
              : undefined));
    if (scale !== undefined) {
      low *= scale;
      high = (high + 1) * scale - 1;
      return { low, high, consumed: 2, exact: false, fromDigits: false, scale };
    }
    return { low, high, consumed: 1, exact: false, fromDigits: false, scale: 1 };
  }
  // «آلاف», «الملايين» alone: between one and ten of that scale.
  const plural = scalePluralOf(lex, first);
  if (plural !== undefined)
    return { low: plural, high: plural * 10 - 1, consumed: 1, exact: false, fromDigits: false, scale: plural };
  return null;
}

/**
 * Reads the longest number at the start of `words` (from `start`). Words after the first may carry
 * a glued conjunction («وعشرون») or follow a lone «و». Returns null when no number starts there.
 *
 *   parseArabicNumber(['ثلاثة', 'آلاف', 'شخص'])      → { low: 3000, high: 3000, consumed: 2, exact: true }
 *   parseArabicNumber(['عشرات', 'الآلاف', 'من'])     → { low: 10000, high: 99999, consumed: 2, exact: false }
 *   parseArabicNumber(['3.5', 'مليون', 'دولار'])      → { low: 3500000, high: 3500000, consumed: 2 }
 */
export function parseArabicNumber(words: readonly string[], start = 0): NumberParse | null {
  if (start < 0 || start >= words.length) return null;
  const lex = numberLexicon();
  const cur = new WordCursor(words, lex.teenTens);
  const vague = readVague(lex, cur, start);
  if (vague) return vague;

  let total = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let k = start;
  let groups = 0;
  let fromDigits = false;
  let leadScale = 1;
  for (;;) {
    let word: string | null;
    let at: number;
    if (groups === 0) {
      word = cur.at(k);
      at = k;
    } else {
      // Digits may continue a number only after a scale: «26 مليون و330 ألف و823».
      const digitsOk = Number.isFinite(lastScale) && lastScale >= 1000;
      const c = cur.conj(k, (w) => isNumberWord(lex, w) && (digitsOk || parseDigits(w) === null));
      if (!c) break;
      word = c.word;
      at = c.at;
    }
    if (word === null) break;
    const g = readGroup(lex, cur, at, word);
    if (!g) break;
    if (g.fraction && groups > 0) {
      // «مليون ونصف»: the fraction is of the last scale.
      if (!Number.isFinite(lastScale) || g.scale !== 0) break;
      total += g.value * lastScale;
      lastScale = 0;
    } else {
      if (g.scale >= lastScale) break;
      total += g.value;
      lastScale = g.scale;
    }
    if (groups === 0) {
      fromDigits = g.fromDigits;
      leadScale = Math.max(g.scale, 1);
    }
    groups++;
    k = g.end;
    if (g.fromDigits && g.scale === 1) break; // «3 و4» are two numbers, not one
  }
  if (groups === 0) return null;
  // «1.029 تريليون» must not come out as 1028999999999.9999.
  const value = Number(total.toPrecision(15));
  return { low: value, high: value, consumed: k - start, exact: true, fromDigits, scale: leadScale };
}

/**
 * Reads an ordinal at the start of `words`: الأول … العاشر, أول, ثالث, teens (الحادي عشر،
 * الثالثة عشرة), unit + و + tens (الحادي والعشرون، السادس والعشرين) and definite tens (العشرون).
 */
export function parseArabicOrdinal(words: readonly string[], start = 0): OrdinalParse | null {
  if (start < 0 || start >= words.length) return null;
  const lex = numberLexicon();
  const cur = new WordCursor(words, lex.teenTens);
  const w0 = cur.at(start) as string;
  const definite = w0.startsWith('ال');
  if (!lex.ordinalInitials.has((definite ? w0.slice(2) : w0)[0])) return null; // cheap early exit
  const stem = definite ? w0.slice(2) : w0;
  const unit = lex.ordinals.get(stem);
  if (unit !== undefined) {
    const next = cur.at(start + 1);
    if (unit <= 9 && next !== null && lex.teenTens.has(next)) return { value: unit + 10, consumed: 2, definite };
    const c = cur.conj(start + 1, (w) => lex.tens.has(stripArticle(w)));
    if (c && unit <= 9)
      return { value: unit + (lex.tens.get(stripArticle(c.word)) as number), consumed: c.at + 1 - start, definite };
    if (lex.ordinalsOnlyInCompounds.has(stem)) return null;
    return { value: unit, consumed: 1, definite };
  }
  if (definite && lex.tens.has(stem)) return { value: lex.tens.get(stem) as number, consumed: 1, definite };
  return null;
}
