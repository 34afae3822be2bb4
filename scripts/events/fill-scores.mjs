// Fills the `goldstein` and `quad` fields of every entry of data/events/lexicon.json from
// data/events/cameo.json (Goldstein) and the PLOVER type (quad class), and rewrites the file with one
// entry per line. Run after editing the lexicon: `node scripts/events/fill-scores.mjs`.
// A test (test/events/lexicon.test.ts) fails when the two files disagree.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../../data/events/', import.meta.url);
const lexicon = JSON.parse(readFileSync(new URL('lexicon.json', root), 'utf8'));
const cameo = JSON.parse(readFileSync(new URL('cameo.json', root), 'utf8')).codes;

// The quad classes are the event layer's own table (src/events/lexicon.ts), read from the build.
const { QUAD_CLASS: QUAD } = await import('../../dist/events/lexicon.js').catch(() => {
  console.error('dist/events/lexicon.js is missing: run `npm run build` first');
  process.exit(2);
});

const FIELD_ORDER = ['id', 'type', 'mode', 'context', 'cameo', 'goldstein', 'quad'];
for (const e of lexicon.entries) {
  const code = cameo[e.cameo];
  if (!code) throw new Error(`${e.id}: CAMEO code ${e.cameo} is not in cameo.json`);
  if (!(e.type in QUAD)) throw new Error(`${e.id}: unknown PLOVER type ${e.type}`);
  e.goldstein = code.goldstein;
  e.quad = QUAD[e.type];
}
const ordered = (e) => {
  const o = {};
  for (const k of FIELD_ORDER) o[k] = e[k];
  for (const k of Object.keys(e)) if (!(k in o)) o[k] = e[k];
  return o;
};
const lines = lexicon.entries.map((e) => '  ' + JSON.stringify(ordered(e)));
const head = Object.fromEntries(Object.entries(lexicon).filter(([k]) => k !== 'entries' && k !== 'lightVerbs'));
const headText = JSON.stringify(head, null, 1).slice(0, -2); // drop the closing brace
const out = `${headText},\n "lightVerbs": ${JSON.stringify(lexicon.lightVerbs)},\n "entries": [\n${lines.join(',\n')}\n ]\n}\n`;
JSON.parse(out); // never write a file that does not parse
writeFileSync(new URL('lexicon.json', root), out);
console.log(`${lexicon.entries.length} entries scored`);
