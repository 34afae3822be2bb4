// Recognition: which token runs are time expressions, and what they say (a `Sem`), before any
// resolution against the reference date.
//
// Each rule is a method (token index) → Candidate | null. At every position the longest candidate
// wins (ties: the wider span, then the earlier rule in the lists at the end); then ranges («من 5 إلى
// 10 يونيو», «من 13 تموز الى 15 تموز») and date + clock pairs («الخميس الساعة 8») are merged.
import { parseArabicNumber, parseArabicOrdinal } from '../text/numbers.js';
import type { DayPart, Mod, UnitCode } from './lexicon.js';
import type { CalSem, Candidate, Direction, Sem } from './semantics.js';
import { BARE_YEAR_MAX, BARE_YEAR_MIN, GrammarBlocks, REL_OFFSET } from './blocks.js';
import { attachDate, durationValue, isClockish, isDayish, isRangeEnd, to24, validCal } from './values.js';

export { futureContext } from './tense.js';
export { durationValue } from './values.js';

export class Grammar extends GrammarBlocks {
  // ---------------------------------------------------------------- rules

  /** «28 نوفمبر 2022», «الاثنين 18 شباط», «الأول من شهر شباط», «الثالث عشرة من شباط 2013», «15 رمضان 1444». */
  private dateRule(i: number): Candidate | null {
    let k = i;
    let start = this.on(i) ? this.toks[i].start : 0;
    const wd = this.weekday(i);
    if (wd) {
      start = wd.start;
      k = this.skipComma(wd.j);
      if (this.isWord(k, 'الموافق', 'في')) k++;
    }
    const d = this.dayNum(k);
    if (!d) return null;
    if (!wd) start = d.start;
    let m = d.j;
    if (this.isWord(m, 'من')) m++;
    const mw = this.monthWithYear(m);
    if (!mw) {
      // «السبت السادس عشر»: a weekday with an ordinal day of the current month.
      if (wd && d.ordinal)
        return this.cand(i, d.j, start, { k: 'cal', d: d.day, mRel: 0, weekday: wd.iso }, 'weekday-day');
      return null;
    }
    if (mw.cal.m === undefined && mw.cal.mRel === undefined) return null;
    const cal: CalSem = { ...mw.cal, d: d.day };
    if (wd) {
      cal.weekday = wd.iso;
      // «الثلاثاء الثالث من أيلول» may be the third Tuesday: decided at resolution.
      if (d.ordinal && d.day <= 5) cal.nth = { iso: wd.iso, n: d.day };
    }
    return this.cand(i, mw.j, start, cal, 'date');
  }

