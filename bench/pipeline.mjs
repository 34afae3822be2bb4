#!/usr/bin/env node
// Whole analysis (page → text → entities → time → amounts → quotes → events) over ANT v2.1 on one
// core: characters/s, articles/s, peak RSS; then the start-up time of `rasd analyze` on one
// article and the resident memory with the KB and the tagger model loaded.
//   node bench/pipeline.mjs [--limit N]
import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/data/corpora/ant-v2.1.jsonl.gz');
const li = process.argv.indexOf('--limit');
const limit = li > 0 ? +process.argv[li + 1] : Infinity;
const mb = (b) => (b / 1048576).toFixed(0) + ' MB';

// 1. start-up: one article through the CLI, a few times, best and median
const sample = join(root, 'examples/seed-article.txt');
const times = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'analyze', sample], { encoding: 'utf8' });
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
}
times.sort((a, b) => a - b);
console.log(`start-up: rasd analyze on the sample article: median ${times[2].toFixed(0)} ms, best ${times[0].toFixed(0)} ms (target ≤ 400 ms)`);

// 2. memory with everything loaded
const { analyze } = await import(join(root, 'dist/analyze.js'));
const rss0 = process.memoryUsage().rss;
analyze({ body: 'قال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا مستعدة للحوار.', published: '2022-11-28' });
globalThis.gc?.();
console.log(`resident memory with KB and model loaded: ${mb(process.memoryUsage().rss)} (before loading: ${mb(rss0)}; target ≤ 300 MB)`);

// 3. throughput over the corpus
if (!existsSync(corpus)) {
  console.log(`skipped throughput: ${corpus} not found`);
  process.exit(0);
}
let chars = 0, docs = 0, errors = 0, peak = 0, busy = 0n;
const rl = createInterface({ input: createReadStream(corpus).pipe(createGunzip()), crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  if (!r.text) continue;
  const t0 = process.hrtime.bigint();
  try {
    analyze({ body: r.text, title: r.title ?? undefined, published: r.published ? String(r.published).slice(0, 10) : undefined });
  } catch {
    errors++;
  }
  busy += process.hrtime.bigint() - t0;
  chars += r.text.length;
  if (++docs % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  if (docs >= limit) break;
}
peak = Math.max(peak, process.memoryUsage().rss);
const s = Number(busy) / 1e9;
console.log(`full analysis over ANT v2.1: ${docs} articles, ${(chars / 1e6).toFixed(1)} M chars in ${s.toFixed(1)} s of analysis`);
console.log(`  ${(chars / s / 1e6).toFixed(2)} M chars/s (target ≥ 1 MB/s per core), ${(docs / s).toFixed(0)} articles/s, peak RSS ${mb(peak)}, errors ${errors}`);
