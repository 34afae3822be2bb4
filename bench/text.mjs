// Throughput of the text layer over a real news corpus: normalisation (with offsets), tokenisation,
// sentence splitting and clitic segmentation of every Arabic token, on ANT v2.1 (31,525 articles,
// ~47 M characters). Prints characters per second (all four together and each alone) and peak RSS.
//
// Usage (from the repository root):
//   npx tsc -p tsconfig.json && node bench/text.mjs [--limit N] [--repeat R] [--corpus path.jsonl.gz]
// With --repeat, each figure is the best of R runs (the segmentation cache is emptied before every run
// of the combined pass, so the cost of segmenting each distinct word once is always included); on a
// shared machine the best run is the closest to what one free core does.
// Reading and JSON parsing of the corpus are timed apart and not counted in the figures.
import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { normalizeWithOffsets } from '../dist/text/normalize.js';
import { tokenize } from '../dist/text/tokenize.js';
import { splitSentences } from '../dist/text/sentences.js';
import { clearSegmentationCache, segmentWord } from '../dist/text/clitics.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const corpus = opt('--corpus', new URL('../../shared/data/corpora/ant-v2.1.jsonl.gz', import.meta.url).pathname);
const limit = Number(opt('--limit', 'Infinity'));
const repeat = Math.max(1, Number(opt('--repeat', '1')));

if (!existsSync(corpus)) {
  console.log(
    `bench/text: corpus not found at ${corpus}; skipping (pass --corpus to point at a .jsonl.gz with a "text" field).`,
  );
  process.exit(0);
}

// Load the texts first so that decompression and JSON parsing do not count.
const t0 = performance.now();
const texts = [];
const rl = createInterface({ input: createReadStream(corpus).pipe(createGunzip()), crlfDelay: Infinity });
for await (const line of rl) {
  if (!line) continue;
  const rec = JSON.parse(line);
  if (typeof rec.text === 'string' && rec.text.length > 0) texts.push(rec.text);
  if (texts.length >= limit) break;
}
const loadMs = performance.now() - t0;
let chars = 0;
let utf8Bytes = 0;
for (const t of texts) {
  chars += t.length;
  utf8Bytes += Buffer.byteLength(t, 'utf8');
}

// Warm-up: loads the lexicon and fills the character tables (also timed, reported apart).
const tw = performance.now();
segmentWord('وبالكرملين');
tokenize(texts[0] ?? '');
const warmMs = performance.now() - tw;

// The machine may be shared: CPU time of this process (all its threads, so GC helpers count too) is
// the per-core figure; wall time is printed beside it.
function timeOnce(fn) {
  const c = process.cpuUsage();
  const s = performance.now();
  fn();
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1e6, wall: (performance.now() - s) / 1000 };
}
function timeIt(fn, before = () => {}) {
  let best = null;
  for (let r = 0; r < repeat; r++) {
    before();
    const t = timeOnce(fn);
    if (!best || t.cpu < best.cpu) best = t;
  }
  return best;
}

let tokens = 0;
let arabic = 0;
let sentences = 0;
let checksum = 0;
const all = timeIt(() => {
  tokens = 0;
  arabic = 0;
  sentences = 0;
  for (const text of texts) {
    const n = normalizeWithOffsets(text);
    checksum += n.text.length;
    const toks = tokenize(text);
    tokens += toks.length;
    sentences += splitSentences(text).length;
    for (const t of toks) {
      if (t.kind === 'arabic') {
        arabic++;
        checksum += segmentWord(t.text).stemStart;
      }
    }
  }
}, clearSegmentationCache);

const alone = {
  normalise: timeIt(() => {
    for (const text of texts) checksum += normalizeWithOffsets(text).text.length;
  }),
  tokenise: timeIt(() => {
    for (const text of texts) checksum += tokenize(text).length;
  }),
  sentences: timeIt(() => {
    for (const text of texts) checksum += splitSentences(text).length;
  }),
};
const mb = (x) => (x / 1e6).toFixed(1);
// Arabic letters take two bytes in UTF-8, so MB/s of UTF-8 text is about twice the character rate.
const rate = (t) =>
  `${mb(chars / t.cpu)} M chars/s = ${mb(utf8Bytes / t.cpu)} MB/s UTF-8 per core (CPU ${t.cpu.toFixed(2)} s; wall ${t.wall.toFixed(2)} s)`;
console.log(`corpus: ${corpus}${repeat > 1 ? ` (best of ${repeat} runs)` : ''}`);
console.log(
  `articles: ${texts.length}, characters: ${chars.toLocaleString('en')}, UTF-8: ${utf8Bytes.toLocaleString('en')} bytes (load+parse ${(loadMs / 1000).toFixed(1)} s, warm-up ${warmMs.toFixed(0)} ms, not counted)`,
);
console.log(
  `tokens: ${tokens.toLocaleString('en')} (${arabic.toLocaleString('en')} Arabic), sentences: ${sentences.toLocaleString('en')}`,
);
console.log(`normalise+tokenise+sentences+clitics: ${rate(all)}`);
console.log(`  normalise alone: ${rate(alone.normalise)}`);
console.log(`  tokenise alone:  ${rate(alone.tokenise)}`);
console.log(`  sentences alone: ${rate(alone.sentences)}`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the corpus texts are held in memory)`);
if (checksum === -1) console.log('');
