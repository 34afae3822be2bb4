#!/usr/bin/env node
// Checks the people KB (data/kb/people/*.json) and reports its coverage.
//
//   node scripts/kb/people/validate.mjs            # errors → exit 1; gaps are reported, not fatal
//   node scripts/kb/people/validate.mjs --strict   # gaps are fatal too
//   node scripts/kb/people/validate.mjs --quiet    # only errors, gaps and totals
//
// Errors: duplicate ids, malformed or impossible dates, start after end, roles outside
// data/kb/people/roles.json, invalid ISO2 codes, malformed org ids, an Arabic form shared by two
// people without being listed in ambiguous.json, a file over 2 MB.
// Gaps: for every country in coverage.json, days between `from` and `to` when nobody holds the
// head-of-state, head-of-government (where it exists) or foreign-minister office.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ROLES, normalizeArabicLite } from './common.mjs';

const PEOPLE_DIR = join(ROOT, 'data', 'kb', 'people');
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Gaps up to this many days are hand-overs written with month/year precision, not missing holders. */
const GAP_TOLERANCE_DAYS = 31;
const META_FILES = new Set(['ambiguous.json', 'vacancies.json', 'coverage.json', 'roles.json']);

const args = new Set(process.argv.slice(2));
const errors = [];
const err = (m) => errors.push(m);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
function validIso2(code) {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const name = regionNames.of(code);
  return name !== code && name !== 'Unknown Region';
}

/** Lowest and highest day a partial ISO date can mean: 2019 → [2019-01-01, 2019-12-31]. */
export function dateBounds(d) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return null;
  const [, y, mo, da] = m;
  if (mo && (+mo < 1 || +mo > 12)) return null;
  if (da) {
    const t = Date.UTC(+y, +mo - 1, +da);
    if (new Date(t).getUTCDate() !== +da) return null;
    return [t, t];
  }
  if (mo) return [Date.UTC(+y, +mo - 1, 1), Date.UTC(+y, +mo, 0)];
  return [Date.UTC(+y, 0, 1), Date.UTC(+y, 11, 31)];
}

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

// ---------------------------------------------------------------- load
const files = readdirSync(PEOPLE_DIR)
  .filter((f) => f.endsWith('.json') && !META_FILES.has(f))
  .sort();
const people = [];
for (const f of files) {
  const path = join(PEOPLE_DIR, f);
  if (statSync(path).size > MAX_FILE_BYTES) err(`${f}: over 2 MB`);
  const list = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(list)) err(`${f}: not a JSON array`);
  else for (const e of list) people.push({ file: f, e });
}
const ambiguous = new Set(JSON.parse(readFileSync(join(PEOPLE_DIR, 'ambiguous.json'), 'utf8')).map((a) => a.form));
const vacancies = JSON.parse(readFileSync(join(PEOPLE_DIR, 'vacancies.json'), 'utf8'));
const coverage = JSON.parse(readFileSync(join(PEOPLE_DIR, 'coverage.json'), 'utf8'));

// ---------------------------------------------------------------- entries
const ids = new Map();
const forms = new Map();
const roleCounts = new Map();
const countryCounts = new Map();
const subtypeCounts = new Map();
const terms = []; // { role, country, org, lo, hi, id }
const ARABIC = /[\u0600-\u06FF]/;
for (const { file, e } of people) {
  const where = `${file}: ${e.id}`;
  if (!/^per:[a-z0-9-]+$/.test(e.id ?? '')) err(`${where}: malformed id`);
  if (ids.has(e.id)) err(`${where}: duplicate id (also in ${ids.get(e.id)})`);
  ids.set(e.id, file);
  if (e.type !== 'PER') err(`${where}: type must be PER`);
  if (!e.en || ARABIC.test(e.en)) err(`${where}: English name missing or not English`);
  if (!e.ar || !ARABIC.test(e.ar)) err(`${where}: Arabic name missing`);
  if (e.wikidata !== null && e.wikidata !== undefined)
    err(`${where}: wikidata ids need a stated source; none is stated for people`);
  subtypeCounts.set(e.subtype, (subtypeCounts.get(e.subtype) ?? 0) + 1);
  const own = new Set();
  for (const a of [e.ar, ...(e.aliases_ar ?? [])]) {
    if (!ARABIC.test(a)) err(`${where}: Arabic alias without Arabic letters «${a}»`);
    if (/[A-Za-z]/.test(a)) err(`${where}: Latin letters inside an Arabic form «${a}»`);
    own.add(normalizeArabicLite(a));
  }
  for (const k of own) {
    if (!forms.has(k)) forms.set(k, []);
    forms.get(k).push(e.id);
  }
  for (const o of e.offices ?? []) {
    const ow = `${where} ${o.role}@${o.country ?? o.org ?? '-'}`;
    if (!ROLES.has(o.role)) err(`${ow}: role not in roles.json`);
    if (o.country !== undefined && !validIso2(o.country)) err(`${ow}: invalid ISO2 «${o.country}»`);
    if (o.org !== undefined && !/^org:[a-z0-9-]+$/.test(o.org)) err(`${ow}: malformed org id «${o.org}»`);
    if (o.country === undefined && o.org === undefined && o.role !== 'pope')
      err(`${ow}: office needs a country or an org`);
    const s = dateBounds(o.start);
    const en = o.end === null ? [Infinity, Infinity] : dateBounds(o.end);
    if (!s) err(`${ow}: bad start «${o.start}»`);
    if (!en) err(`${ow}: bad end «${o.end}»`);
    if (s && en && s[0] > en[1]) err(`${ow}: starts (${o.start}) after it ends (${o.end})`);
    roleCounts.set(o.role, (roleCounts.get(o.role) ?? 0) + 1);
    if (o.country) countryCounts.set(o.country, (countryCounts.get(o.country) ?? 0) + 1);
    if (s && en) terms.push({ role: o.role, country: o.country, org: o.org, lo: s[0], hi: en[1], id: e.id });
  }
}
for (const [form, owners] of forms) {
  if (owners.length > 1 && !ambiguous.has(form))
    err(`Arabic form «${form}» shared by ${owners.join(', ')} (declare it in src/ambiguous.lst if intended)`);
}

