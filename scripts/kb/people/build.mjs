#!/usr/bin/env node
// Builds data/kb/people/<region>.json from the hand-curated sources data/kb/people/src/<region>.txt.
//
// Why a source format at all: office lists are written as *successions* (one line per holder, in
// order), so an end date is simply the next holder's start. That keeps 2,000 terms consistent
// without typing every end date twice. The format is documented in data/kb/people/README.md.
//
//   node scripts/kb/people/build.mjs            # writes the JSON files and ambiguous.json
//   node scripts/kb/people/build.mjs --check    # fails if the JSON on disk is not what the sources give
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeArabicLite, ROYAL_ROLES, personId } from './common.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PEOPLE_DIR = join(ROOT, 'data', 'kb', 'people');
const SRC_DIR = join(PEOPLE_DIR, 'src');

/** Penultimate words that belong to the surname («دي ميستورا», «فان دير لاين», «أبو الغيط»). */
const SURNAME_PARTICLES = new Set([
  'دي',
  'دا',
  'دو',
  'ديل',
  'دل',
  'فان',
  'فون',
  'دير',
  'لا',
  'لو',
  'أبو',
  'ابو',
  'بن',
  'آل',
  'ال',
  'ولد',
  'سان',
]);

class SourceError extends Error {}

function parseAliases(body) {
  // «{ar1; ar2 | en1; en2}» — each variant goes by its script, so «{| en}» and «{en}» both work.
  const items = body
    .split(/[;؛|]/)
    .map((x) => x.trim())
    .filter(Boolean);
  const isArabic = (x) => /[\u0600-\u06FF]/.test(x);
  return { ar: items.filter(isArabic), en: items.filter((x) => !isArabic(x)) };
}

/** Parses one person reference: «Name [= Arabic] [{aliases}] [!SUBTYPE]». */
function parsePersonRef(text, where) {
  let rest = text.trim();
  let subtype = null;
  const sub = rest.match(/\s!([A-Z_]+)\s*$/);
  if (sub) {
    subtype = sub[1];
    rest = rest.slice(0, sub.index).trim();
  }
  let aliases = { ar: [], en: [] };
  const br = rest.match(/\{([^}]*)\}\s*$/);
  if (br) {
    aliases = parseAliases(br[1]);
    rest = rest.slice(0, br.index).trim();
  }
  let en = rest;
  let ar = null;
  const eq = rest.indexOf(' = ');
  if (eq >= 0) {
    en = rest.slice(0, eq).trim();
    ar = rest.slice(eq + 3).trim();
    if (!/[\u0600-\u06FF]/.test(ar)) throw new SourceError(`${where}: Arabic name expected after «=»`);
  }
  if (!en || /[\u0600-\u06FF]/.test(en)) throw new SourceError(`${where}: English name expected, got «${en}»`);
  // «Mohamed Abdelaziz #polisario»: the tag tells homonyms apart (key and id), not shown in `en`.
  const key = en;
  const tag = en.match(/\s#([a-z0-9-]+)$/);
  if (tag) en = en.slice(0, tag.index).trim();
  return { key, en, ar, aliases, subtype, tag: tag ? tag[1] : null };
}

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Parses one source file into { persons: Map, offices: [], vacancies: [], options }.
 * Persons are keyed by English name; a person is *defined* by the line carrying «= Arabic».
 */
