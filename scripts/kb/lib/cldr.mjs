// Readers for the CLDR XML that Debian ships in `unicode-cldr-core` (/usr/share/unicode/cldr).
// The XML is simple and generated, so a regular expression per element is enough; no XML parser
// dependency is needed.
import fs from 'node:fs';
import path from 'node:path';

export const CLDR_ROOT = process.env.CLDR_ROOT ?? '/usr/share/unicode/cldr/common';

function read(rel) {
  const file = path.join(CLDR_ROOT, rel);
  if (!fs.existsSync(file)) {
    throw new Error(`CLDR file ${file} not found: run "apt-get install -y unicode-cldr-core" (or set CLDR_ROOT)`);
  }
  return fs.readFileSync(file, 'utf8');
}

function unescapeXml(s) {
  return s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The CLDR version of the installed data (from the <version> of main/root.xml's DTD path). */
export function cldrVersion() {
  const m = read('dtd/ldml.dtd').match(/cldrVersion CDATA #FIXED "([\d.]+)"/);
  return m ? m[1] : 'unknown';
}

/** `<territory type="RU" alt="…">name</territory>` of one locale: Map code → {name, alts: {alt: name}}. */
export function territoryNames(locale) {
  const xml = read(`main/${locale}.xml`);
  const out = new Map();
  for (const m of xml.matchAll(/<territory type="([A-Z0-9]+)"(?: alt="([a-z-]+)")?[^>]*>([^<]+)<\/territory>/g)) {
    const [, code, alt, name] = m;
    const rec = out.get(code) ?? { name: null, alts: {} };
    if (alt) rec.alts[alt] = unescapeXml(name);
    else rec.name = unescapeXml(name);
    out.set(code, rec);
  }
  return out;
}

/** Region codes CLDR marks "regular" (countries and territories), expanded from "AC~G" ranges. */
export function regularRegionCodes() {
  const xml = read('validity/region.xml');
  const block = xml.match(/<id type='region' idStatus='regular'>[^<]*<!--[^>]*-->([^<]*)<\/id>/);
  if (!block) throw new Error('validity/region.xml: no regular region block');
  const codes = [];
  for (const item of block[1].trim().split(/\s+/)) {
    const range = item.match(/^([A-Z])([A-Z])~([A-Z])$/);
    if (range) {
      for (let c = range[2].charCodeAt(0); c <= range[3].charCodeAt(0); c++) codes.push(range[1] + String.fromCharCode(c));
    } else codes.push(item);
  }
  return codes;
}

/** ISO 3166-1 alpha-3 codes and CLDR population figures from supplementalData.xml. */
export function territoryFacts() {
  const xml = read('supplemental/supplementalData.xml');
  const alpha3 = new Map();
  for (const m of xml.matchAll(/<territoryCodes type="([A-Z]{2})"[^>]*alpha3="([A-Z]{3})"/g)) alpha3.set(m[1], m[2]);
  const population = new Map();
  for (const m of xml.matchAll(/<territory type="([A-Z]{2})"[^>]*population="(\d+)"/g)) population.set(m[1], Number(m[2]));
  return { alpha3, population };
}

/** ISO 3166-2 subdivision names of one locale: Map "ruore" → name. */
export function subdivisionNames(locale) {
  const xml = read(`subdivisions/${locale}.xml`);
  const out = new Map();
  for (const m of xml.matchAll(/<subdivision type="([a-z0-9]+)"[^>]*>([^<]+)<\/subdivision>/g)) out.set(m[1], unescapeXml(m[2]));
  return out;
}
