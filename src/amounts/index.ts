// The amount layer: numbers in digits and words, ranges, percentages and currencies, with the
// noun they count, filling `doc.amounts`.
//
//   «عشرات الآلاف من الروس»      → low 10000, high 99999, of «الروس»
//   «من 500 إلى 600 دولة»         → low 500, high 600, of «دولة»
//   «3.5 مليون دولار»             → 3500000, unit USD
//   «20 في المئة من السكان»       → 20, unit %, of «السكان»
//
// Numbers inside time expressions (doc.times: «28 نوفمبر 2022», «48 ساعة») are left to the time
// layer, which runs first. Number words are read by src/text/numbers.ts; lexicons are in data/amounts/.
import type { Amount, Analysis, Span } from '../analysis/types.js';
import type { Stage } from '../analysis/pipeline.js';
import { parseArabicNumber, parseArabicOrdinal } from '../text/numbers.js';
import { scan, SENTENCE_END, type ScanToken } from '../time/scan.js';
import { sentenceIndexAt } from '../time/index.js';
import { amountLexicon, type AmountLexicon, type Currency } from './lexicon.js';

/** How many words a number-word parse may look at. */
const NUMBER_WINDOW = 8;
/** «من 500 إلى 600 دولة بدلاً من 193»: a number without a noun takes the noun of an amount this many tokens before. */
const INHERIT_GAP = 6;
/** Digits read alone in this range with nothing counted after them are years, not amounts. */
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

interface NumberHit {
  i: number;
  j: number;
  start: number;
  low: number;
  high: number;
  exact: boolean;
  scale: number;
  fromDigits: boolean;
}

interface Found {
  amount: Omit<Amount, 'sentence'>;
  i: number;
  j: number;
}

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

class AmountFinder {
  private readonly lex: AmountLexicon;
  private readonly n: number;
  private readonly blocked: boolean[];
  private readonly docWords: Set<string>;
  private readonly docFolded: string;

  constructor(
    private readonly text: string,
    private readonly toks: readonly ScanToken[],
    times: readonly Span[],
  ) {
    this.lex = amountLexicon();
    this.n = toks.length;
    this.blocked = blockedTokens(toks, times);
    this.docWords = new Set(toks.flatMap((t) => t.forms.map((f) => f.form)));
    this.docFolded = ` ${toks.map((t) => t.norm).join(' ')} `;
  }

  private on(i: number): boolean {
    return i >= 0 && i < this.n && !this.toks[i].lineBefore;
  }
  private isWord(i: number, ...ws: string[]): boolean {
    return this.on(i) && ws.includes(this.toks[i].norm);
  }
  private punct(i: number, chars: string): boolean {
    return this.on(i) && this.toks[i].kind === 'punct' && chars.includes(this.toks[i].text);
  }
  private glued(i: number): boolean {
    return this.on(i) && !this.toks[i].spaced;
  }

  /** Folded words from k for the number parser: words and digits, up to punctuation or a time. */
  private wordsFrom(k: number, first: string): string[] {
    const out = [first];
    for (let x = k + 1; x < this.n && out.length < NUMBER_WINDOW; x++) {
      const t = this.toks[x];
      if (t.lineBefore || t.kind === 'punct' || t.kind === 'latin' || this.blocked[x]) break;
      out.push(t.norm);
    }
    return out;
  }