// ---------------------------------------------------------------- coverage
/** Uncovered stretches of [from, to] given the terms (days, inclusive). */
function gapsOf(list, from, to) {
  const sorted = list
    .map((t) => [Math.max(t.lo, from), Math.min(t.hi, to)])
    .filter(([a, b]) => a <= b)
    .sort((a, b) => a[0] - b[0]);
  const gaps = [];
  let cursor = from;
  for (const [a, b] of sorted) {
    if (a > cursor) gaps.push([cursor, a - DAY]);
    cursor = Math.max(cursor, b + DAY);
  }
  if (cursor <= to) gaps.push([cursor, to]);
  return gaps;
}
const FROM = dateBounds(coverage.from)[0];
const TO = dateBounds(coverage.to)[1];
const vacancyTerms = vacancies
  .filter((v) => v.country)
  .map((v) => ({ ...v, lo: dateBounds(v.start)[0], hi: v.end ? dateBounds(v.end)[1] : Infinity }));
const gapReport = [];
for (const [cc, conf] of Object.entries(coverage.countries)) {
  const kinds = [
    ['head of state', conf.hos ?? coverage.default.hos, [[null, null]]],
    [
      'head of government',
      Array.isArray(conf.hog) ? conf.hog : coverage.default.hog,
      conf.hog === false ? [] : (conf.hogPeriods ?? [[null, null]]),
    ],
    ['foreign minister', coverage.default.fm, [[null, null]]],
  ];
  for (const [label, roles, periods] of kinds) {
    const held = terms.filter((t) => t.country === cc && roles.includes(t.role) && !t.org);
    const vacant = vacancyTerms.filter((v) => v.country === cc && roles.includes(v.role));
    for (const [pFrom, pTo] of periods) {
      const countryFrom = conf.from ? dateBounds(conf.from)[0] : FROM;
      const from = Math.max(FROM, countryFrom, pFrom ? dateBounds(pFrom)[0] : FROM);
      const to = Math.min(TO, pTo ? dateBounds(pTo)[1] : TO);
      if (from > to) continue;
      for (const [a, b] of gapsOf([...held, ...vacant], from, to)) {
        if ((b - a) / DAY + 1 <= GAP_TOLERANCE_DAYS) continue;
        gapReport.push(
          `${cc} ${regionNames.of(cc)}: ${label} ${held.length ? 'missing' : 'none'} ${iso(a)} → ${iso(b)}`,
        );
      }
    }
  }
}

// ---------------------------------------------------------------- report
const sortDesc = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
console.log(`people: ${people.length} in ${files.length} files (${files.join(', ')})`);
console.log(
  `offices: ${terms.length}; ambiguous Arabic forms declared: ${ambiguous.size}; declared vacancies: ${vacancies.length}`,
);
if (!args.has('--quiet')) {
  console.log('\nper role:');
  for (const [r, n] of sortDesc(roleCounts)) console.log(`  ${r.padEnd(24)} ${n}`);
  console.log('\nper subtype:');
  for (const [r, n] of sortDesc(subtypeCounts)) console.log(`  ${String(r).padEnd(24)} ${n}`);
  console.log('\noffices per country:');
  const line = sortDesc(countryCounts).map(([c, n]) => `${c} ${n}`);
  for (let i = 0; i < line.length; i += 12) console.log('  ' + line.slice(i, i + 12).join('  '));
}
console.log(
  `\ncoverage gaps (${coverage.from} → ${coverage.to}, over ${GAP_TOLERANCE_DAYS} days): ${gapReport.length}`,
);
for (const g of gapReport) console.log('  ' + g);
if (errors.length) {
  console.log(`\nERRORS: ${errors.length}`);
  for (const m of errors) console.log('  ' + m);
}
process.exit(errors.length || (args.has('--strict') && gapReport.length) ? 1 : 0);
