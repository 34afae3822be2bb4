#!/usr/bin/env node
// Time tagger coverage on Duckling's Arabic time corpus (../shared/data/time/duckling-ar).
//
//   npx tsc -p tsconfig.json && node eval/time.mjs [--verbose]
//
// Every example is tagged alone with the corpus reference date (2013-02-12). Examples are split in
// two groups:
//   ABSOLUTE — the text states the calendar position itself (a year, a month with a day, a clock
//              time, a holiday): compared on the fields the text states. When the text gives no year
//              the year is not compared, because Duckling takes the next occurrence (assistant use)
//              and rasd the latest one (news reporting).
//   RELATIVE — the position depends on the reference date (اليوم، أمس، الأسبوع الماضي، bare weekdays,
//              «القادم»…): compared on the full value, with every disagreement listed and explained.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusPath = resolve(root, '../shared/data/time/duckling-ar/ar_time_corpus.json');
const verbose = process.argv.includes('--verbose');
if (!existsSync(corpusPath)) {
  console.log(`skipped: Duckling Arabic corpus not found at ${corpusPath}`);
  process.exit(0);
}
const distPath = resolve(root, 'dist/time/index.js');
if (!existsSync(distPath)) {
  console.log('skipped: build first (npx tsc -p tsconfig.json)');
  process.exit(0);
}
const { tagTimes } = await import(distPath);
const corpus = JSON.parse(readFileSync(corpusPath, 'utf8'));
const REF = '2013-02-12';
const DUCKLING_TZ_HOURS = -2;

// ---------------------------------------------------------------- Duckling values → TIMEX3-like strings

