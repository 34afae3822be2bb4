// The building blocks of the time grammar: token tests and the small parsers every rule uses
// (a month name, a year, a day of the month, a weekday…). The rules themselves are in grammar.ts.
import { parseArabicNumber, parseArabicOrdinal } from '../text/numbers.js';
import { timeLexicon, type Mod, type TimeLexicon } from './lexicon.js';
import type { ScanToken } from './scan.js';
import type { CalSem, Candidate, Sem } from './semantics.js';

/** Years written alone (no «عام», no era mark) are read as years only in this range. */
export const BARE_YEAR_MIN = 1900;
export const BARE_YEAR_MAX = 2100;
/** Years after «عام/سنة» or with an era mark. */
const NOUN_YEAR_MIN = 1000;
const NOUN_YEAR_MAX = 2999;
/** Hijri years (with هـ or after a Hijri month). */
export const HIJRI_YEAR_MIN = 1300;
const HIJRI_YEAR_MAX = 1600;
/** How many words a number-word parse may look at. */
export const NUMBER_WINDOW = 6;

interface Span {
  i: number;
  j: number;
  start: number;
}
interface MonthHit extends Span {
  month: number;
  hijri: boolean;
  needContext: boolean;
  noun: boolean;
}
interface YearHit extends Span {
  year: number;
  hijri: boolean;
  noun: boolean;
}
interface DayHit extends Span {
  day: number;
  ordinal: boolean;
}

export const REL_OFFSET: Record<string, number> = { past: -1, future: 1, following: 1, current: 0, this: 0 };

export class GrammarBlocks {
  protected readonly lex: TimeLexicon;
  protected readonly n: number;
  /** Dual unit words («يومين», «عامين»): a number and a unit in one word. */
  protected readonly duals: Set<string>;

  constructor(protected readonly toks: readonly ScanToken[]) {
    this.lex = timeLexicon();
    this.n = toks.length;
    this.duals = new Set([...this.lex.units].filter(([, u]) => u.count === 'two' && !u.definite).map(([w]) => w));
  }

  // ---------------------------------------------------------------- token helpers

  /** Token i exists and continues the current line. */
  protected on(i: number): boolean {
    return i >= 0 && i < this.n && !this.toks[i].lineBefore;
  }
  protected norm(i: number): string | null {
    return this.on(i) ? this.toks[i].norm : null;
  }
  protected is(i: number, set: Set<string>): boolean {
    return this.on(i) && set.has(this.toks[i].norm);
  }
  protected isWord(i: number, ...words: string[]): boolean {
    return this.on(i) && words.includes(this.toks[i].norm);
  }
  /** The form of token i (bare or with a proclitic stripped) found in `set`. */
  protected form(i: number, set: Set<string>): { form: string; start: number } | null {
    if (!this.on(i)) return null;
    for (const f of this.toks[i].forms) if (set.has(f.form)) return f;
    return null;
  }
  protected punct(i: number, chars: string): boolean {
    return this.on(i) && this.toks[i].kind === 'punct' && chars.includes(this.toks[i].text);
  }
  protected glued(i: number): boolean {
    return this.on(i) && !this.toks[i].spaced;
  }
  /** Integer value of a digits token. */
  protected int(i: number): number | null {
    if (!this.on(i) || this.toks[i].kind !== 'num') return null;
    const v = this.toks[i].value;
    return v !== null && Number.isInteger(v) && /^\d+$/.test(this.toks[i].norm) ? v : null;
  }
  protected words(i: number): string[] {
    const out: string[] = [];
    for (let k = i; k < this.n && out.length < NUMBER_WINDOW; k++) {
      if (k > i && this.toks[k].lineBefore) break;
      if (this.toks[k].kind === 'punct') break;
      out.push(this.toks[k].norm);
    }
    return out;
  }
  protected cand(i: number, j: number, start: number, sem: Sem, rule: string, mod: Mod | null = null): Candidate {
    // Spans never end on punctuation except a closing bracket of «حزيران (يونيو)».
    let last = j - 1;
    while (last > i && this.toks[last].kind === 'punct' && this.toks[last].text !== ')') last--;
    return { i, j: last + 1, start, end: this.toks[last].end, sem, mod, rule };
  }
  protected skipComma(i: number): number {
    return this.punct(i, ',،') ? i + 1 : i;
  }

  // ---------------------------------------------------------------- building blocks

  /** A month name, with a second naming system in apposition: «يونيو/حزيران», «حزيران (يونيو)». */
  protected monthName(i: number): MonthHit | null {
    const m = this.lex.months.match(this.toks, i);
    if (!m || !this.on(i)) return null;
    let j = m.j;
    const same = (k: number) => {
      const m2 = this.lex.months.match(this.toks, k, false);
      return m2 && m2.value.month === m.value.month && m2.value.hijri === m.value.hijri ? m2 : null;
    };
    if (this.punct(j, '/-')) {
      const m2 = same(j + 1);
      if (m2) j = m2.j;
    } else if (this.punct(j, '(')) {
      const m2 = same(j + 1);
      if (m2 && this.punct(m2.j, ')')) j = m2.j + 1;
    }
    return { i, j, start: m.start, ...m.value, needContext: m.value.needContext && j === m.j, noun: false };
  }