  /** A number (digits or words, with its scale) starting at token i. */
  numberAt(i: number): NumberHit | null {
    if (!this.on(i) || this.blocked[i]) return null;
    const t = this.toks[i];
    if (t.kind === 'num') {
      if (t.value === null) return null;
      // Identifiers, not amounts: «المادة 51», «الـ16», «كوفيد-19», «F-16», «0123456».
      if (this.on(i - 1) && this.lex.labelNouns.has(this.toks[i - 1].norm)) return null;
      if (this.glued(i) && this.on(i - 1) && (this.toks[i - 1].norm === 'ال' || this.toks[i - 1].kind === 'latin'))
        return null;
      if (
        this.glued(i) &&
        this.punct(i - 1, '-') &&
        this.on(i - 2) &&
        this.toks[i - 2].kind !== 'num' &&
        this.glued(i - 1)
      )
        return null;
      if (
        this.glued(i + 1) &&
        this.on(i + 1) &&
        (this.toks[i + 1].kind === 'latin' ||
          (this.toks[i + 1].kind === 'word' &&
            this.toks[i + 1].norm.length > 1 &&
            !/^[وم]$/.test(this.toks[i + 1].norm)))
      )
        return null;
      if (/^0\d/.test(t.norm)) return null;
      // «لفرانس24»: digits glued to a word are part of a name.
      if (this.glued(i) && this.on(i - 1) && this.toks[i - 1].kind === 'word' && this.toks[i - 1].norm.length > 1)
        return null;
      // «3-صفر», «1- صفر»: a score.
      if (this.punct(i + 1, '-') && this.on(i + 2) && this.toks[i + 2].norm === 'صفر') return null;
      if (this.punct(i - 1, '-') && this.on(i - 2) && this.toks[i - 2].norm === 'صفر') return null;
      const p = parseArabicNumber(this.wordsFrom(i, t.norm));
      if (!p) return null;
      return { i, j: i + p.consumed, start: t.start, ...pick(p) };
    }
    if (t.kind !== 'word') return null;
    // «المركز الحادي عشر», «الذكرى الثانية عشرة»: the word ends an ordinal.
    if (
      this.on(i - 1) &&
      this.toks[i - 1].norm.startsWith('ال') &&
      parseArabicOrdinal([this.toks[i - 1].norm, t.norm])?.consumed === 2
    )
      return null;
    for (const f of t.forms) {
      // Only و ف ب ل before a number word: «كميات» is not ك + «ميات».
      if (!/^[وف]?[بل]?$/.test(t.norm.slice(0, t.norm.length - f.form.length))) continue;
      const p = parseArabicNumber(this.wordsFrom(i, f.form));
      if (!p) continue;
      // «واحد» alone is an adjective after its noun («دولة واحدة»), not an amount.
      if (p.exact && p.consumed === 1 && p.low === 1) return null;
      const j = i + p.consumed;
      for (let x = i; x < j; x++) if (this.blocked[x]) return null;
      if (p.low < 1 && this.on(j) && this.lex.fractionNotBefore.has(this.toks[j].norm)) return null;
      return { i, j, start: f.start, ...pick(p) };
    }
    return null;
  }

  /** A range «من 500 إلى 600», «بين 10 و20», «500-600» starting at i, or a single number. */
  amountAt(i: number): Found | null {
    const lead = this.lex.rangeStart.match(this.toks, i, false);
    const a = this.numberAt(lead ? lead.j : i);
    if (!a) return null;
    let b: NumberHit | null = null;
    let sepWord = false;
    const m = a.j;
    if (this.punct(m, '-–')) b = this.numberAt(m + 1);
    else if (this.on(m) && this.lex.rangeTo.has(this.toks[m].norm) && this.toks[m].kind === 'word') {
      b = this.numberAt(m + 1);
      sepWord = true;
    } else if (this.on(m) && this.toks[m].norm.startsWith('و') && this.toks[m].kind === 'word') {
      // «بين عشرة وعشرين»: the second number carries the و.
      b = this.numberAt(m);
      sepWord = true;
    }
    // «بين 10 و20» pairs with و, «من 500 إلى 600» with إلى/حتى or a hyphen.
    if (b && lead) {
      const viaWaw = sepWord && /^و/.test(this.toks[m].norm);
      if (this.toks[lead.j - 1].norm === 'بين' ? !viaWaw : viaWaw) b = null;
    }
    if (b) {
      let low = a.low;
      const high = b.high;
      // «من 3 إلى 5 ملايين»: the scale written once belongs to both ends.
      if (a.scale === 1 && b.scale > 1 && a.low * b.scale <= b.high) {
        low = a.low * b.scale;
      }
      if (low < high) {
        const withLead = !!lead;
        const f = this.finish(
          withLead && lead ? lead.i : a.i,
          withLead && lead ? lead.start : a.start,
          b.j,
          low,
          high,
          a.exact && b.exact,
        );
        // A hyphen between two small numbers with nothing counted is a score («2-1»), not a range.
        if (!sepWord && !lead && f.amount.unit === null && f.amount.of === null && high < 100) return null;
        return { ...f, i: withLead && lead ? lead.i : a.i };
      }
    }
    // A number glued to «-», «:» or «/» with another number is a score, ratio or date part.
    if (
      (this.punct(a.j, '-:/') && this.glued(a.j) && this.on(a.j + 1) && this.toks[a.j + 1].kind === 'num') ||
      (this.punct(a.i - 1, ':/-') &&
        this.glued(a.i) &&
        this.glued(a.i - 1) &&
        this.on(a.i - 2) &&
        this.toks[a.i - 2].kind === 'num')
    )
      return null;
    const f = this.finish(a.i, a.start, a.j, a.low, a.high, a.exact);
    // A bare four-digit year the time layer did not claim («كأس العالم 2022»).
    if (
      a.fromDigits &&
      a.exact &&
      a.j === a.i + 1 &&
      Number.isInteger(a.low) &&
      a.low >= YEAR_MIN &&
      a.low <= YEAR_MAX &&
      !f.amount.unit &&
      !f.amount.of
    )
      return null;
    return { ...f, i: a.i };
  }

