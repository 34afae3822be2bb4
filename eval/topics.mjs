#!/usr/bin/env node
// Topic classifier figures with the shipped model (data/topics/model.bin.gz): held-out accuracy,
// macro-F1, per-label precision/recall/F1 and confusion matrix, how often two labels are reported, an
// out-of-domain check on JawharaFM, and throughput (articles per second on one core).
//
//   npm run build && node eval/topics.mjs [--data DIR] [--model FILE] [--json]
//
// Sets (DIR defaults to ../shared/data beside the repo; each is skipped when absent):
//   ant-v2.1 held-out   corpora/ant-v2.1.jsonl.gz, the groups of identical articles whose text hash
//                       ≡ 0 mod 10 (src/topics/corpus.ts) — never trained or tuned on. A prediction is
//                       right when it is among the group's accepted labels (world or Middle East for the
//                       mixed feeds, see data/topics/labels.json); the strict figure reads every ANT
//                       category literally.
//   jawharafm           corpora/ant-v1.1-jawharafm.jsonl.gz, its culture/economy/sport/technology
//                       articles (Tunisian radio, 2017): out of domain unless the model was trained
//                       with --jawhara, in which case only its held-out tenth is scored.
// Throughput: the held-out articles classified from raw title + text (normalise, tokenise, stem, hash,
// score), first with an emptied stem cache, then again warm.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (m) =>
  import(new URL(`../dist/topics/${m}.js`, import.meta.url)).catch((err) => {
    console.error(`cannot load dist/topics/${m}.js (${err.message}): run \`npm run build\` first`);
    process.exit(2);
  });
const { loadTopicModel, MODEL_FILE } = await dist('index');
const { scoreTopics, chooseTopics } = await dist('classify');
const { readCorpus, groupArticles } = await dist('corpus');
const { corpusMapping } = await dist('labels');
const { clearStemCache } = await dist('features');
const { decodeModel } = await dist('model');
const { scoreGroups, formatReport } = await dist('metrics');

const args = process.argv.slice(2);
let data = resolve(ROOT, '../shared/data');
let json = false;
let modelFile = fileURLToPath(MODEL_FILE); // --model: score another model file (e.g. one trained with --out elsewhere)
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data') data = resolve(args[++i]);
  else if (args[i] === '--model') modelFile = resolve(args[++i]);
  else if (args[i] === '--json') json = true;
}

if (!existsSync(modelFile)) {
  console.log(`skipped: no model at ${modelFile} (npm run train:topics)`);
  process.exit(0);
}
const t0 = performance.now();
const model = modelFile === fileURLToPath(MODEL_FILE) ? loadTopicModel() : decodeModel(readFileSync(modelFile));
const loadMs = performance.now() - t0;
const labels = model.header.labels;
const out = { model: { file: modelFile, loadMs: +loadMs.toFixed(1), provenance: model.header.provenance } };
const log = (s) => {
  if (!json) console.log(s);
};
log(`model ${modelFile} · loaded in ${loadMs.toFixed(0)} ms · trained: ${model.header.provenance.command ?? '?'}`);

const classify = (g) => scoreTopics(model, { title: g.title, body: g.text });

/** Scores a set of groups; returns the figures (and prints them). */
function evaluate(name, groups) {
  const scores = groups.map(classify);
  const pred = scores.map((s) => (s.length ? s[0].label : null));
  const { report, strictAccuracy } = scoreGroups(labels, groups, pred);
  let two = 0;
  let inTopics = 0;
  scores.forEach((s, i) => {
    const chosen = chooseTopics(s);
    if (chosen.length > 1) two++;
    if (chosen.some((l) => groups[i].accepted.includes(l))) inTopics++;
  });
  const fig = {
    n: groups.length,
    accuracy: +report.accuracy.toFixed(4),
    macroF1: +report.macroF1.toFixed(4),
    strictAccuracy: +strictAccuracy.toFixed(4),
    twoLabelRate: +(two / groups.length).toFixed(4),
    acceptedInTopics: +(inTopics / groups.length).toFixed(4),
    perLabel: report.perLabel.map((f) => ({ ...f, precision: +f.precision.toFixed(4), recall: +f.recall.toFixed(4), f1: +f.f1.toFixed(4) })),
    matrix: report.matrix,
  };
  log(`\n=== ${name}`);
  log(formatReport(report));
  log(`strict (every category read literally): accuracy ${(100 * strictAccuracy).toFixed(2)}%`);
  log(`topics lists: ${(100 * fig.twoLabelRate).toFixed(1)}% get two labels; an accepted label among them ${(100 * fig.acceptedInTopics).toFixed(2)}%`);
  return fig;
}

// ---------------------------------------------------------------- ANT v2.1 held-out
const ANT = resolve(data, 'corpora/ant-v2.1.jsonl.gz');
let held = null;
if (existsSync(ANT)) {
  held = groupArticles(readCorpus(ANT), corpusMapping('ant-v2.1')).filter((g) => g.split === 'heldout');
  out.antHeldout = evaluate(`ANT v2.1 held-out (${held.length} groups of identical articles, hash ≡ 0 mod 10)`, held);
} else log(`\nskipped: ANT v2.1 not found at ${ANT}`);

// ---------------------------------------------------------------- JawharaFM, out of domain
const JAW = resolve(data, 'corpora/ant-v1.1-jawharafm.jsonl.gz');
if (existsSync(JAW)) {
  const trainedOnIt = String(model.header.provenance.source ?? '').includes('JawharaFM');
  const groups = groupArticles(readCorpus(JAW), corpusMapping('ant-v1.1')).filter((g) => !trainedOnIt || g.split === 'heldout');
  out.jawharafm = evaluate(
    `JawharaFM (ANT v1.1) culture/economy/sport/technology, ${trainedOnIt ? 'held-out tenth' : 'out of domain'} (${groups.length} groups)`,
    groups,
  );
} else log(`\nskipped: JawharaFM not found at ${JAW}`);

// ---------------------------------------------------------------- throughput
if (held) {
  const docs = held.map((g) => ({ title: g.title, body: g.text }));
  const chars = docs.reduce((a, d) => a + d.title.length + d.body.length, 0);
  // CPU time of this process as well as wall time: on a shared machine the wall clock mostly measures
  // the neighbours; CPU seconds are what one core spends.
  const pass = () => {
    const c0 = process.cpuUsage();
    const t = performance.now();
    for (const d of docs) chooseTopics(scoreTopics(model, d));
    const cpu = process.cpuUsage(c0);
    return { wall: Math.round(docs.length / ((performance.now() - t) / 1000)), cpu: Math.round(docs.length / ((cpu.user + cpu.system) / 1e6)) };
  };
  clearStemCache();
  const cold = pass();
  const warm = pass();
  out.throughput = { articles: docs.length, meanChars: Math.round(chars / docs.length), cold, warm };
  log(
    `\n=== throughput, one thread: ${docs.length} held-out articles (mean ${out.throughput.meanChars} chars), articles per second\n` +
      `emptied stem cache: ${cold.cpu}/s of CPU time (${cold.wall}/s wall) · warm: ${warm.cpu}/s of CPU time (${warm.wall}/s wall)`,
  );
}
if (json) console.log(JSON.stringify(out, null, 2));
