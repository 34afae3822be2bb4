// ISO 3166-2 subdivisions (iso2:RU-ORE) from CLDR's subdivision names (ar + en), with the
// GeoNames first-level division names shipped by libgeonames-common (ar and en catalogues,
// keys "RU.55") added as aliases where their English name matches the CLDR one.
import { subdivisionNames } from '../lib/cldr.mjs';
import { addAliases, cleanArabicName, cleanName, isArabic } from '../lib/entries.mjs';

// Generic words around subdivision names («ولاية كابول», «أورنبرغ أوبلاست»): the bare name is
// what news text mostly writes, so it becomes an alias.
const AR_GENERIC_PREFIX = /^(محافظة|ولاية|منطقة|إقليم|اقليم|مقاطعة|إمارة|امارة|كانتون|بلدية|مديرية|جمهورية|أوبلاست|شعبية|ولايه|محافظه|دائرة|مقاطعه|مدينة)\s+/;
const AR_GENERIC_SUFFIX = /\s+(أوبلاست|اوبلاست|أوبلاستي|كراي|أوكروغ|الإقليم|\(محافظة\)|محافظة|ولاية|مقاطعة)$/;
const EN_GENERIC = /\b(governorate|province|oblast|region|state|prefecture|county|district|department|emirate( of)?|republic( of)?|municipality|krai|kray|autonomous okrug|okrug|voivodeship|canton( of)?|wilaya|muhafazat|mintaqat|of)\b/g;

/** The name without generic administrative words, or null when nothing meaningful remains. */
export function bareArabic(name) {
  const bare = name.replace(AR_GENERIC_PREFIX, '').replace(AR_GENERIC_SUFFIX, '').trim();
  return bare !== name && bare.replace(/\s/g, '').length >= 3 ? bare : null;
}

function foldEn(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'‘`]/g, '').replace(EN_GENERIC, ' ').replace(/[^a-z0-9]+/g, ' ').trim();
}

export function buildSubdivisions({ geonamesAr, geonamesEn }) {
  const ar = subdivisionNames('ar');
  const en = subdivisionNames('en');
  const entries = new Map();
  const byCountryEn = new Map(); // "RU|orenburg" → entry, for the GeoNames join
  for (const [code, arName0] of ar) {
    const arName = cleanArabicName(arName0);
    if (!isArabic(arName) || !en.has(code)) continue;
    const cc = code.slice(0, 2).toUpperCase();
    const id = `iso2:${cc}-${code.slice(2).toUpperCase()}`;
    const e = { id, type: 'LOC', subtype: 'GPE', en: cleanName(en.get(code)), ar: arName, country: cc };
    const bare = bareArabic(arName);
    if (bare) addAliases(e, { ar: [bare] });
    entries.set(id, e);
    byCountryEn.set(`${cc}|${foldEn(e.en)}`, e);
  }
  let joined = 0;
  for (const [key, arName0] of geonamesAr) {
    const m = key.match(/^([A-Z]{2})\.\w+$/);
    if (!m || !geonamesEn.has(key)) continue;
    const e = byCountryEn.get(`${m[1]}|${foldEn(geonamesEn.get(key))}`);
    if (!e) continue;
    const arName = cleanArabicName(arName0);
    if (!isArabic(arName)) continue;
    joined++;
    const bare = bareArabic(arName);
    addAliases(e, { ar: [arName, ...(bare ? [bare] : [])], en: [cleanName(geonamesEn.get(key))] });
  }
  return { entries: [...entries.values()], joined };
}