function parseSource(file, text) {
  const name = basename(file, '.txt');
  const persons = [];
  const blocks = [];
  const vacancies = [];
  const options = { autosurname: true };
  let ctx = null; // { country?, org? }
  let block = null;
  const lines = text.split('\n');
  lines.forEach((raw, n) => {
    const where = `${name}.txt:${n + 1}`;
    const line = raw
      .replace(/\s+#\s.*$/, '')
      .replace(/^#.*$/, '')
      .trimEnd();
    if (!line.trim()) return;
    if (line.startsWith('!')) {
      const m = line.match(/^!(\w+)=(\w+)$/);
      if (!m) throw new SourceError(`${where}: bad option line`);
      options[m[1]] = m[2] === 'on';
      return;
    }
    if (line.startsWith('@')) {
      const m = line.match(/^@(\S+)/);
      const key = m[1];
      if (key === 'none') ctx = {};
      else if (key.startsWith('org:')) ctx = { org: key };
      else if (/^[A-Z]{2}$/.test(key)) ctx = { country: key };
      else throw new SourceError(`${where}: bad context «${key}»`);
      block = null;
      return;
    }
    if (!/^\s/.test(line)) {
      // Role header: «role [XX] [org:id]» — extra tokens replace the block context.
      if (!ctx) throw new SourceError(`${where}: role header before any @context`);
      const [role, ...mods] = line.trim().split(/\s+/);
      const bctx = mods.length ? {} : { ...ctx };
      for (const mo of mods) {
        if (/^[A-Z]{2}$/.test(mo)) bctx.country = mo;
        else if (mo.startsWith('org:')) bctx.org = mo;
        else throw new SourceError(`${where}: bad role modifier «${mo}»`);
      }
      block = { role, ctx: bctx, entries: [], where };
      blocks.push(block);
      return;
    }
    const body = line.trim();
    if (body.startsWith('- ')) {
      // A person without an office in this block (newsmakers, aliases-only definitions).
      const ref = parsePersonRef(body.slice(2), where);
      persons.push({ ...ref, where, file: name, ctx: { ...ctx }, autosurname: options.autosurname });
      return;
    }
    if (!block) throw new SourceError(`${where}: office line outside a role block`);
    const m = body.match(/^(\S+)\s+(.*)$/);
    if (!m) throw new SourceError(`${where}: expected «DATE[..END] Name»`);
    let [start, end] = m[1].split('..');
    const explicitEnd = m[1].includes('..');
    if (!DATE_RE.test(start)) throw new SourceError(`${where}: bad start date «${start}»`);
    if (explicitEnd && end !== '' && !DATE_RE.test(end)) throw new SourceError(`${where}: bad end date «${end}»`);
    let rest = m[2].trim();
    if (rest === '-vacant-' || rest === '-end-') {
      block.entries.push({ marker: rest, start, where });
      return;
    }
    let role = block.role;
    const ro = rest.match(/^:(\w+)\s+/);
    if (ro) {
      role = ro[1];
      rest = rest.slice(ro[0].length);
    }
    const ref = parsePersonRef(rest, where);
    persons.push({ ...ref, where, file: name, ctx: { ...block.ctx }, autosurname: options.autosurname });
    block.entries.push({ key: ref.key, role, start, end: explicitEnd ? end || null : undefined, where });
  });

  // Successions: an entry without an explicit end ends when the next one starts.
  const offices = [];
  for (const b of blocks) {
    b.entries.forEach((e, i) => {
      const next = b.entries[i + 1];
      if (e.marker) {
        if (e.marker === '-vacant-')
          vacancies.push({ role: b.role, ...b.ctx, start: e.start, end: next ? next.start : null });
        return;
      }
      const end = e.end !== undefined ? e.end : next ? next.start : null;
      offices.push({ key: e.key, office: { role: e.role, ...b.ctx, start: e.start, end }, where: e.where });
    });
  }
  return { name, persons, offices, vacancies, options };
}

/** Last words that are the second half of a surname written in two words («داود أوغلو», «فيروز آبادي»). */
const SURNAME_SUFFIXES = new Set(['أوغلو', 'اوغلو', 'آبادي', 'ابادي', 'زاده', 'بور', 'فر', 'نيا']);

function surnameOf(ar) {
  const words = ar.split(/\s+/);
  if (words.length < 2) return null;
  const pen = words[words.length - 2];
  if (SURNAME_SUFFIXES.has(words[words.length - 1])) return words.length >= 3 ? words.slice(-2).join(' ') : null;
  if (SURNAME_PARTICLES.has(pen)) return words.length >= 3 ? words.slice(-2).join(' ') : null;
  return words[words.length - 1];
}

const POLITICAL_ROLES = new Set([
  'president',
  'vice_president',
  'prime_minister',
  'deputy_prime_minister',
  'chancellor',
  'head_of_state',
  'head_of_government',
  'governor_general',
  'foreign_minister',
  'defense_minister',
  'interior_minister',
  'finance_minister',
  'energy_minister',
  'speaker',
  'leader',
]);
const MILITARY_ROLES = new Set(['chief_of_staff', 'military_commander']);

/** Royal if any office is a throne or an heir's; politician if any is political; else by the offices. */
function subtypeFromOffices(offices) {
  const roles = offices.map((o) => o.role);
  if (roles.some((r) => ROYAL_ROLES.has(r))) return 'ROYAL';
  if (roles.some((r) => POLITICAL_ROLES.has(r))) return 'POLITICIAN';
  if (roles.some((r) => MILITARY_ROLES.has(r))) return 'MILITARY';
  if (roles.some((r) => r === 'pope' || r === 'religious_leader')) return 'RELIGIOUS';
  if (roles.includes('ceo')) return 'BUSINESS';
  return 'OFFICIAL';
}

/** A hand-written list: one Arabic form a line, «#» comments; returned normalised. */
function readList(path) {
  if (!existsSync(path)) return new Set();
  return new Set(
    readFileSync(path, 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean)
      .map(normalizeArabicLite),
  );
}

export function build() {
  const files = readdirSync(SRC_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const parsed = files.map((f) => parseSource(f, readFileSync(join(SRC_DIR, f), 'utf8')));
  const stoplist = readList(join(SRC_DIR, 'surname-stoplist.lst'));

  // 1. Person definitions (exactly one «= Arabic» line per English name).
  const people = new Map();
  for (const p of parsed) {
    for (const ref of p.persons) {
      if (ref.ar === null) continue;
      const prev = people.get(ref.key);
      if (prev) throw new SourceError(`${ref.where}: «${ref.key}» already defined at ${prev.where}`);
      people.set(ref.key, {
        where: ref.where,
        file: p.name,
        autosurname: ref.autosurname,
        entry: {
          id: personId(ref.tag ? `${ref.en} ${ref.tag}` : ref.en),
          type: 'PER',
          subtype: ref.subtype,
          en: ref.en,
          ar: ref.ar,
          aliases_ar: [...ref.aliases.ar],
          aliases_en: [...ref.aliases.en],
          wikidata: null,
          offices: [],
        },
      });
    }
  }
  // 2. Every mention must point at a defined person.
  for (const p of parsed) {
    for (const ref of p.persons) {
      if (!people.has(ref.key))
        throw new SourceError(`${ref.where}: «${ref.key}» is never defined (add «= Arabic name»)`);
      if (ref.ar === null && (ref.aliases.ar.length || ref.aliases.en.length)) {
        throw new SourceError(`${ref.where}: aliases belong on the defining line of «${ref.key}»`);
      }
    }
    for (const o of p.offices) people.get(o.key).entry.offices.push(o.office);
  }
  const ids = new Map();
  for (const [en, p] of people) {
    const other = ids.get(p.entry.id);
    if (other) throw new SourceError(`${p.where}: id ${p.entry.id} of «${en}» collides with «${other}»`);
    ids.set(p.entry.id, en);
  }

  // 3. Subtype: stated on the defining line, else from the offices held (see subtypeFromOffices).
  for (const p of people.values()) {
    const e = p.entry;
    if (!e.subtype) e.subtype = subtypeFromOffices(e.offices);
    e.offices.sort((a, b) => a.start.localeCompare(b.start));
  }

  // 4. Surname aliases for non-Arab names (files with autosurname on): «بوتين» for «فلاديمير بوتين».
  //    A surname shared by several people is kept on each and listed in ambiguous.json, so the
  //    linker knows it must decide by context (office, date) rather than by the name alone.
  const byForm = new Map();
  const note = (form, id) => {
    const k = normalizeArabicLite(form);
    if (!byForm.has(k)) byForm.set(k, new Set());
    byForm.get(k).add(id);
  };
  for (const p of people.values()) {
    note(p.entry.ar, p.entry.id);
    for (const a of p.entry.aliases_ar) note(a, p.entry.id);
  }
  const surnameCandidates = [];
  for (const p of people.values()) {
    if (!p.autosurname) continue;
    const s = surnameOf(p.entry.ar);
    if (!s) continue;
    const k = normalizeArabicLite(s);
    if (stoplist.has(k) || k.length < 3) continue;
    if (p.entry.aliases_ar.some((a) => normalizeArabicLite(a) === k)) continue;
    // A form another person already carries explicitly is theirs: «أردوغان» is the president, not
    // his wife; «خامنئي» the leader, not his son.
    if (byForm.has(k)) continue;
    surnameCandidates.push({ p, s, k });
  }
  const autoSurnameOf = new Map();
  for (const c of surnameCandidates) {
    autoSurnameOf.set(c.p.entry.id, c.k);
    c.p.entry.aliases_ar.push(c.s);
    note(c.s, c.p.entry.id);
  }
  // Shared forms are listed only when intended: declared by hand in src/ambiguous.lst, or a
  // surname the build itself gave to several people. Any other sharing is left for validate.mjs
  // to report as an error (usually a copy-paste slip).
  const declared = readList(join(SRC_DIR, 'ambiguous.lst'));
  const ambiguous = [...byForm.entries()]
    .filter(
      ([form, set]) => set.size > 1 && (declared.has(form) || [...set].some((id) => autoSurnameOf.get(id) === form)),
    )
    .map(([form, set]) => ({ form, ids: [...set].sort() }))
    .sort((a, b) => a.form.localeCompare(b.form));

  // 5. Output per region file; drop empty optional arrays.
  const out = new Map();
  for (const p of people.values()) {
    const e = p.entry;
    if (!e.aliases_ar.length) delete e.aliases_ar;
    if (!e.aliases_en.length) delete e.aliases_en;
    if (!e.offices.length) delete e.offices;
    if (!out.has(p.file)) out.set(p.file, []);
    out.get(p.file).push(e);
  }
  const vacancies = parsed.flatMap((p) => p.vacancies);
  return { out, ambiguous, vacancies };
}

function serialise(entries) {
  return '[\n' + entries.map((e) => JSON.stringify(e)).join(',\n') + '\n]\n';
}

function main() {
  const check = process.argv.includes('--check');
  let result;
  try {
    result = build();
  } catch (err) {
    if (err instanceof SourceError) {
      console.error(`build: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const files = new Map();
  for (const [name, entries] of result.out) files.set(join(PEOPLE_DIR, `${name}.json`), serialise(entries));
  files.set(join(PEOPLE_DIR, 'ambiguous.json'), JSON.stringify(result.ambiguous, null, 1) + '\n');
  files.set(join(PEOPLE_DIR, 'vacancies.json'), JSON.stringify(result.vacancies, null, 1) + '\n');
  let stale = 0;
  for (const [path, text] of files) {
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
        console.error(`stale: ${path} (run node scripts/kb/people/build.mjs)`);
        stale++;
      }
    } else writeFileSync(path, text);
  }
  let total = 0;
  for (const [name, entries] of result.out) {
    total += entries.length;
    if (!check) console.log(`${name}.json: ${entries.length} people`);
  }
  console.log(
    `${total} people, ${result.ambiguous.length} ambiguous Arabic forms, ${result.vacancies.length} declared vacancies`,
  );
  if (stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