const pad = (n) => String(n).padStart(2, '0');
function isoWeek(y, m, d) {
  const t = Date.UTC(y, m - 1, d);
  const wd = new Date(t).getUTCDay() || 7;
  const thu = new Date(t + (4 - wd) * 864e5);
  const jan1 = Date.UTC(thu.getUTCFullYear(), 0, 1);
  return `${thu.getUTCFullYear()}-W${pad(Math.floor((thu - jan1) / 864e5 / 7) + 1)}`;
}
/** A Duckling instant at its grain, written as rasd writes values. */
function atGrain(iso, grain) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  switch (grain) {
    case 'year':
      return String(y);
    case 'month':
      return `${y}-${pad(mo)}`;
    case 'week':
      return isoWeek(y, mo, d);
    case 'day':
      return `${y}-${pad(mo)}-${pad(d)}`;
    case 'hour':
      return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:00`;
    case 'minute':
      return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
    default:
      return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  }
}
/** Duckling's interval end is exclusive: step back one grain unit. */
function minusGrain(iso, grain) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const step = { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 7 * 864e5 }[grain] ?? 864e5;
  const x = new Date(t - step);
  return `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}T${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())}`;
}
function expectedValue(ex) {
  if (ex.from && ex.to) return `${atGrain(ex.from, ex.grain)}/${atGrain(minusGrain(ex.to, ex.grain), ex.grain)}`;
  return atGrain(ex.value, ex.grain);
}
/** rasd writes «08:00Z» for a time given in GMT; Duckling converts it to its own zone (UTC-2). */
function toDucklingZone(v) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/.exec(v);
  if (!m) return v;
  const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) + DUCKLING_TZ_HOURS * 36e5);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

// ---------------------------------------------------------------- grouping

const RELATIVE_WORDS =
  /(^|\s)(اليوم|امس|البارحة|غدا|غد|الغد|بكرة|بكرا|امبارح)(\s|$)|الماض|السابق|المنصرم|الفائت|القادم|المقبل|التالي|الجاي|الحالي|(^|\s)(هذا|هذه)(\s|$)|(^|\s)(قبل|من) اسبوع|خلال|الليلة|^حتى/;
const MONTH_OR_DAY =
  /\d{4}|\d{1,2}\/\d{1,2}|شهر|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|آذار|نيسان|ايار|حزيران|تموز|آب|ايلول|تشرين|عيد|رأس السنة|رمضان/;
const WEEKDAY =
  /(الاثنين|اثنين|الثلاثاء|الثلاثا|ثلاثاء|الاربعاء|اربعاء|اربعا|الخميس|خميس|الجمعة|الجمعه|السبت|الاحد|الأحد|احد)/;
const CALENDAR =
  /\d{4}|\d{1,2}[/:]\d{1,2}|[0-9]+ *(يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|شباط|اذار|آذار|نيسان|تموز|ايلول|اب)|شهر|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|آذار|نيسان|ايار|حزيران|تموز|آب|ايلول|تشرين|الساعة|صباحا|عصرا|فجرا|ظهرا|مساءا|عيد|رأس السنة|رمضان/;
function group(text) {
  const norm = text.replace(/[أإآ]/g, (c) => (c === 'آ' ? 'آ' : 'ا'));
  if (RELATIVE_WORDS.test(norm) && !/اليوم (الاول|الثالث|الاخير)/.test(norm)) return 'relative';
  // A weekday without a month or a date is relative to the reference («الخميس الساعة 8»).
  if (WEEKDAY.test(norm) && !MONTH_OR_DAY.test(norm)) return 'relative';
  if (CALENDAR.test(norm)) return 'absolute';
  if (WEEKDAY.test(norm)) return 'relative';
  return 'relative';
}
const statesYear = (text) => /\d{4}/.test(text);

// ---------------------------------------------------------------- comparing

/** Compares rasd's value and mod with Duckling's expected value; `ignoreYear` for texts without a year. */
function agrees(pred, ex, ignoreYear) {
  const want = expectedValue(ex);
  const got = toDucklingZone(pred.value);
  const dropYear = (v) => (ignoreYear ? v.replace(/(^|\/)\d{4}-/g, '$1') : v);
  if (dropYear(got) === dropYear(want)) return true;
  // «أوائل/أواخر/منتصف آذار»: Duckling gives days or an interval, rasd the month with a TIMEX3 mod.
  if (pred.mod && /^\d{4}-\d{2}$/.test(got)) {
    const [a, b] = want.split('/');
    const inMonth = (v) => v && dropYear(v).startsWith(dropYear(got));
    if (!inMonth(a)) return false;
    const day = (v) => +v.slice(8, 10);
    if (pred.mod === 'START') return day(a) <= 10;
    if (pred.mod === 'END') return day(b ?? a) >= 21;
    if (pred.mod === 'MID') return day(a) >= 10 && day(a) <= 20;
  }
  return false;
}

/** Why rasd's value differs from Duckling's on a relative expression. */
function explain(pred, ex) {
  const want = expectedValue(ex).split('/')[0];
  const got = toDucklingZone(pred.value.split('/')[0]);
  if (pred.type === 'DURATION') return 'TIMEX3 reading: a DURATION, where Duckling gives an interval from now';
  if (/T(MO|MI|AF|EV|NI)$/.test(got) && got.slice(0, 10) === want.slice(0, 10))
    return 'TIMEX3 part of the day (MO/AF/EV/NI), where Duckling gives hours';
  if (/^حتى/.test(ex.text) && got.slice(0, 10) === want.slice(0, 10))
    return '«حتى» is a signal, not part of the TIMEX3: rasd tags the clock time, Duckling the interval from now to it';
  if (
    /T/.test(got) &&
    /T/.test(want) &&
    got.slice(10) === want.slice(10) &&
    got.slice(0, 10) <= REF &&
    want.slice(0, 10) > REF
  )
    return 'news reading: the latest such day on or before the publication date (Duckling: the next one)';
  if (/^\d{4}-\d{2}-\d{2}$/.test(got) && /^\d{4}-\d{2}-\d{2}$/.test(want)) {
    const diff = (Date.parse(got) - Date.parse(want)) / 864e5;
    if (got <= REF && want > REF && diff % 7 === 0)
      return 'news reading: the latest such day on or before the publication date (Duckling: the next one)';
    if (got <= REF && want > REF) return 'news reading: past occurrence (Duckling: next occurrence)';
  }
  if (got.slice(0, 4) < want.slice(0, 4) && got.slice(4) === want.slice(4))
    return 'news reading: the past occurrence of a month/holiday (Duckling: the next one)';
  return null;
}

// ---------------------------------------------------------------- run

const tally = () => ({ n: 0, recognised: 0, agree: 0, yearOnly: 0, misses: [], wrong: [] });
/** Tagging the text again with the year Duckling chose appended gives Duckling's value. */
function sameWithDucklingYear(ex) {
  const year = expectedValue(ex).slice(0, 4);
  const again = tagTimes(`${ex.text} ${year}`, { referenceDate: REF }).sort((a, b) => b.text.length - a.text.length)[0];
  return !!again && agrees(again, ex, false);
}
const G = { absolute: tally(), relative: tally() };
const differences = [];
for (const ex of corpus.examples) {
  const g = G[group(ex.text)];
  g.n++;
  const times = tagTimes(ex.text, { referenceDate: REF });
  const content = ex.text.replace(/^(في|عند|بحدود)\s+/, '');
  const best = times
    .filter((t) => t.text.length >= 0.6 * content.length)
    .sort((a, b) => b.text.length - a.text.length)[0];
  if (!best) {
    g.misses.push(`${ex.text}  →  ${times.map((t) => `«${t.text}» ${t.value}`).join(', ') || 'nothing'}`);
    continue;
  }
  g.recognised++;
  const isAbs = g === G.absolute;
  if (agrees(best, ex, isAbs && !statesYear(ex.text))) g.agree++;
  else if (isAbs && !statesYear(ex.text) && sameWithDucklingYear(ex)) {
    // The month, weekday and day are right; only the year differs, by reading direction.
    g.agree++;
    g.yearOnly++;
  } else {
    const why = isAbs ? null : explain(best, ex);
    const line = `${ex.text}  →  ${best.value}${best.mod ? ` (${best.mod})` : ''}   Duckling ${expectedValue(ex)}`;
    if (why) differences.push(`${line}\n      ${why}`);
    else g.wrong.push(line);
  }
}
let falseAlarms = 0;
for (const neg of corpus.negative ?? []) if (tagTimes(neg, { referenceDate: REF }).length) falseAlarms++;

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
console.log(
  `Duckling Arabic time corpus: ${corpus.examples.length} examples, reference ${REF} (Duckling: ${corpus.meta.referenceTime})`,
);
for (const [name, g] of Object.entries(G)) {
  console.log(
    `${name.toUpperCase().padEnd(8)} ${String(g.n).padStart(3)} examples  recognised ${pct(g.recognised, g.n)}  value agreement ${pct(g.agree, g.recognised)} of recognised (${pct(g.agree, g.n)} of all)` +
      (g.yearOnly
        ? `; ${g.yearOnly} of them differ from Duckling only by the year of a year-less date (past vs next occurrence)`
        : ''),
  );
}
console.log(`negative examples tagged: ${falseAlarms}/${(corpus.negative ?? []).length}`);
console.log(`relative expressions where the news reading rightly differs from Duckling: ${differences.length}`);
console.log(`
Why relative values differ: Duckling serves assistants and reads bare weekdays, months and holidays
forward («الاثنين» on Tuesday 2013-02-12 → Monday 2013-02-18). rasd reads news, written after the
fact: «الاثنين» is the latest Monday on or before the publication date (2013-02-11), «عيد الأضحى» the
last one before it, unless the clause speaks of the future (سوف، سيعقد، من المقرر، المقبل). Expressions
of a span («خلال أسبوعين», «الأسابيع الثلاثة القادمة») are TIMEX3 DURATIONs in rasd, intervals in
Duckling. Absolute expressions without a year are compared without it for the same reason.`);
if (verbose) {
  for (const [name, g] of Object.entries(G)) {
    if (g.misses.length) console.log(`\n${name}: not recognised\n  ${g.misses.join('\n  ')}`);
    if (g.wrong.length) console.log(`\n${name}: wrong value\n  ${g.wrong.join('\n  ')}`);
  }
  if (differences.length) console.log(`\nrelative: news reading differs\n  ${differences.join('\n  ')}`);
} else console.log('(--verbose lists every miss and difference)');