  /** Unit (percent, currency) and counted noun after a number ending at token j. */
  private finish(
    first: number,
    start: number,
    j: number,
    low: number,
    high: number,
    exact: boolean,
  ): { amount: Omit<Amount, 'sentence'>; j: number } {
    let unit: string | null = null;
    let k = j;
    // Percent: «20%», «20 في المئة», «20 بالمئة».
    if (this.on(k) && this.toks[k].kind === 'punct' && this.lex.percentSigns.has(this.toks[k].text)) {
      unit = '%';
      k++;
    } else {
      const pp = this.lex.percentPhrases.match(this.toks, k);
      if (pp) {
        unit = '%';
        k = pp.j;
      }
    }
    // «%20» written before the number in right-to-left text.
    if (
      !unit &&
      first > 0 &&
      this.toks[first - 1].kind === 'punct' &&
      this.lex.percentSigns.has(this.toks[first - 1].text) &&
      this.glued(first)
    ) {
      unit = '%';
      start = this.toks[first - 1].start;
    }
    // Currency: «دولار», «ريال قطري», «$».
    if (!unit) {
      const c = this.lex.currencies.match(this.toks, k, false);
      if (c) {
        k = c.j;
        const q = this.on(k) ? this.qualifier(c.value, this.toks[k].norm) : null;
        if (q) k++;
        unit = q ?? this.currencyFromContext(c.value);
      } else if (this.on(k) && this.lex.symbols.has(this.toks[k].text) && this.glued(k)) {
        unit = this.lex.symbols.get(this.toks[k].text) as string;
        k++;
      } else if (first > 0 && this.lex.symbols.has(this.toks[first - 1].text) && this.glued(first)) {
        unit = this.lex.symbols.get(this.toks[first - 1].text) as string;
        start = this.toks[first - 1].start;
      }
    }
    const isMoney = unit !== null && unit !== '%';
    // Fractions and vague counts take a definite noun in construct: «ثلثي الأمريكيين», «آلاف المتظاهرين».
    const of = isMoney ? null : this.countedNoun(k, exact && low >= 1);
    const end = this.toks[k - 1].end;
    return { amount: { text: this.text.slice(start, end), start, end, low, high, unit, of }, j: k };
  }

  private qualifier(c: Currency, word: string): string | null {
    return c.qualifiers.get(word) ?? (word.startsWith('ال') ? (c.qualifiers.get(word.slice(2)) ?? null) : null);
  }

  /** «درهم» in a story that speaks of Morocco is MAD: the first context whose cue the article names. */
  private currencyFromContext(c: Currency): string {
    for (const ctx of c.context) {
      if (ctx.cues.some((cue) => (cue.includes(' ') ? this.docFolded.includes(` ${cue} `) : this.docWords.has(cue))))
        return ctx.code;
    }
    return c.default;
  }

