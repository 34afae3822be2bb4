// Helpers shared by the build steps: cleaning names, merging curated rows into generated
// entries, writing deterministic JSON.
import fs from 'node:fs';
import { list } from './tsv.mjs';

const BIDI_AND_TATWEEL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640]/g;
const HARAKAT = /[\u064b-\u0652\u0670]/g;
const ARABIC_LETTER = /[\u0621-\u064a]/;

/** Trims, drops bidi marks and tatweel, collapses spaces. Keeps hamza forms and ة as written. */
export function cleanName(s) {
  return s.replace(BIDI_AND_TATWEEL, '').replace(/\s+/g, ' ').trim();
}

/** cleanName + removes short vowels (GeoNames writes some names vocalised: طَرَابُلُس). */
export function cleanArabicName(s) {
  return cleanName(s.replace(HARAKAT, ''));
}

export function isArabic(s) {
  return ARABIC_LETTER.test(s);
}

/** "Myanmar (Burma)" → ["Myanmar", "Burma"]: ICU puts an alternative name in parentheses. */
export function splitParenthesised(name) {
  const m = name.match(/^(.*?)\s*\((.+)\)\s*$/);
  return m ? [m[1].trim(), m[2].trim()] : [name];
}

export function slug(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function pushUnique(arr, values, exclude) {
  for (const v of values) {
    const c = cleanName(v);
    if (c && c !== exclude && !arr.includes(c)) arr.push(c);
  }
}

/** Adds names to an entry's alias lists (skipping duplicates and the canonical name). */
export function addAliases(entry, { ar = [], en = [] }) {
  if (ar.length) pushUnique((entry.aliases_ar ??= []), ar, entry.ar);
  if (en.length) pushUnique((entry.aliases_en ??= []), en, entry.en);
}

/** The columns every curated entry file shares (see data/kb/SOURCES.md). */
export const ENTRY_COLUMNS = ['id', 'type', 'subtype', 'en', 'ar', 'aliases_ar', 'aliases_en', 'country', 'standsFor', 'adjectives_ar'];

function splitRemovals(names) {
  const add = [], drop = [];
  for (const n of names) (n.startsWith('!') ? drop : add).push(n.startsWith('!') ? cleanName(n.slice(1)) : n);
  return [add, drop];
}

/** A new entry from a curated row; en, ar and type are required. */
export function entryFromRow(row, file) {
  for (const col of ['id', 'type', 'en', 'ar']) {
    if (!row[col]) throw new Error(`${file}:${row._line}: missing ${col}`);
  }
  const e = { id: row.id, type: row.type, subtype: row.subtype ?? null, en: cleanName(row.en), ar: cleanName(row.ar) };
  mergeRow(e, row);
  return e;
}

/**
 * Merges a curated row into an existing entry: a given en/ar replaces the canonical name (the old
 * one becomes an alias), aliases and adjectives are appended, other given fields override.
 */
export function mergeRow(e, row) {
  for (const lang of ['en', 'ar']) {
    const v = row[lang] && cleanName(row[lang]);
    if (v && v !== e[lang]) {
      const old = e[lang];
      e[lang] = v;
      if (old) addAliases(e, { [lang]: [old] });
      const key = `aliases_${lang}`;
      if (e[key]) e[key] = e[key].filter((a) => a !== v);
    }
  }
  if (row.type) e.type = row.type;
  if (row.subtype) e.subtype = row.subtype;
  // An alias written "!name" removes that name (a source's spelling that is also a common word).
  const [arAdd, arDrop] = splitRemovals(list(row.aliases_ar));
  const [enAdd, enDrop] = splitRemovals(list(row.aliases_en));
  addAliases(e, { ar: arAdd, en: enAdd });
  if (arDrop.length && e.aliases_ar) e.aliases_ar = e.aliases_ar.filter((a) => !arDrop.includes(a));
  if (enDrop.length && e.aliases_en) e.aliases_en = e.aliases_en.filter((a) => !enDrop.includes(a));
  if (row.country) e.country = row.country;
  if (row.standsFor) e.standsFor = row.standsFor;
  if (row.adjectives_ar) pushUnique((e.adjectives_ar ??= []), list(row.adjectives_ar));
  return e;
}

const KEY_ORDER = ['id', 'type', 'subtype', 'en', 'ar', 'aliases_ar', 'aliases_en', 'adjectives_ar', 'iso2', 'iso3', 'country', 'geonames', 'wikidata', 'standsFor', 'population', 'minor', 'offices'];

/** Entries with keys in schema order and empty lists dropped, so that outputs diff cleanly. */
export function tidy(e) {
  const out = {};
  for (const k of KEY_ORDER) {
    const v = e[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  for (const k of Object.keys(e)) if (!(k in out) && !KEY_ORDER.includes(k)) throw new Error(`${e.id}: unknown field ${k}`);
  return out;
}

/** Writes entries as a JSON array, one entry per line, sorted by id. */
export function writeEntries(file, entries) {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  fs.writeFileSync(file, '[\n' + sorted.map((e) => JSON.stringify(tidy(e))).join(',\n') + '\n]\n');
  return sorted.length;
}
