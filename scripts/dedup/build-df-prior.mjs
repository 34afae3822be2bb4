#!/usr/bin/env node
// Builds data/dedup/df-prior.tsv.gz: in how many articles of ANT v2.1 (Apache-2.0) each light stem
// occurs, for the TF-IDF weights of story clustering (src/dedup/prior.ts). Stems found in fewer than
// MIN_DF articles are left out (they get the idf of an unseen word, which is about the same).
//   npm run build && node scripts/dedup/build-df-prior.mjs [CORPUS.jsonl.gz]
import { createReadStream, writeFileSync } from 'node:fs';
import { createGunzip, gzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.argv[2] ?? resolve(root, '../shared/data/corpora/ant-v2.1.jsonl.gz');
const MIN_DF = 5;
const { storyFeaturesFromText } = await import(resolve(root, 'dist/dedup/features.js'));

const df = new Map();
const seen = new Set(); // identical articles are counted once
let docs = 0;
const rl = createInterface({ input: createReadStream(corpus).pipe(createGunzip()), crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  if (!r.text || !r.text.trim() || seen.has(r.text)) continue;
  seen.add(r.text);
  docs++;
  for (const [t] of storyFeaturesFromText(r.title ?? null, r.text).terms) df.set(t, (df.get(t) ?? 0) + 1);
}
const rows = [...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out =
  [
    '# Document frequencies of light stems (src/text/stem.ts) in ANT v2.1 (Chouigui et al., Arabic News Texts',
    '# corpus, Apache-2.0), distinct non-empty articles, title and text; stems in fewer than 5 articles omitted.',
    '# Built by scripts/dedup/build-df-prior.mjs. Columns: stem<TAB>documents.',
    `# docs ${docs}`,
    ...rows.map(([t, n]) => `${t}\t${n}`),
  ].join('\n') + '\n';
const gz = gzipSync(out, { level: 9 });
writeFileSync(resolve(root, 'data/dedup/df-prior.tsv.gz'), gz);
console.log(
  `${docs} articles, ${df.size} stems, ${rows.length} kept (df ≥ ${MIN_DF}), ${(gz.length / 1024).toFixed(0)} KB gzipped`,
);