  /** «شهر» + month name or number, or a month name alone. `ordinalMonth` also accepts «الشهر الثامن». */
  protected monthExpr(i: number, ordinalMonth = false): MonthHit | null {
    const noun = this.form(i, this.lex.monthNoun);
    if (noun) {
      const name = this.monthName(i + 1);
      if (name) return { ...name, i, start: noun.start, needContext: false, noun: true };
      const v = this.int(i + 1);
      if (v !== null && v >= 1 && v <= 12 && !this.punct(i + 2, '/:'))
        return { i, j: i + 2, start: noun.start, month: v, hijri: false, needContext: false, noun: true };
      const w = parseArabicNumber(this.words(i + 1));
      if (w && w.exact && !w.fromDigits && w.low >= 2 && w.low <= 12 && Number.isInteger(w.low))
        return {
          i,
          j: i + 1 + w.consumed,
          start: noun.start,
          month: w.low,
          hijri: false,
          needContext: false,
          noun: true,
        };
      if (ordinalMonth && noun.form.startsWith('ال')) {
        const o = parseArabicOrdinal(this.words(i + 1));
        if (o && o.definite && o.value >= 1 && o.value <= 12)
          return {
            i,
            j: i + 1 + o.consumed,
            start: noun.start,
            month: o.value,
            hijri: false,
            needContext: false,
            noun: true,
          };
      }
      return null;
    }
    return this.monthName(i);
  }

  /** An era mark after a year: «2022م», «1444 هـ», «ميلادية». */
  protected era(i: number): { j: number; hijri: boolean } | null {
    if (!this.on(i) || this.toks[i].kind !== 'word') return null;
    const w = this.toks[i].norm;
    if (this.lex.eraHijri.has(w)) return { j: i + 1, hijri: true };
    if (this.lex.eraGregorian.has(w)) return { j: i + 1, hijri: false };
    return null;
  }

  /** A year: «عام 2020», «العام 2020», «لعام 2014», «2022م», «1444 هـ»; bare «2019» only when `bare`. */
  protected yearExpr(i: number, bare: boolean, hijriOk = false): YearHit | null {
    let k = i;
    let start = this.on(i) ? this.toks[i].start : 0;
    const noun = this.form(i, this.lex.yearNouns);
    if (noun) {
      start = noun.start;
      k = i + 1;
    }
    const y = this.int(k);
    if (y === null && noun) {
      // «عام ألفين وعشرة»: a year in words after «عام».
      const w = parseArabicNumber(this.words(k));
      if (w && w.exact && !w.fromDigits && Number.isInteger(w.low) && w.low >= NOUN_YEAR_MIN && w.low <= NOUN_YEAR_MAX)
        return { i, j: k + w.consumed, start, year: w.low, hijri: false, noun: true };
    }
    if (y === null || this.toks[k].norm.length > 4) return null;
    // «2010-2015», «28/11/2022» are not plain years.
    if (this.punct(k + 1, '/') && this.glued(k + 1)) return null;
    const e = this.era(k + 1);
    if (e) {
      const ok = e.hijri ? y >= 1 && y <= HIJRI_YEAR_MAX : y >= 1 && y <= NOUN_YEAR_MAX;
      return ok ? { i, j: e.j, start, year: y, hijri: e.hijri, noun: !!noun } : null;
    }
    if (noun)
      return y >= NOUN_YEAR_MIN && y <= NOUN_YEAR_MAX
        ? { i, j: k + 1, start, year: y, hijri: false, noun: true }
        : null;
    if (bare && y >= BARE_YEAR_MIN && y <= BARE_YEAR_MAX && this.toks[k].norm.length === 4)
      return { i, j: k + 1, start, year: y, hijri: false, noun: false };
    // After a Hijri month a bare Hijri year needs no mark: «15 رمضان 1444».
    if (hijriOk && y >= HIJRI_YEAR_MIN && y <= HIJRI_YEAR_MAX)
      return { i, j: k + 1, start, year: y, hijri: true, noun: false };
    return null;
  }

  /** «العام الماضي», «السنة المقبلة», «هذا العام», «العام الجاري» → year offset. */
  protected relYear(i: number): { j: number; yRel: number } | null {
    const yearOne = (k: number) => {
      const u = this.on(k) ? this.lex.units.get(this.toks[k].norm) : undefined;
      return u && u.unit === 'Y' && u.count === 'one' && u.definite;
    };
    if (this.isWord(i, 'هذا', 'هذه') && yearOne(i + 1)) return { j: i + 2, yRel: 0 };
    if (yearOne(i)) {
      const r = this.lex.relative.get(this.norm(i + 1) ?? '');
      if (r && r !== 'last' && r !== 'following') return { j: i + 2, yRel: REL_OFFSET[r] };
    }
    return null;
  }

