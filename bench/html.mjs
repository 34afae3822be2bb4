#!/usr/bin/env node
// HTML extraction speed: rasd's page parser (linkedom + Readability + metadata + the Arabic
// clean-up, i.e. parseInput({html})) against plain Readability on linkedom, on the same pages
// (../shared/data/extraction/scrapinghub, 181 pages). Pages/second for each, and the ratio
// (target: rasd ≥ 0.8 × Readability). Each page runs through both back to back, in alternating
// order, and keeps its fastest time over the rounds, so that load from other processes cancels out.
//   node bench/html.mjs [--rounds N] [--limit N]
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = resolve(root, '../shared/data/extraction/scrapinghub');
if (!existsSync(join(data, 'ground-truth.json'))) {
  console.log('skipped: ../shared/data/extraction/scrapinghub is absent');
  process.exit(0);
}
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? +process.argv[i + 1] : dflt;
};
const rounds = arg('--rounds', 3);
const limit = arg('--limit', Infinity);
const { parseInput } = await import(join(root, 'dist/page/index.js'));

const ids = Object.keys(JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8'))).slice(0, limit);
const pages = ids.map((id) => gunzipSync(readFileSync(join(data, 'html', `${id}.html.gz`))).toString('utf8'));
const mb = pages.reduce((n, p) => n + p.length, 0) / 1e6;

const contenders = {
  readability: (html) => new Readability(parseHTML(html).document).parse(),
  rasd: (html) => parseInput({ html }),
};
const names = Object.keys(contenders);
// Per page and contender, the fastest of the rounds; the two run back to back on each page (in
// alternating order) so that load from other processes falls on both alike.
const fastest = Object.fromEntries(names.map((n) => [n, pages.map(() => Infinity)]));
let failures = 0;
for (const p of pages.slice(0, 20))
  for (const n of names)
    try {
      contenders[n](p);
    } catch {
      /* warm-up */
    }
for (let r = 0; r < rounds; r++) {
  globalThis.gc?.();
  pages.forEach((p, i) => {
    for (const n of (i + r) % 2 ? names : [...names].reverse()) {
      const t0 = process.hrtime.bigint();
      try {
        contenders[n](p);
      } catch {
        if (r === 0 && n === 'rasd') failures++;
      }
      fastest[n][i] = Math.min(fastest[n][i], Number(process.hrtime.bigint() - t0) / 1e9);
    }
  });
}
const best = Object.fromEntries(names.map((n) => [n, fastest[n].reduce((a, b) => a + b, 0)]));
const rate = (s) => pages.length / s;
console.log(`pages: ${pages.length} (${mb.toFixed(1)} MB of HTML), fastest of ${rounds} rounds per page, one core`);
console.log(`readability (linkedom + Readability.parse): ${rate(best.readability).toFixed(1)} pages/s`);
console.log(`rasd page parser (parseInput({html})):      ${rate(best.rasd).toFixed(1)} pages/s`);
console.log(
  `ratio rasd/readability: ${(best.readability / best.rasd).toFixed(2)} (target ≥ 0.80)${failures ? `; ${failures} pages threw` : ''}`,
);
