#!/usr/bin/env node
// Quote layer figures on real news: how many quotes of each kind, how many get a named speaker
// (an entity), an unnamed one («مسؤول») or none, the most frequent cues, and, with --show N, N
// quotes drawn evenly for reading by eye (precision is judged by reading: there is no quote gold
// beyond the seed, which score.mjs covers).
//
//   npm run build && node eval/quotes.mjs [--n 200] [--show 30] [--corpus corpora/ant-v2.1.jsonl.gz]
//
// The articles are every k-th record of the corpus (deterministic), sent as `body` with their title
// and date, through the whole pipeline (`analyze`), so speakers depend on the entities stage.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const N = Number(opt('n', 200));
const SHOW = Number(opt('show', 0));
const corpus = resolve(root, '../shared/data', opt('corpus', 'corpora/ant-v2.1.jsonl.gz'));

if (!existsSync(join(root, 'dist/analyze.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
if (!existsSync(corpus)) {
  console.log(`skipped: corpus not found at ${corpus}`);
  process.exit(0);
}
const { analyze } = await import(join(root, 'dist/analyze.js'));

const lines = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n').filter(Boolean);
const step = Math.max(1, Math.floor(lines.length / N));
const kinds = { direct: 0, partial: 0, indirect: 0 };
const speakers = { entity: 0, unnamed: 0, none: 0 };
const cues = new Map();
const all = [];
let articles = 0;
let withQuotes = 0;
let offsetErrors = 0;
const t0 = Date.now();
for (let i = 0; i < lines.length && articles < N; i += step) {
  const r = JSON.parse(lines[i]);
  if (!r.text) continue;
  articles++;
  const doc = analyze({ id: r.id, body: r.text, title: r.title ?? undefined, published: r.published ?? undefined });
  if (doc.quotes.length) withQuotes++;
  for (const q of doc.quotes) {
    if (doc.text.slice(q.start, q.end) !== q.text) offsetErrors++;
    kinds[q.kind]++;
    speakers[q.speaker ? 'entity' : q.speaker_text ? 'unnamed' : 'none']++;
    cues.set(q.cue ?? '(none)', (cues.get(q.cue ?? '(none)') ?? 0) + 1);
    all.push({ id: r.id, q, name: doc.entities.find((e) => e.id === q.speaker)?.name?.ar ?? null });
  }
}
const total = all.length;
const pct = (n) => (total ? ((100 * n) / total).toFixed(1) : '0.0');
console.log(`articles ${articles} (every ${step}th of ${corpus.split('/').pop()}), with quotes ${withQuotes}, quotes ${total}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`kinds: direct ${kinds.direct} · partial ${kinds.partial} · indirect ${kinds.indirect}`);
console.log(`speakers: entity ${pct(speakers.entity)}% · unnamed ${pct(speakers.unnamed)}% · none ${pct(speakers.none)}%`);
console.log(`top cues: ${[...cues].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([c, n]) => `${c} ${n}`).join(' · ')}`);
console.log(`offset errors: ${offsetErrors}`);
if (SHOW > 0 && total) {
  const every = Math.max(1, Math.floor(total / SHOW));
  for (let k = 0; k < total && k / every < SHOW; k += every) {
    const { id, q, name } = all[k];
    console.log(`\n[${q.kind}] ${id} cue=${q.cue} speaker=${name ?? '-'} (${q.speaker_text ?? '-'})\n  ${q.text}`);
  }
}