  /** The year part after a month: «2022», «من العام الماضي», «سنة 2015», «لعام 2014», «بعام 2014». */
  protected yearPart(i: number, hijriMonth = false): { j: number; y?: number; yRel?: number; hijri?: boolean } | null {
    let k = this.skipComma(i);
    if (this.isWord(k, 'من', 'في')) k++;
    const y = this.yearExpr(k, true, hijriMonth);
    if (y) return { j: y.j, y: y.year, hijri: y.hijri || (y.year >= HIJRI_YEAR_MIN && y.year < BARE_YEAR_MIN - 100) };
    const r = this.relYear(k);
    if (r) return { j: r.j, yRel: r.yRel };
    return null;
  }

  /** A day of the month: «28», «الأول», «الثالث عشر», «الحادي والعشرين», «اليوم الثالث», «ثالث يوم». */
  protected dayNum(i: number): DayHit | null {
    if (!this.on(i)) return null;
    const v = this.int(i);
    if (v !== null) {
      if (v < 1 || v > 31 || this.toks[i].norm.length > 2 || this.punct(i + 1, ':')) return null;
      return { i, j: i + 1, start: this.toks[i].start, day: v, ordinal: false };
    }
    let k = i;
    if (this.isWord(i, 'اليوم') && this.on(i + 1)) k = i + 1;
    const o = parseArabicOrdinal(this.words(k));
    if (!o || o.value < 1 || o.value > 31) return null;
    let j = k + o.consumed;
    // An indefinite ordinal is a day only as «ثالث يوم» («انضمت ثالثة في آذار» is a third person).
    if (!o.definite) {
      if (!this.form(j, this.lex.dayNoun)) return null;
      j++;
    }
    return { i, j, start: this.toks[i].start, day: o.value, ordinal: true };
  }

  /** A weekday: «الاثنين», «يوم الجمعة», «يوم أحد»; bare forms («اثنين») only when `bareOk` or after «يوم». */
  protected weekday(i: number, bareOk = false): { i: number; j: number; start: number; iso: number } | null {
    if (!this.on(i)) return null;
    let k = i;
    let start = this.toks[i].start;
    const yawm = this.form(i, this.lex.dayNoun);
    if (yawm && this.lex.weekdays.match(this.toks, i + 1, false)) {
      k = i + 1;
      start = yawm.start;
    }
    const w = this.lex.weekdays.match(this.toks, k, k === i);
    if (!w) return null;
    if (!w.value.definite && !bareOk && k === i) return null;
    if (k === i) start = w.start;
    if (this.is(i - 1, this.lex.weekdayNotAfter) || this.is(w.j, this.lex.weekdayNotBefore)) return null;
    return { i, j: w.j, start, iso: w.value.iso };
  }

  /** «الأسبوع الماضي», «هذا الأسبوع», «الأسبوع المقبل» → week offset. */
  protected relWeek(i: number): { j: number; weekRel: number } | null {
    if (this.isWord(i, 'هذا') && this.is(i + 1, this.lex.weekNoun)) return { j: i + 2, weekRel: 0 };
    if (this.form(i, this.lex.weekNoun)) {
      const r = this.lex.relative.get(this.norm(i + 1) ?? '');
      if (r && r !== 'last' && r !== 'following') return { j: i + 2, weekRel: REL_OFFSET[r] };
    }
    return null;
  }

  /** A month with its year: «شباط», «مارس السنة القادمة», «الشهر القادم», «هذا الشهر», «شهر عشرة سنة 2015». */
  protected monthWithYear(i: number): { j: number; cal: CalSem } | null {
    if (this.isWord(i, 'هذا') && this.is(i + 1, this.lex.monthNoun)) return { j: i + 2, cal: { k: 'cal', mRel: 0 } };
    if (this.form(i, this.lex.monthNoun) && this.norm(i)?.startsWith('ال')) {
      const r = this.lex.relative.get(this.norm(i + 1) ?? '');
      if (r && r !== 'last' && r !== 'following') return { j: i + 2, cal: { k: 'cal', mRel: REL_OFFSET[r] } };
    }
    const mo = this.monthExpr(i, true);
    if (!mo) return null;
    const cal: CalSem = { k: 'cal', m: mo.month, hijri: mo.hijri };
    // «23 فبراير الماضي», «الخامس من يونيو المقبل».
    const r = this.lex.relative.get(this.norm(mo.j) ?? '');
    if (r && r !== 'last' && r !== 'this')
      return { j: mo.j + 1, cal: { ...cal, dir: r === 'following' ? 'future' : r } };
    const yp = this.yearPart(mo.j, mo.hijri);
    if (yp) {
      if (yp.y !== undefined) cal.y = yp.y;
      if (yp.yRel !== undefined) cal.yRel = yp.yRel;
      if (mo.hijri) cal.hijriYear = !!yp.hijri;
      return { j: yp.j, cal };
    }
    return { j: mo.j, cal };
  }
}