  /** The counted noun: «600 دولة», «عشرات الآلاف من الروس», «آلاف المتظاهرين». Null when none follows. */
  private countedNoun(k: number, exact: boolean): string | null {
    let x = k;
    let partitive = false;
    if (this.on(x) && this.lex.partitive.has(this.toks[x].norm)) {
      partitive = true;
      x++;
    }
    if (!this.on(x) || this.toks[x].kind !== 'word' || this.blocked[x]) return null;
    const tok = this.toks[x];
    const w = tok.norm;
    if (this.lex.notCounted.has(w)) return null;
    // «بالليرة»: a preposition with a definite noun is not what is counted.
    if (tok.forms.some((f) => f.form !== w && f.form.startsWith('ال'))) return null;
    // «وسنواصل», «ويقول»: a verb after the conjunction.
    if (/^و[ستينا]/.test(w) && w.length >= 5 && !partitive) return null;
    // After «من» the noun is definite («من الروس»); directly after an exact number it is not («600 دولة»),
    // after a vague one it may be («آلاف المتظاهرين»).
    const definite = w.startsWith('ال');
    if (partitive ? !definite : definite && exact) return null;
    if (parseArabicNumber([w])) return null;
    return this.toks[x].text.replace(DIACRITICS, '');
  }
}

/** Which tokens overlap a time expression (tokens are in text order; binary search per span). */
function blockedTokens(toks: readonly ScanToken[], spans: readonly Span[]): boolean[] {
  const out = new Array<boolean>(toks.length).fill(false);
  for (const s of spans) {
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < toks.length && toks[k].start < s.end; k++) out[k] = true;
  }
  return out;
}

function pick(p: { low: number; high: number; exact: boolean; scale: number; fromDigits: boolean }) {
  return { low: p.low, high: p.high, exact: p.exact, scale: p.scale, fromDigits: p.fromDigits };
}

export interface TagAmountsOptions {
  /** Time expressions already found: numbers inside them are not amounts. */
  times?: readonly Span[];
  /** Sentence spans, to give each amount its sentence index. */
  sentences?: readonly Span[];
}

/**
 * Finds the amounts of `text`.
 *
 *   tagAmounts('فستكون هناك من 500 إلى 600 دولة بدلاً من 193 فقط')
 *   → [{ text: 'من 500 إلى 600', low: 500, high: 600, of: 'دولة' }, { text: '193', low: 193, high: 193, of: 'دولة' }]
 */
export function tagAmounts(text: string, opts: TagAmountsOptions = {}): Amount[] {
  const toks = scan(text);
  const finder = new AmountFinder(text, toks, opts.times ?? []);
  const found: Found[] = [];
  for (let i = 0; i < toks.length;) {
    const f = finder.amountAt(i);
    if (f) {
      found.push(f);
      i = Math.max(f.j, i + 1);
    } else i++;
  }
  // «من 500 إلى 600 دولة بدلاً من 193 فقط»: a bare number takes the noun of the amount just before it.
  for (let x = 1; x < found.length; x++) {
    const cur = found[x];
    const prev = found[x - 1];
    if (cur.amount.of !== null || cur.amount.unit !== null) continue;
    if (prev.amount.of === null && prev.amount.unit === null) continue;
    const gapTokens = toks.slice(prev.j, cur.i);
    if (gapTokens.length > INHERIT_GAP || gapTokens.some((t) => SENTENCE_END.has(t.text) || t.lineBefore)) continue;
    if (toks[cur.i].lineBefore) continue;
    cur.amount.of = prev.amount.of;
    cur.amount.unit = prev.amount.unit;
  }
  const sentences = opts.sentences ?? [];
  return found.map((f) => ({ ...f.amount, sentence: sentenceIndexAt(sentences, f.amount.start) }));
}

/** Pipeline stage: fills `doc.amounts` (after the time stage). Never throws. */
export const amountStage: Stage = {
  name: 'amounts',
  run(doc: Analysis): Analysis {
    try {
      return { ...doc, amounts: tagAmounts(doc.text, { times: doc.times, sentences: doc.sentences }) };
    } catch (err) {
      return {
        ...doc,
        amounts: [],
        warnings: [...doc.warnings, `amounts: tagging failed (${(err as Error).message})`],
      };
    }
  },
};