  /** «28/11/2022», «2022-11-28», «28.11.2022», «2/2013» (month/year); «21/09» only after a weekday. */
  private numericDateRule(i: number, afterWeekday = false): Candidate | null {
    if (!this.on(i) || this.toks[i].kind !== 'num') return null;
    const t = this.toks[i];
    const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t.norm);
    if (dotted) {
      const cal: CalSem = { k: 'cal', d: +dotted[1], m: +dotted[2], y: +dotted[3] };
      return validCal(cal) ? this.cand(i, i + 1, t.start, cal, 'numeric-date') : null;
    }
    const a = this.int(i);
    if (a === null || !this.punct(i + 1, '/-') || !this.glued(i + 1) || !this.glued(i + 2)) return null;
    const sep = this.toks[i + 1].text;
    const b = this.int(i + 2);
    if (b === null) return null;
    const hasThird = this.punct(i + 3, sep) && this.glued(i + 3) && this.glued(i + 4) && this.int(i + 4) !== null;
    if (hasThird) {
      const c = this.int(i + 4) as number;
      const la = this.toks[i].norm.length;
      const lc = this.toks[i + 4].norm.length;
      let cal: CalSem | null = null;
      if (la === 4) cal = { k: 'cal', y: a, m: b, d: c };
      else if (lc === 4 || lc === 2) {
        const y = lc === 2 ? 2000 + c : c;
        // Day first as in Arabic usage; month first only when the day-first reading is impossible.
        cal = b > 12 && a <= 12 ? { k: 'cal', y, m: a, d: b } : { k: 'cal', y, m: b, d: a };
      }
      return cal && validCal(cal) ? this.cand(i, i + 5, t.start, cal, 'numeric-date') : null;
    }
    if (
      sep === '/' &&
      this.toks[i + 2].norm.length === 4 &&
      a >= 1 &&
      a <= 12 &&
      b >= BARE_YEAR_MIN - 100 &&
      b <= BARE_YEAR_MAX
    )
      return this.cand(i, i + 3, t.start, { k: 'cal', m: a, y: b }, 'numeric-month');
    if (afterWeekday && sep === '/' && a >= 1 && a <= 31 && b >= 1 && b <= 12)
      return this.cand(i, i + 3, t.start, { k: 'cal', d: a, m: b }, 'numeric-day-month');
    return null;
  }

  /** A weekday followed by a numeric day/month: «يوم السبت 21/09». */
  private weekdayNumericRule(i: number): Candidate | null {
    const wd = this.weekday(i);
    if (!wd) return null;
    const nd = this.numericDateRule(this.skipComma(wd.j), true);
    if (!nd || nd.sem.k !== 'cal') return null;
    return this.cand(i, nd.j, wd.start, { ...nd.sem, weekday: wd.iso }, 'weekday-numeric');
  }

  /** «يوليو 13-15», «أغسطس 27 الى 29», «نوفمبر 28، 2022» (month first). */
  private monthDayRule(i: number): Candidate | null {
    const mo = this.monthName(i);
    if (!mo) return null;
    const d = this.int(mo.j);
    if (d === null || d < 1 || d > 31 || this.toks[mo.j].norm.length > 2) return null;
    let k = mo.j + 1;
    let to: number | null = null;
    if ((this.punct(k, '-–') || this.is(k, this.lex.rangeTo)) && this.int(k + 1) !== null) {
      to = this.int(k + 1) as number;
      if (to <= d || to > 31) return null;
      k += 2;
    }
    const yp = this.yearPart(k);
    const base: CalSem = { k: 'cal', m: mo.month, hijri: mo.hijri };
    if (yp) {
      base.y = yp.y;
      base.yRel = yp.yRel;
      k = yp.j;
    } else if (to === null && this.on(k) && this.toks[k].kind === 'word') return null;
    const from: CalSem = { ...base, d };
    if (to === null) return this.cand(i, k, mo.start, from, 'month-day');
    return this.cand(i, k, mo.start, { k: 'range', from, to: { ...base, d: to } }, 'month-day-range');
  }

  /** «من 5 إلى 10 يونيو», «بين 5 و10 يونيو», «13 الى 15 تموز», «من 1-8 شهر ايلول», «من الثالث والعشرون وحتى السادس والعشرين من شهر اكتوبر». */
  private dayRangeRule(i: number): Candidate | null {
    let k = i;
    const lead = this.lex.rangeStart.match(this.toks, i);
    if (lead) k = lead.j;
    const d1 = this.dayNum(k);
    if (!d1) return null;
    let m = d1.j;
    if (this.punct(m, '-–') && this.glued(m + 1) === this.glued(m)) m++;
    else if (this.is(m, this.lex.rangeTo)) m++;
    else if (this.on(m) && this.toks[m].forms.some((f) => f.form === 'حتي' && f.start > this.toks[m].start))
      m++; // «وحتى»
    else return null;
    const d2 = this.dayNum(m);
    if (!d2 || d2.day <= d1.day) return null;
    let n = d2.j;
    if (this.isWord(n, 'من', 'في')) n++;
    const mw = this.monthWithYear(n);
    if (!mw || (mw.cal.m === undefined && mw.cal.mRel === undefined)) return null;
    const start = lead ? lead.start : d1.start;
    return this.cand(
      i,
      mw.j,
      start,
      { k: 'range', from: { ...mw.cal, d: d1.day }, to: { ...mw.cal, d: d2.day } },
      'day-range',
    );
  }

  /** «نوفمبر 2022», «يونيو الماضي», «شهر مارس», «في يونيو», «رمضان 1444», «سبتمبر من العام الماضي». */
  private monthRule(i: number): Candidate | null {
    const mo = this.monthExpr(i);
    if (!mo) return null;
    let k = mo.j;
    const cal: CalSem = { k: 'cal', m: mo.month, hijri: mo.hijri };
    const r = this.lex.relative.get(this.norm(k) ?? '');
    let context = mo.noun || !mo.needContext;
    if (r && r !== 'last' && r !== 'this') {
      cal.dir = r === 'following' ? 'future' : r;
      k++;
      context = true;
    } else {
      const yp = this.yearPart(k, mo.hijri);
      if (yp) {
        cal.y = yp.y;
        cal.yRel = yp.yRel;
        if (mo.hijri) cal.hijriYear = !!yp.hijri || (yp.y !== undefined && yp.y < BARE_YEAR_MIN - 100);
        k = yp.j;
        context = true;
      }
    }
    if (!context) {
      // An ambiguous name (مارس, آب, رمضان) alone needs a date preposition before it.
      const prev = this.norm(i - 1);
      const own = this.toks[i].forms.length > 1 && mo.start > this.toks[i].start; // «بمارس», «في» glued
      const prepOk = (prev !== null && this.lex.yearPrepositions.has(prev)) || own;
      if (!prepOk) return null;
      if (mo.hijri && !this.toks[i].forms.some((f) => this.lex.hijriAfterPreposition.has(f.form))) return null;
    }
    return this.cand(i, k, mo.start, cal, 'month');
  }

  /** «عام 2020», «في 2019», «2022م», «1444 هـ». */
  private yearRule(i: number): Candidate | null {
    const y = this.yearExpr(i, false);
    if (y) {
      const cal: CalSem = y.hijri ? { k: 'cal', y: y.year, hijri: true, hijriYear: true } : { k: 'cal', y: y.year };
      return this.cand(i, y.j, y.start, cal, 'year');
    }
    // A bare year after a date preposition: «في 2019», «منذ 2014», «حتى 2030».
    if (this.form(i, this.lex.yearPrepositions) && this.toks[i].kind === 'word') {
      const b = this.yearExpr(i + 1, true);
      if (b && !this.followedByCountedUnit(b.j) && !(this.punct(b.j, '-–') && this.int(b.j + 1) !== null))
        return this.cand(i + 1, b.j, this.toks[i + 1].start, { k: 'cal', y: b.year }, 'year-after-preposition');
    }
    return null;
  }

  /** Whether a number at j-1 is followed by a unit or percent that makes it a quantity, not a year. */
  private followedByCountedUnit(j: number): boolean {
    if (this.punct(j, '%٪')) return true;
    const u = this.on(j) ? this.lex.units.get(this.toks[j].norm) : undefined;
    return !!u && !u.definite;
  }

  /** «بين عامي 2010 و2015», «من عام 2010 إلى عام 2015», «الفترة 2010-2015», «2022-2023». */
  private yearRangeRule(i: number): Candidate | null {
    let k = i;
    const lead = this.lex.rangeStart.match(this.toks, i);
    if (lead) k = lead.j;
    const noun =
      this.form(k, this.lex.yearNouns) ??
      (this.isWord(k, 'الفتره') ? { form: 'الفتره', start: this.toks[k].start } : null);
    if (noun) k++;
    const y1 = this.int(k);
    if (y1 === null || this.toks[k].norm.length !== 4) return null;
    let m = k + 1;
    let hyphen = false;
    if (this.punct(m, '-–/') && this.glued(m) && this.glued(m + 1)) {
      hyphen = true;
      m++;
    } else if (this.is(m, this.lex.rangeTo)) m++;
    else if (this.on(m) && this.toks[m].norm === 'و') m++;
    else if (
      this.on(m) &&
      this.toks[m].kind === 'word' &&
      this.toks[m].forms.some((f) => f.form === 'الي' || f.form === 'حتي')
    )
      m++;
    else return null;
    if (this.form(m, this.lex.yearNouns)) m++;
    const y2 = this.int(m);
    if (y2 === null || this.toks[m].norm.length !== 4 || y2 <= y1) return null;
    const plausible = (y: number) => y >= BARE_YEAR_MIN && y <= BARE_YEAR_MAX;
    if (!noun && !(hyphen && plausible(y1) && plausible(y2) && y2 - y1 <= 100)) {
      // «من 2010 إلى 2015» without «عام»: only when both are plausible years and nothing is counted after.
      if (
        !lead ||
        !plausible(y1) ||
        !plausible(y2) ||
        (this.on(m + 1) &&
          this.toks[m + 1].kind === 'word' &&
          !this.isWord(m + 1, 'و', 'في', 'من', 'ثم', 'حيث', 'عندما', 'حين'))
      )
        return null;
    }
    let j = m + 1;
    const e = this.era(j);
    if (e) j = e.j;
    const start = lead ? lead.start : noun ? noun.start : this.toks[k].start;
    return this.cand(i, j, start, { k: 'range', from: { k: 'cal', y: y1 }, to: { k: 'cal', y: y2 } }, 'year-range');
  }

  /** «الاثنين», «يوم الجمعة», «الاثنين المقبل», «الأحد من الأسبوع الماضي», «ثلاثاء الأسبوع الفائت». */
  private weekdayRule(i: number): Candidate | null {
    let wd = this.weekday(i);
    let bare = false;
    if (!wd) {
      // A bare weekday is fine before a week: «احد الاسبوع الماضي».
      wd = this.weekday(i, true);
      bare = true;
      if (!wd) return null;
    }
    let k = wd.j;
    let dir: Direction | 'bare' = 'bare';
    let weekRel: number | undefined;
    const r = this.lex.relative.get(this.norm(k) ?? '');
    if (r && r !== 'last' && r !== 'this') {
      dir = r;
      k++;
    } else {
      const kk = this.isWord(k, 'من') ? k + 1 : k;
      const w = this.relWeek(kk);
      if (w) {
        weekRel = w.weekRel;
        k = w.j;
      }
    }
    if (bare && weekRel === undefined) return null;
    return this.cand(
      i,
      k,
      wd.start,
      { k: 'weekday', iso: wd.iso, dir, ...(weekRel !== undefined ? { weekRel } : {}) },
      'weekday',
    );
  }

  /** «ثالث ثلاثاء في أيلول 2014», «آخر اثنين من شهر آذار», «الثلاثاء الأخير من شهر مارس السنة القادمة». */
  private nthWeekdayRule(i: number): Candidate | null {
    if (!this.on(i)) return null;
    let n: number | null = null;
    let k = i;
    const start = this.toks[i].forms[0].start;
    if (this.isWord(i, 'اخر', 'آخر')) {
      n = -1;
      k = i + 1;
    } else {
      const o = parseArabicOrdinal(this.words(i));
      if (o && !o.definite && o.value <= 5) {
        n = o.value;
        k = i + o.consumed;
      }
    }
    let wd: { j: number; iso: number } | null = null;
    if (n !== null) {
      if (this.is(k, this.lex.dayNoun)) k++;
      wd = this.weekday(k, true);
      if (!wd) return null;
      k = wd.j;
    } else {
      wd = this.weekday(i);
      if (!wd) return null;
      k = wd.j;
      if (this.isWord(k, 'الاخير', 'الاخيره')) n = -1;
      else return null; // «الثلاثاء الثالث من …» is handled by the date rule (both readings)
      k++;
    }
    if (this.isWord(k, 'من', 'في')) k++;
    const mw = this.monthWithYear(k);
    if (!mw || (mw.cal.m === undefined && mw.cal.mRel === undefined)) return null;
    return this.cand(i, mw.j, start, { ...mw.cal, nth: { iso: wd.iso, n } }, 'nth-weekday');
  }

  /** «أول أسبوع بشهر أكتوبر 2014», «الأسبوع الأخير في الشهر التاسع سنة 2014», «آخر يوم بشهر عشرة سنة 2015». */
  private edgeOfMonthRule(i: number): Candidate | null {
    if (!this.on(i)) return null;
    let k = i;
    let which: number | null = null;
    let unit: 'W' | 'D' | null = null;
    const unitAt = (x: number): 'W' | 'D' | null => {
      const u = this.on(x) ? this.lex.units.get(this.toks[x].norm) : undefined;
      return u && u.count === 'one' && (u.unit === 'W' || u.unit === 'D') ? (u.unit as 'W' | 'D') : null;
    };
    if (this.isWord(i, 'اول', 'اخر')) {
      which = this.toks[i].norm === 'اول' ? 1 : -1;
      unit = unitAt(i + 1);
      k = i + 2;
    } else if ((unit = unitAt(i)) && this.toks[i].norm.startsWith('ال')) {
      if (this.isWord(i + 1, 'الاول')) which = 1;
      else if (this.isWord(i + 1, 'الاخير')) which = -1;
      k = i + 2;
    }
    if (which === null || unit === null) return null;
    if (this.isWord(k, 'من', 'في')) k++;
    const mw = this.monthWithYear(k);
    if (!mw || mw.cal.m === undefined) return null;
    const cal: CalSem =
      unit === 'W'
        ? { ...mw.cal, weekOfMonth: which }
        : which === 1
          ? { ...mw.cal, d: 1 }
          : { ...mw.cal, lastDay: true };
    return this.cand(i, mw.j, this.toks[i].forms[0].start, cal, 'edge-of-month');
  }

  /** «اليوم», «أمس», «أول أمس», «غداً», «بعد غد», «اليوم الاثنين», «أمس مساءً». */
  private relDayRule(i: number): Candidate | null {
    const m = this.lex.relativeDays.match(this.toks, i);
    if (!m) return null;
    const phrase = this.toks.slice(m.i, m.j).map((t) => t.norm);
    const isToday = phrase.length === 1 && phrase[0] === 'اليوم';
    if (isToday) {
      const next = this.norm(m.j);
      if (next !== null && this.lex.todayNotBefore.has(next)) return null;
      // «اليوم الاثنين»: the weekday says which day.
      const wd = this.weekday(m.j);
      if (wd) return this.cand(i, wd.j, m.start, { k: 'weekday', iso: wd.iso, dir: 'bare' }, 'today-weekday');
    }
    const sem: Sem = { k: 'relDay', offset: m.value };
    const dp = this.lex.dayParts.match(this.toks, m.j, false);
    if (dp && /ا$/.test(this.toks[dp.j - 1].norm))
      return this.cand(i, dp.j, m.start, { k: 'dayPart', part: dp.value, date: sem }, 'relday-daypart');
    return this.cand(i, m.j, m.start, sem, 'relative-day');
  }

  /** «الأسبوع الماضي», «هذا العام», «الشهر المقبل», «القرن الماضي», «الأيام الماضية» (duration), «الأسابيع الثلاثة القادمة». */
  private relUnitRule(i: number): Candidate | null {
    if (!this.on(i)) return null;
    let k = i;
    let start = this.toks[i].forms[0].start;
    let offset: number | null = null;
    let following = false;
    if (this.isWord(i, 'هذا', 'هذه')) {
      const u = this.on(i + 1) ? this.lex.units.get(this.toks[i + 1].norm) : undefined;
      if (!u || u.count !== 'one' || !u.definite || !['D', 'W', 'M', 'Y', 'DE', 'CE'].includes(u.unit)) return null;
      return this.cand(
        i,
        i + 2,
        this.toks[i].start,
        u.unit === 'D' ? { k: 'relDay', offset: 0 } : { k: 'relUnit', unit: u.unit, offset: 0 },
        'this-unit',
      );
    }
    let unitForm: { form: string; start: number } | null = null;
    let u: { unit: UnitCode; count: string; definite: boolean } | undefined;
    for (const f of this.toks[i].forms) {
      const x = this.lex.units.get(f.form);
      if (x && x.definite) {
        u = x;
        unitForm = f;
        break;
      }
    }
    if (!u || !unitForm) return this.lastNRule(i);
    start = unitForm.start;
    k = i + 1;
    if (u.count === 'plural' || u.count === 'two') {
      // «الأيام الماضية», «الأسابيع الثلاثة القادمة», «السنوات العشر الأخيرة», «الساعات الـ24 الماضية».
      let n: number | null = u.count === 'two' ? 2 : null;
      if (this.isWord(k, 'ال') && this.int(k + 1) !== null) k++;
      const num = this.int(k);
      if (num !== null) {
        n = num;
        k++;
      } else {
        const w = parseArabicNumber(this.words(k).map((x) => (x.startsWith('ال') ? x.slice(2) : x)));
        if (w && w.exact && w.low >= 2) {
          n = w.low;
          k += w.consumed;
        }
      }
      if (this.isWord(k, 'القليله')) k++; // «الأيام القليلة الماضية»
      const r = this.lex.relative.get(this.norm(k) ?? '');
      if (!r || !['past', 'future', 'last'].includes(r)) return null;
      return this.cand(i, k + 1, start, { k: 'duration', value: durationValue(u.unit, n) }, 'recent-units');
    }
    const r = this.lex.relative.get(this.norm(k) ?? '');
    if (!r || r === 'last' || r === 'this') return null;
    if (u.unit === 'H' || u.unit === 'MIN' || u.unit === 'S') return null;
    // «الأمين العام السابق» is the former secretary-general, not last year.
    if (u.unit === 'Y' && unitForm.form === 'العام' && this.is(i - 1, this.lex.generalNouns)) return null;
    offset = REL_OFFSET[r];
    following = r === 'following';
    k++;
    const sem: Sem =
      u.unit === 'D' ? { k: 'relDay', offset, following } : { k: 'relUnit', unit: u.unit, offset, following };
    return this.cand(i, k, start, sem, 'relative-unit');
  }

  /** «آخر 24 ساعة», «آخر ثلاث سنوات»: a duration ending now. */
  private lastNRule(i: number): Candidate | null {
    if (!this.isWord(i, 'اخر')) return null;
    const d = this.numberUnit(i + 1);
    if (!d) return null;
    return this.cand(i, d.j, this.toks[i].start, { k: 'duration', value: durationValue(d.unit, d.n) }, 'last-n');
  }

  /** A number and a unit: «3 أيام», «ثلاث سنوات», «48 ساعة», «الـ24 ساعة», «يومين», «نصف ساعة», «عام ونصف». */
  private numberUnit(i: number): { j: number; unit: UnitCode; n: number; start: number } | null {
    if (!this.on(i)) return null;
    let k = i;
    let start = this.toks[i].start;
    if (this.isWord(k, 'ال') && this.int(k + 1) !== null) k++;
    // A dual alone is a number and a unit: «يومين», «أسبوعين».
    const dual = this.form(k, this.duals);
    if (dual) {
      const u = this.lex.units.get(dual.form) as { unit: UnitCode };
      return { ...this.withHalf(k + 1, u.unit, 2), start: dual.start };
    }
    let n: number | null = null;
    let j = k;
    const t = this.toks[k];
    if (t.kind === 'num') {
      if (t.value === null || (this.punct(k + 1, ':/-') && this.glued(k + 1))) return null;
      // «2-1 يوم الثلاثاء»: the second number of a score or ratio.
      if (this.punct(k - 1, ':/-') && !t.spaced && this.int(k - 2) !== null) return null;
      n = t.value;
      j = k + 1;
    } else {
      // «لثمانية سنوات», «بثماني سنوات»: the number word may carry و ف ب ل.
      const rest = this.words(k).slice(1);
      let w: ReturnType<typeof parseArabicNumber> = null;
      for (const f of t.forms) {
        if (!/^[وف]?[بل]?$/.test(t.norm.slice(0, t.norm.length - f.form.length))) continue;
        w = parseArabicNumber([f.form, ...rest]);
        if (w) {
          start = f.start;
          break;
        }
      }
      if (!w || !w.exact || w.low <= 0) return null;
      n = w.low;
      j = k + w.consumed;
    }
    const u = this.on(j) ? this.lex.units.get(this.toks[j].norm) : undefined;
    if (!u || u.definite || n === null) return null;
    // «… يوم الثلاثاء»: «يوم» opens a weekday here, it does not count days.
    if (u.unit === 'D' && this.lex.weekdays.match(this.toks, j + 1, false)) return null;
    return { ...this.withHalf(j + 1, u.unit, n), start };
  }

  private withHalf(j: number, unit: UnitCode, n: number): { j: number; unit: UnitCode; n: number } {
    if (this.on(j) && this.toks[j].norm === 'ونصف') return { j: j + 1, unit, n: n + 0.5 };
    if (this.isWord(j, 'و') && this.isWord(j + 1, 'نصف')) return { j: j + 2, unit, n: n + 0.5 };
    return { j, unit, n };
  }

  /** «قبل 3 أيام», «منذ أسبوعين», «قبل أسبوع», «منذ نحو عامين», «قبل سنوات» (past, vague). */
  private agoRule(i: number): Candidate | null {
    if (!this.on(i)) return null;
    const ago = this.toks[i].forms.find((f) => this.lex.agoWords.has(f.form));
    if (!ago || this.toks[i].kind !== 'word') return null;
    let k = i + 1;
    let mod: Mod | null = null;
    const approx = this.lex.modifiers.match(this.toks, k, false);
    if (approx && approx.value === 'APPROX') {
      mod = 'APPROX';
      k = approx.j;
    }
    let nu = this.numberUnit(k);
    const u = this.on(k) ? this.lex.units.get(this.toks[k].norm) : undefined;
    if (!nu && u && !u.definite && u.count === 'one' && !this.int(k + 1)) {
      // «قبل عام», «قبل عام واحد»
      nu = { j: this.isWord(k + 1, 'واحد', 'واحده') ? k + 2 : k + 1, unit: u.unit, n: 1, start: this.toks[k].start };
    }
    if (nu) {
      // «قبل عام من توليه»: a span before another event, not a date before publication.
      if (this.isWord(nu.j, 'من'))
        return this.cand(
          k,
          nu.j,
          this.toks[k].forms[0].start,
          { k: 'duration', value: durationValue(nu.unit, nu.n) },
          'duration-before-event',
          mod,
        );
      return this.cand(i, nu.j, ago.start, { k: 'ago', unit: nu.unit, n: nu.n }, 'ago', mod);
    }
    if (u && !u.definite && u.count === 'plural' && this.vagueOk(k + 1)) {
      const sem: Sem =
        ago.form === 'منذ' ? { k: 'duration', value: durationValue(u.unit, null) } : { k: 'ref', value: 'PAST_REF' };
      return this.cand(i, k + 1, ago.start, sem, 'ago-vague', mod);
    }
    return null;
  }

  /** A vague plural («سنوات») is a duration only when no genitive noun follows («سنوات الحرب»). */
  private vagueOk(j: number): boolean {
    if (!this.on(j) || this.toks[j].kind !== 'word') return true;
    const w = this.toks[j].norm;
    if (this.lex.vagueDurationAfter.has(w)) return true;
    return !w.startsWith('ال') && !this.lex.units.has(w) && parseArabicNumber([w]) === null;
  }

  /** Durations: «لمدة 3 سنوات», «48 ساعة», «لعقود», «لمئات السنين», «بضعة أيام», «يومين», «خلال أسبوع». */
  private durationRule(i: number): Candidate | null {
    if (!this.on(i)) return null;
    const lead = this.lex.durationLeads.match(this.toks, i);
    const k = lead ? lead.j : i;
    if (!this.on(k)) return null;
    const first = this.toks[k];
    // Number + unit.
    const nu = this.numberUnit(k);
    if (nu) return this.cand(k, nu.j, nu.start, { k: 'duration', value: durationValue(nu.unit, nu.n) }, 'duration');
    // Fractions of a unit: «نصف ساعة», «ربع قرن».
    const frac = first.kind === 'word' ? { نصف: 0.5, ربع: 0.25 }[first.norm as 'نصف' | 'ربع'] : undefined;
    if (frac !== undefined) {
      const u = this.on(k + 1) ? this.lex.units.get(this.toks[k + 1].norm) : undefined;
      if (u && u.count === 'one' && !u.definite)
        return this.cand(
          k,
          k + 2,
          first.start,
          { k: 'duration', value: durationValue(u.unit, frac) },
          'duration-fraction',
        );
    }
    // «ساعة ونصف», «عام ونصف».
    const single = first.kind === 'word' ? this.lex.units.get(first.norm) : undefined;
    if (single && single.count === 'one' && !single.definite) {
      const h = this.withHalf(k + 1, single.unit, 1);
      if (h.n === 1.5)
        return this.cand(
          k,
          h.j,
          first.start,
          { k: 'duration', value: durationValue(h.unit, h.n) },
          'duration-and-half',
        );
    }
    // «عشرات/مئات/آلاف السنين», «بضعة أيام», «عدة أشهر».
    const countWord = first.forms.find((f) => this.lex.vagueCounts.has(f.form) || this.lex.fewCounts.has(f.form));
    if (countWord) {
      const u = this.on(k + 1) ? this.lex.units.get(this.toks[k + 1].norm) : undefined;
      if (u && u.count === 'plural') {
        const mult = this.lex.vagueCounts.get(countWord.form);
        if (mult !== undefined && !u.definite && !this.vagueOk(k + 2)) return null;
        const value = mult !== undefined ? durationValue(u.unit, mult) : durationValue(u.unit, null);
        return this.cand(k, k + 2, countWord.start, { k: 'duration', value }, 'duration-vague-count');
      }
    }
    // A lone plural or singular unit after a lead or a glued ل: «لعقود», «لسنوات طويلة», «لمدة عام», «خلال أسبوع».
    for (const f of first.forms) {
      const u = this.lex.units.get(f.form);
      if (!u || u.definite || u.count === 'two') continue;
      const gluedLam = f.start > first.start && /^[وف]?ل/.test(first.norm) && !first.norm.startsWith('لل');
      if (!lead && !gluedLam) continue;
      if (u.count === 'one' && !lead) continue;
      if (u.count === 'plural' && !this.vagueOk(k + 1)) continue;
      if (u.unit === 'S' || (u.unit === 'MIN' && u.count === 'one')) continue;
      const value = u.count === 'one' ? durationValue(u.unit, 1) : durationValue(u.unit, null);
      return this.cand(k, k + 1, f.start, { k: 'duration', value }, 'duration-bare-unit');
    }
    return null;
  }

  /** «كل يوم», «أسبوعياً», «سنوياً», «كل 4 سنوات», «كل جمعة», «مرتين في الأسبوع». */
  private setRule(i: number): Candidate | null {
    const m = this.lex.sets.match(this.toks, i);
    if (m) return this.cand(i, m.j, m.start, { k: 'set', value: m.value }, 'set');
    if (!this.form(i, this.lex.setEvery)) return null;
    const start = (this.form(i, this.lex.setEvery) as { start: number }).start;
    const wd = this.weekday(i + 1, true);
    if (wd) return this.cand(i, wd.j, start, { k: 'set', value: `XXXX-WXX-${wd.iso}` }, 'set-weekday');
    const nu = this.numberUnit(i + 1);
    if (nu) return this.cand(i, nu.j, start, { k: 'set', value: durationValue(nu.unit, nu.n) }, 'set-every-n');
    return null;
  }

  /** «حالياً», «الآن», «في الوقت الراهن», «مؤخراً», «في المستقبل». */
  private refRule(i: number): Candidate | null {
    const m = this.lex.refs.match(this.toks, i);
    if (!m) return null;
    const last = this.toks[m.j - 1].norm;
    const notBefore = this.lex.refNotBefore.get(last);
    if (notBefore && this.is(m.j, notBefore)) return null;
    // «ألان», «آلان» (Alain, Alan) fold like «الآن»; the adverb is written with the article.
    if (
      m.j - m.i === 1 &&
      this.toks[i].norm === 'الان' &&
      !/^ال/.test(this.toks[i].text.replace(/[\u064B-\u065F\u0670\u0640]/g, ''))
    )
      return null;
    // «في الوقت الراهن»: the preposition stays out of the span.
    const first = this.isWord(i, 'في') && m.j - i > 1 ? i + 1 : i;
    return this.cand(first, m.j, first === i ? m.start : this.toks[first].start, { k: 'ref', value: m.value }, 'ref');
  }

  /** «في الشهر ذاته», «حينها», «آنذاك», «في ذلك الوقت», «العام نفسه». */
  private anaphorRule(i: number): Candidate | null {
    const m = this.lex.anaphors.match(this.toks, i);
    if (!m) return null;
    // «انتهى وقتها الأصلي»: a one-word anaphor followed by an adjective is a noun («its time»).
    if (m.j - m.i === 1 && this.on(m.j) && this.toks[m.j].kind === 'word' && this.toks[m.j].norm.startsWith('ال'))
      return null;
    const first = this.isWord(i, 'في') && m.j - i > 1 ? i + 1 : i;
    return this.cand(
      first,
      m.j,
      first === i ? m.start : this.toks[first].start,
      { k: 'anaphor', gran: m.value },
      'anaphor',
    );
  }

  /** An hour written in words: «الثالثة», «الحادية عشرة», «ثلاثة», «الواحدة». */
  private hourWord(i: number, clockWord: boolean): { j: number; h: number } | null {
    if (!this.on(i) || this.toks[i].kind !== 'word') return null;
    if (this.toks[i].norm === 'الواحده') return { j: i + 1, h: 1 };
    // Hours are feminine ordinals (الساعة الثالثة): «الثاني» is not an hour. An hour never takes «و»
    // (what follows «و» is minutes: «الرابعة وأربعون دقيقة», «ثلاثة وثلث»), so read up to it.
    const w = this.toks[i].norm;
    const all = this.words(i);
    const cut = all.findIndex((x, k) => k > 0 && x.startsWith('و'));
    const hourWords = cut < 0 ? all : all.slice(0, cut);
    const o = parseArabicOrdinal(hourWords);
    if (o && o.definite && o.value >= 1 && o.value <= 12 && (w.endsWith('ه') || w === 'الاولي'))
      return { j: i + o.consumed, h: o.value };
    if (clockWord) {
      const c = parseArabicNumber(hourWords);
      if (c && c.exact && !c.fromDigits && Number.isInteger(c.low) && c.low >= 1 && c.low <= 12)
        return { j: i + c.consumed, h: c.low };
    }
    return null;
  }

  /** «الساعة العاشرة صباحاً», «الساعة 3 و15 دقيقة عصراً», «15:15», «الثالثة فجراً», «الساعة 12 الا ربع قبل الظهر». */
  private clockRule(i: number): Candidate | null {
    if (!this.on(i)) return null;
    let k = i;
    let start = this.toks[i].forms[0].start;
    const cw = this.form(i, this.lex.clock);
    if (cw && cw.form === 'الساعه') {
      start = cw.start;
      k = i + 1;
    }
    const hasClockWord = k > i;
    let h: number | null = null;
    let min = 0;
    let sec: number | undefined;
    let digitsClock = false;
    const a = this.int(k);
    if (a !== null) {
      if (
        this.punct(k + 1, ':') &&
        this.glued(k + 1) &&
        this.glued(k + 2) &&
        this.int(k + 2) !== null &&
        this.toks[k + 2].norm.length === 2
      ) {
        h = a;
        min = this.int(k + 2) as number;
        k += 3;
        digitsClock = true;
        if (
          this.punct(k, ':') &&
          this.glued(k) &&
          this.glued(k + 1) &&
          this.int(k + 1) !== null &&
          this.toks[k + 1].norm.length === 2
        ) {
          sec = this.int(k + 1) as number;
          k += 2;
        }
        if (h > 24 || min > 59 || (sec !== undefined && sec > 59)) return null;
      } else if (hasClockWord && a <= 24 && this.toks[k].norm.length <= 2) {
        h = a;
        k++;
      } else return null;
    } else {
      const hw = this.hourWord(k, hasClockWord);
      if (!hw) return null;
      h = hw.h;
      k = hw.j;
    }
    // Minutes: «وربع», «ونصف», «الا ثلث», «و18 دقيقة», «وثمانية عشر دقيقة».
    if (!digitsClock) {
      const mm = this.minutes(k);
      if (mm) {
        min = mm.min;
        k = mm.j;
        if (mm.minus) {
          h = h === 0 ? 23 : h - 1;
          min = 60 - mm.min;
        }
      }
    }
    // Part of the day: «صباحاً», «بعد الظهر», «قبل الظهر», «هذه الليلة».
    let part: DayPart | undefined;
    let am = false;
    const amp = this.lex.amDayParts.match(this.toks, k, false);
    const thisp = this.lex.thisDayParts.match(this.toks, k, false);
    const dp = this.lex.dayParts.match(this.toks, k, false);
    if (amp) {
      am = true;
      part = 'MO';
      k = amp.j;
    } else if (thisp && thisp.j - thisp.i > 1) {
      part = thisp.value;
      k = thisp.j;
    } else if (dp) {
      part = dp.value;
      k = dp.j;
    }
    if (!hasClockWord && !digitsClock && !part) return null;
    // «الجولة الأولى مساء الأحد»: without «الساعة», a part of the day that leads into a day is not a clock time.
    if (!hasClockWord && !digitsClock && (this.weekday(k) || this.lex.relativeDays.match(this.toks, k, false)))
      return null;
    const hour = to24(h, part, am);
    if (hour === null) return null;
    // Time zone: «بتوقيت غرينتش», «بتوقيت GMT», «بالتوقيت المحلي».
    let tz: string | undefined;
    if (this.form(k, this.lex.timezoneLead)) {
      const z = this.norm(k + 1);
      if (z !== null && this.toks[k + 1].kind !== 'punct') {
        tz = this.lex.timezones.get(z);
        k += 2;
      }
    }
    const sem: Sem = {
      k: 'clock',
      h: hour,
      raw: h,
      min,
      ...(sec !== undefined ? { sec } : {}),
      ...(part ? { part } : {}),
      ...(tz ? { tz } : {}),
    };
    return this.cand(i, k, start, sem, 'clock');
  }

  private minutes(k: number): { j: number; min: number; minus: boolean } | null {
    if (!this.on(k)) return null;
    const t = this.toks[k];
    // «إلا ربع», «الا ثلث»
    if (this.is(k, this.lex.clockMinus)) {
      const q = this.lex.clockMinuteWords.get(this.norm(k + 1) ?? '');
      return q !== undefined ? { j: k + 2, min: q, minus: true } : null;
    }
    let k2 = k;
    let word: string | null = null;
    if (t.norm === 'و') {
      k2 = k + 1;
      word = this.norm(k2);
    } else if (t.norm.startsWith('و') && t.kind === 'word') word = t.norm.slice(1);
    if (word === null) return null;
    const q = this.lex.clockMinuteWords.get(word);
    if (q !== undefined) return { j: k2 + 1, min: q, minus: false };
    // «و18 دقيقة»: the number is glued or follows a lone «و».
    let n: number | null = null;
    let j = k2 + 1;
    if (t.norm === 'و' && this.int(k2) !== null) n = this.int(k2);
    else if (t.norm === 'و' && this.toks[k2]?.kind === 'word') {
      const w = parseArabicNumber(this.words(k2));
      if (w && w.exact) {
        n = w.low;
        j = k2 + w.consumed;
      }
    } else if (t.norm !== 'و' && this.int(k + 1) !== null && this.glued(k + 1) && t.norm === 'و') n = this.int(k + 1);
    else if (t.norm !== 'و') {
      const w = parseArabicNumber([word, ...this.words(k + 1)]);
      if (w && w.exact) {
        n = w.low;
        j = k + w.consumed;
      }
    }
    if (n === null || n < 1 || n > 59 || !Number.isInteger(n)) return null;
    const u = this.on(j) ? this.lex.units.get(this.toks[j].norm) : undefined;
    if (!u || u.unit !== 'MIN') return null;
    return { j: j + 1, min: n, minus: false };
  }

  /** «مساء الاثنين», «صباح اليوم», «فجر الثلاثاء», «ليلة الأحد», «هذا الصباح», «الليلة». */
  private dayPartRule(i: number): Candidate | null {
    const thisp = this.lex.thisDayParts.match(this.toks, i);
    const dp = this.lex.dayParts.match(this.toks, i);
    if (dp && dp.j === i + 1 && !/ا$/.test(this.toks[i].norm) && !this.toks[i].norm.startsWith('ال')) {
      let k = dp.j;
      if (this.is(k, this.lex.dayNoun) && this.weekday(k + 1, true)) k++;
      const inner = this.best(k, [this.relDayRule, this.weekdayRule, this.dateRule, this.numericDateRule]);
      if (
        inner &&
        (inner.sem.k === 'relDay' || inner.sem.k === 'weekday' || (inner.sem.k === 'cal' && inner.sem.d !== undefined))
      )
        return this.cand(i, inner.j, dp.start, { k: 'dayPart', part: dp.value, date: inner.sem }, 'daypart-date');
      if (k > dp.j) {
        const wd = this.weekday(k, true);
        if (wd)
          return this.cand(
            i,
            wd.j,
            dp.start,
            { k: 'dayPart', part: dp.value, date: { k: 'weekday', iso: wd.iso, dir: 'bare' } },
            'daypart-date',
          );
      }
    }
    if (thisp)
      return this.cand(
        i,
        thisp.j,
        thisp.start,
        { k: 'dayPart', part: thisp.value, date: { k: 'relDay', offset: 0 } },
        'this-daypart',
      );
    return null;
  }

  /** «عيد الأضحى», «عيد الميلاد 2020», «رأس السنة الهجرية 2019». */
  private holidayRule(i: number): Candidate | null {
    const m = this.lex.holidays.match(this.toks, i);
    if (!m) return null;
    const y = this.yearExpr(m.j, true);
    return this.cand(
      i,
      y ? y.j : m.j,
      m.start,
      { k: 'holiday', holiday: m.value, ...(y ? { y: y.year } : {}) },
      'holiday',
    );
  }

  /** «الثمانينيات», «ثمانينيات القرن الماضي», «القرن العشرين», «القرن الحادي والعشرين», «القرن الـ19». */
  private decadeRule(i: number): Candidate | null {
    if (!this.on(i)) return null;
    const f = this.toks[i].forms.find((x) => this.lex.decades.has(x.form) || this.lex.decades.has('ال' + x.form));
    if (f) {
      const decade = (this.lex.decades.get(f.form) ?? this.lex.decades.get('ال' + f.form)) as number;
      const c = this.centuryAt(i + 1);
      return this.cand(
        i,
        c ? c.j : i + 1,
        f.start,
        { k: 'decade', decade, ...(c && c.century !== undefined ? { century: c.century } : {}) },
        'decade',
      );
    }
    const c = this.centuryAt(i);
    if (c)
      return this.cand(
        i,
        c.j,
        this.toks[i].forms[0].start,
        {
          k: 'century',
          ...(c.century !== undefined ? { century: c.century } : {}),
          ...(c.rel !== undefined ? { rel: c.rel } : {}),
        },
        'century',
      );
    return null;
  }

  private centuryAt(i: number): { j: number; century?: number; rel?: number } | null {
    if (!this.on(i) || !this.toks[i].forms.some((f) => f.form === 'القرن')) return null;
    let k = i + 1;
    if (this.isWord(k, 'ال') && this.int(k + 1) !== null) k++;
    const v = this.int(k);
    if (v !== null && v >= 1 && v <= 30) return { j: k + 1, century: v - 1 };
    const o = parseArabicOrdinal(this.words(k));
    if (o && o.definite && o.value >= 1 && o.value <= 30) return { j: k + o.consumed, century: o.value - 1 };
    const r = this.lex.relative.get(this.norm(k) ?? '');
    if (r === 'past' || r === 'current') return { j: k + 1, rel: REL_OFFSET[r] };
    return null;
  }

  /** «صيف 2020», «الصيف الماضي», «شتاء العام المقبل». */
  private seasonRule(i: number): Candidate | null {
    const m = this.lex.seasons.match(this.toks, i);
    if (!m) return null;
    const r = this.lex.relative.get(this.norm(m.j) ?? '');
    if (r && (r === 'past' || r === 'future' || r === 'current'))
      return this.cand(i, m.j + 1, m.start, { k: 'season', code: m.value, dir: r }, 'season');
    const yp = this.yearPart(m.j);
    if (yp && !this.isWord(m.j, 'في'))
      return this.cand(i, yp.j, m.start, { k: 'season', code: m.value, y: yp.y, yRel: yp.yRel }, 'season');
    return null;
  }

  /** «الربع الأول من العام الحالي», «النصف الثاني من 2022», «الربع الأخير من العام». */
  private quarterRule(i: number): Candidate | null {
    const f = this.on(i) ? this.toks[i].forms.find((x) => this.lex.quarters.has(x.form)) : undefined;
    if (!f) return null;
    const q = this.lex.quarters.get(f.form) as 'Q' | 'H';
    let n: number | null = null;
    let k = i + 1;
    if (this.isWord(k, 'الاخير')) {
      n = q === 'Q' ? 4 : 2;
      k++;
    } else {
      const o = parseArabicOrdinal(this.words(k));
      if (!o || !o.definite || o.value > (q === 'Q' ? 4 : 2)) return null;
      n = o.value;
      k += o.consumed;
    }
    if (this.isWord(k, 'من')) k++;
    const y = this.yearExpr(k, true);
    if (y) return this.cand(i, y.j, f.start, { k: 'quarter', q, n, y: y.year }, 'quarter');
    const r = this.relYear(k);
    if (r) return this.cand(i, r.j, f.start, { k: 'quarter', q, n, yRel: r.yRel }, 'quarter');
    const u = this.on(k) ? this.lex.units.get(this.toks[k].norm) : undefined;
    if (u && u.unit === 'Y' && u.count === 'one' && u.definite)
      return this.cand(i, k + 1, f.start, { k: 'quarter', q, n, yRel: 0 }, 'quarter');
    return null;
  }

  /** A modifier before a time: «نهاية سبتمبر», «مطلع العام», «منتصف الأسبوع المقبل», «نحو الساعة 3», «أول شباط». */
  private modifierRule(i: number): Candidate | null {
    if (!this.on(i)) return null;
    // «أول شباط», «في اول شباط»: the first day of the month.
    if (this.toks[i].forms.some((f) => f.form === 'اول')) {
      const mw = this.monthWithYear(i + 1);
      if (mw && mw.cal.m !== undefined)
        return this.cand(i, mw.j, this.toks[i].forms[0].start, { ...mw.cal, d: 1 }, 'first-of-month');
    }
    const m = this.lex.modifiers.match(this.toks, i);
    if (!m) return null;
    let k = m.j;
    // Bare «العام/الشهر/الأسبوع» after a modifier is the current one: «مطلع العام», «نهاية الشهر».
    const u = this.on(k) ? this.lex.units.get(this.toks[k].norm) : undefined;
    const inner = this.best(k, CORE_RULES);
    if (u && u.definite && u.count === 'one' && ['W', 'M', 'Y'].includes(u.unit) && (!inner || inner.j <= k + 1)) {
      if (m.value === 'APPROX') return null;
      if (u.unit === 'W' && m.value === 'END')
        return this.cand(i, k + 1, m.start, { k: 'weekend', weekRel: 0 }, 'weekend');
      const sem: Sem = { k: 'relUnit', unit: u.unit, offset: 0 };
      return this.cand(i, k + 1, m.start, sem, 'modifier-current', m.value);
    }
    if (!inner) {
      // «أواخر 2019», «منتصف 2021»: a bare year is a year after a modifier.
      const y = m.value !== 'APPROX' ? this.yearExpr(k, true) : null;
      return y ? this.cand(i, y.j, m.start, { k: 'cal', y: y.year }, 'modifier-year', m.value) : null;
    }
    const s = inner.sem;
    if (m.value === 'END' && s.k === 'relUnit' && s.unit === 'W') {
      return this.cand(i, inner.j, m.start, { k: 'weekend', weekRel: s.offset }, 'weekend');
    }
    // «نصف ساعة» is a duration, not the middle of an hour; «آخر 24 ساعة» is handled by lastNRule.
    if (
      (m.value === 'MID' && s.k === 'duration') ||
      (m.value !== 'APPROX' && (s.k === 'duration' || s.k === 'set' || s.k === 'ref' || s.k === 'anaphor'))
    )
      return null;
    k = inner.j;
    return this.cand(i, k, m.start, s, 'modifier', m.value);
  }

  // ---------------------------------------------------------------- driving

  /** The longest candidate from `rules` at i (ties: the wider span, then the earlier rule). */
  private best(i: number, rules: ReadonlyArray<(this: Grammar, i: number) => Candidate | null>): Candidate | null {
    let best: Candidate | null = null;
    for (const r of rules) {
      const c = r.call(this, i);
      // Longest wins; on equal ends the one covering more («أواخر 2019» over «2019»).
      if (c && c.j > i && (!best || c.j > best.j || (c.j === best.j && c.start < best.start))) best = c;
    }
    return best;
  }

  /** All time expressions of the text, left to right, not overlapping. */
  run(): Candidate[] {
    const found: Candidate[] = [];
    for (let i = 0; i < this.n;) {
      const c = this.best(i, ALL_RULES);
      if (c) {
        found.push(c);
        i = Math.max(c.j, i + 1);
      } else i++;
    }
    return this.mergeDateClock(this.mergeRanges(found));
  }

  /** «من 13 تموز الى 15 تموز», «من عام 2010 إلى عام 2015», «من الساعة 3 الى الساعة 4 بعد العصر». */
  private mergeRanges(cs: Candidate[]): Candidate[] {
    const out: Candidate[] = [];
    for (let x = 0; x < cs.length; x++) {
      const a = cs[x];
      const b = cs[x + 1];
      if (b && isRangeEnd(a.sem) && isRangeEnd(b.sem) && a.sem.k === b.sem.k) {
        const between = b.i - a.j;
        const sepOk =
          between === 1 &&
          (this.is(a.j, this.lex.rangeTo) ||
            this.punct(a.j, '-–') ||
            this.toks[a.j].forms.some((f) => f.form === 'حتي' || f.form === 'الي'));
        const lead = this.lex.rangeStart.match(this.toks, a.i - 1);
        const leadOk = lead && lead.j === a.i;
        if (sepOk && (leadOk || this.punct(a.j, '-–') || !this.isWord(a.j, 'و'))) {
          let from = a.sem;
          const to = b.sem;
          // «من الساعة 3 الى الساعة 4 بعد العصر»: the part of day written once applies to both.
          if (from.k === 'clock' && to.k === 'clock' && !from.part && to.part)
            from = { ...from, h: to24(from.raw ?? from.h, to.part, false) ?? from.h, part: to.part };
          const i = leadOk && lead ? lead.i : a.i;
          const start = leadOk && lead ? lead.start : a.start;
          out.push({ i, j: b.j, start, end: b.end, sem: { k: 'range', from, to }, mod: a.mod ?? b.mod, rule: 'range' });
          x++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  }

  /** «الخميس الساعة 8», «يوم السبت 21/09 الساعة 1:30 بعد الظهر», «الساعة العاشرة من صباح اليوم». */
  private mergeDateClock(cs: Candidate[]): Candidate[] {
    const out: Candidate[] = [];
    for (let x = 0; x < cs.length; x++) {
      const a = cs[x];
      const b = cs[x + 1];
      if (b) {
        let gap = a.j;
        while (gap < b.i && (this.punct(gap, ',،') || this.isWord(gap, 'من', 'في', 'يوم'))) gap++;
        if (gap === b.i) {
          const clockFirst = isClockish(a.sem) && isDayish(b.sem);
          const dateFirst = isDayish(a.sem) && isClockish(b.sem);
          if (clockFirst || dateFirst) {
            const [date, clock] = clockFirst ? [b.sem, a.sem] : [a.sem, b.sem];
            const sem = attachDate(clock, date);
            if (sem) {
              out.push({ i: a.i, j: b.j, start: a.start, end: b.end, sem, mod: a.mod ?? b.mod, rule: 'date+clock' });
              x++;
              continue;
            }
          }
        }
      }
      out.push(a);
    }
    return out;
  }
}

const CORE_RULES: ReadonlyArray<(this: Grammar, i: number) => Candidate | null> = [];
const ALL_RULES: ReadonlyArray<(this: Grammar, i: number) => Candidate | null> = [];

// The rule lists are filled once the class exists (the methods are private, so reach them through the prototype).
{
  const p = Grammar.prototype as unknown as Record<string, (this: Grammar, i: number) => Candidate | null>;
  const core = [
    'dateRule',
    'weekdayNumericRule',
    'numericDateRule',
    'dayRangeRule',
    'monthDayRule',
    'nthWeekdayRule',
    'edgeOfMonthRule',
    'yearRangeRule',
    'monthRule',
    'yearRule',
    'quarterRule',
    'seasonRule',
    'decadeRule',
    'holidayRule',
    'weekdayRule',
    'relDayRule',
    'relUnitRule',
    'dayPartRule',
    'clockRule',
    'agoRule',
    'durationRule',
  ].map((name) => p[name]);
  (CORE_RULES as Array<(this: Grammar, i: number) => Candidate | null>).push(...core);
  (ALL_RULES as Array<(this: Grammar, i: number) => Candidate | null>).push(
    ...core,
    p.modifierRule,
    p.setRule,
    p.refRule,
    p.anaphorRule,
  );
}
