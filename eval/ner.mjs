#!/usr/bin/env node
// Tagger-only NER figures: exact-span CoNLL F1 per type and micro (types reduced to PER/LOC/ORG/MISC
// as /work/shared/eval/score-conll.mjs does), plus tagging speed.
//
//   npm run build && node eval/ner.mjs [--data DIR] [--json] [--kb]
//
// Sets (DIR defaults to ../shared/data beside the repo):
//   anercorp-test   ner/anercorp/test.txt — report only, never tuned on.
//   newsfane-heldout  NewsFANE is the ANERcorp text re-annotated with fine types, so its only part
//                   unseen in training is the sentences that are NOT in ANERcorp train (≈ the test
//                   part). Scored as tokenised in the file (clitics split: "و قال") and with clitics
//                   re-glued ("وقال", like running text).
//   aqmar           ner/aqmar/*.txt, 28 Wikipedia articles — out of domain.
// The tagger runs on the gold tokenisation without gazetteer tags: the entities stage adds the KB.
// --kb also scores ANERcorp test and AQMAR with the KB's gazetteer tags as features (src/kb,
// matched by the tagger's `gazetteerTags`), the way the entities stage calls the tagger.
import { readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (m) => import(new URL(`../dist/entities/tagger/${m}.js`, import.meta.url));
const { loadTagger, gazetteerTags, MODEL_FILE } = await dist('index');
const { readConll, glueClitics, countSpans, emptyCounts, summarise } = await dist('conll');
const { normalizeWord } = await dist('arabic');

const args = process.argv.slice(2);
let data = resolve(ROOT, '../shared/data');
let json = false;
let withKb = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data') data = resolve(args[++i]);
  else if (args[i] === '--json') json = true;
  else if (args[i] === '--kb') withKb = true;
}
if (!existsSync(`${data}/ner/anercorp/test.txt`)) {
  console.error(`no NER data under ${data}/ner: pass --data DIR`);
  process.exit(2);
}

const loadStart = performance.now();
const tagger = loadTagger();
const loadMs = performance.now() - loadStart;

function score(sentences, gazetteer = null) {
  const counts = emptyCounts();
  for (const s of sentences)
    countSpans(s.labels, tagger.tag(s.words, gazetteer ? gazetteerTags(s.words, gazetteer) : undefined), counts);
  const r = summarise(counts);
  return { sentences: sentences.length, tokens: sentences.reduce((a, s) => a + s.words.length, 0), ...r };
}

// NewsFANE sentences whose text is not in ANERcorp train (letter 15-grams, as in train-ner.mjs).
const letters = (words) =>
  words
    .map(normalizeWord)
    .join('')
    .replace(/[^\u0621-\u064a0-9]/g, '');
const GRAM = 15;
const trainGrams = new Set();
for (const s of readConll(`${data}/ner/anercorp/train.txt`)) {
  const k = letters(s.words);
  for (let i = 0; i + GRAM <= k.length; i++) trainGrams.add(k.slice(i, i + GRAM));
}
const inTrain = (s) => {
  const k = letters(s.words);
  let n = 0;
  let hit = 0;
  for (let i = 0; i + GRAM <= k.length; i += 5) {
    n++;
    if (trainGrams.has(k.slice(i, i + GRAM))) hit++;
  }
  return n > 0 && hit / n > 0.5;
};
const newsfane = readConll(`${data}/ner/fane/NewsFANE_Gold_2014_170K.txt`).filter((s) => !inTrain(s));
const aqmar = readdirSync(`${data}/ner/aqmar`)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readConll(`${data}/ner/aqmar/${f}`));
const anercorpTest = readConll(`${data}/ner/anercorp/test.txt`);

const sets = {
  'anercorp-test': score(anercorpTest),
  'newsfane-heldout (split clitics)': score(newsfane),
  'newsfane-heldout (glued clitics)': score(newsfane.map(glueClitics)),
  aqmar: score(aqmar),
};
if (withKb) {
  const { loadKb } = await import(new URL('../dist/kb/index.js', import.meta.url));
  const kb = loadKb();
  const lookup = (name) => kb.lookup(name)[0]?.type ?? null;
  sets['anercorp-test + KB gazetteer'] = score(anercorpTest, lookup);
  sets['aqmar + KB gazetteer'] = score(aqmar, lookup);
}

// Speed: tag the ANERcorp test words a few times after a warm-up pass, one core.
const words = anercorpTest.map((s) => s.words);
for (const w of words) tagger.tag(w);
// CPU time as well as wall time: on a shared machine the wall figure mostly measures the others.
const REPEATS = 3;
let tokens = 0;
const start = performance.now();
const cpuStart = process.cpuUsage();
for (let r = 0; r < REPEATS; r++) for (const w of words) tokens += tagger.tag(w).length;
const cpu = process.cpuUsage(cpuStart);
const tokensPerSecond = Math.round(tokens / ((performance.now() - start) / 1000));
const tokensPerCpuSecond = Math.round(tokens / ((cpu.user + cpu.system) / 1e6));

const modelPath = resolve(ROOT, 'data/models', MODEL_FILE);
const report = {
  model: {
    file: `data/models/${MODEL_FILE}`,
    bytes: statSync(modelPath).size,
    features: tagger.model.header.features,
    created: tagger.model.header.provenance.created,
    loadMs: Math.round(loadMs),
  },
  tokensPerSecond,
  tokensPerCpuSecond,
  sets,
};
if (json) console.log(JSON.stringify(report, null, 1));
else {
  const pc = (x) => (100 * x).toFixed(1).padStart(5);
  for (const [name, r] of Object.entries(sets)) {
    console.log(`${name}: ${r.sentences} sentences, ${r.tokens} tokens`);
    for (const [t, v] of Object.entries(r.perType))
      console.log(`  ${t.padEnd(5)} P ${pc(v.p)} R ${pc(v.r)} F1 ${pc(v.f1)}  (tp ${v.tp} fp ${v.fp} fn ${v.fn})`);
    console.log(`  micro P ${pc(r.micro.p)} R ${pc(r.micro.r)} F1 ${pc(r.micro.f1)}`);
  }
  console.log(
    `model ${report.model.file}: ${(report.model.bytes / 1024).toFixed(0)} KiB, ${report.model.features} features, loaded in ${report.model.loadMs} ms`,
  );
  console.log(
    `speed: ${tokensPerSecond} tokens/s wall, ${tokensPerCpuSecond} tokens per CPU second (tagger.tag on gold tokens, one thread)`,
  );
}
