// Countries and territories (iso:XX) from ICU (Node's Intl.DisplayNames) and CLDR, with the
// curated newsroom variants (curated/countries.tsv) and nisba forms (lib/nisba.mjs +
// curated/nisba.tsv); and the UN M49 macro-regions CLDR names (loc:…).
import { territoryNames, regularRegionCodes, territoryFacts } from '../lib/cldr.mjs';
import { readTsv, list } from '../lib/tsv.mjs';
import { addAliases, mergeRow, splitParenthesised, cleanName } from '../lib/entries.mjs';
import { nisbaBase, inflectNisba } from '../lib/nisba.mjs';

const arNames = new Intl.DisplayNames('ar', { type: 'region' });
const enNames = new Intl.DisplayNames('en', { type: 'region' });

// Codes CLDR calls regular but that are not ISO 3166-1 countries or territories (exceptionally
// reserved codes: Ascension, Clipperton, Diego Garcia, Ceuta & Melilla, Canaries, Tristan).
const NOT_ISO_3166_1 = new Set(['AC', 'CP', 'DG', 'EA', 'IC', 'TA']);

export function buildCountries(curatedDir) {
  const cldrAr = territoryNames('ar');
  const cldrEn = territoryNames('en');
  const { alpha3, population } = territoryFacts();
  const entries = new Map();
  for (const code of regularRegionCodes()) {
    if (NOT_ISO_3166_1.has(code)) continue;
    if (!alpha3.has(code) && code !== 'XK') continue;
    const [ar, ...arAlt] = splitParenthesised(cleanName(arNames.of(code)));
    const [en, ...enAlt] = splitParenthesised(cleanName(enNames.of(code)));
    const e = { id: `iso:${code}`, type: 'LOC', subtype: 'GPE', en, ar, iso2: code };
    if (alpha3.has(code)) e.iso3 = alpha3.get(code);
    if (population.has(code)) e.population = population.get(code);
    const cAr = cldrAr.get(code);
    const cEn = cldrEn.get(code);
    addAliases(e, {
      ar: [...arAlt, ...(cAr ? [cAr.name, ...Object.values(cAr.alts)].filter(Boolean) : [])],
      en: [...enAlt, ...(cEn ? [cEn.name, ...Object.values(cEn.alts)].filter(Boolean) : [])],
    });
    entries.set(e.id, e);
  }
  for (const row of readTsv(`${curatedDir}/countries.tsv`)) {
    const e = entries.get(row.id);
    if (!e) throw new Error(`countries.tsv:${row._line}: unknown country ${row.id}`);
    mergeRow(e, row);
  }
  addNisbas(entries, curatedDir);
  return [...entries.values()];
}

function addNisbas(entries, curatedDir) {
  const exceptions = new Map(readTsv(`${curatedDir}/nisba.tsv`).map((r) => [r.iso2, r]));
  for (const e of entries.values()) {
    const ex = exceptions.get(e.iso2);
    let bases;
    if (ex?.bases === '-') bases = [];
    else if (ex?.bases) bases = list(ex.bases);
    else {
      const b = nisbaBase(e.ar);
      bases = b ? [b] : [];
    }
    const forms = [...bases.flatMap(inflectNisba), ...list(ex?.extra)];
    if (forms.length) e.adjectives_ar = [...new Set(forms)];
  }
  for (const iso2 of exceptions.keys()) {
    if (!entries.has(`iso:${iso2}`)) throw new Error(`nisba.tsv: unknown country ${iso2}`);
  }
}

// UN M49 macro-regions named by CLDR, with the ids the curated regions use.
const M49_REGIONS = {
  '002': 'loc:africa', '142': 'loc:asia', '150': 'loc:europe', '009': 'loc:oceania', '019': 'loc:americas',
  '143': 'loc:central-asia', '145': 'loc:western-asia', '015': 'loc:northern-africa', '419': 'loc:latin-america',
  '005': 'loc:south-america', '003': 'loc:north-america', '013': 'loc:central-america', '029': 'loc:caribbean',
  '151': 'loc:eastern-europe', '154': 'loc:northern-europe', '155': 'loc:western-europe', '039': 'loc:southern-europe',
  '014': 'loc:east-africa', '017': 'loc:middle-africa', '011': 'loc:west-africa', '018': 'loc:southern-africa',
  '030': 'loc:east-asia', '034': 'loc:south-asia', '035': 'loc:southeast-asia',
};

export function buildMacroRegions() {
  return Object.entries(M49_REGIONS).map(([code, id]) => ({
    id,
    type: 'LOC',
    subtype: 'REGION',
    en: cleanName(enNames.of(code)),
    ar: cleanName(arNames.of(code)),
  }));
}
