#!/usr/bin/env node
// Trains the NER tagger's model: data/models/ner-perceptron.bin.gz.
//
//   npm run train:ner                         (builds, then runs this with the defaults)
//   node scripts/train-ner.mjs [--data DIR] [--out FILE] [--seed N] [--max-epochs N] [--epochs N]
//                              [--no-wiki] [--no-dictionary] [--gaz-dropout P] [--min-count N]
//                              [--min-weight W] [--dev-only] [--dev-model FILE]
//                              [--no-clusters] [--build-clusters]
//
// Data (never copied into the repo; default DIR = ../shared/data beside the repo):
//   ner/anercorp/train.txt   the training set. Its last 10% of sentences is the dev split: epochs and
//                            settings are chosen on it, then the final model is retrained on all of train.
//   ner/fane/WikiFANE…txt    extra training data (Wikipedia), fine types reduced to PER/LOC/ORG/MISC,
//                            "Group" dropped (ANERcorp does not tag peoples and religions), clitics
//                            re-glued, domain-augmented features; its entity names are also the model's
//                            own name dictionary (shipped in the model; owes nothing to the test sets).
//   ner/anercorp/test.txt    NEVER trained or tuned on. Read only to drop the few WikiFANE sentences
//                            whose text overlaps it (same for AQMAR, kept clean as an out-of-domain eval).
//   corpora/ant-v2.1.jsonl.gz  unlabelled news (31k articles) for the word clusters, built into
//                            data/models/ner-clusters.bin.gz when that file is missing or with
//                            --build-clusters (about 1.5 min), else reused.
// NewsFANE is not used: it is the ANERcorp text (train and test) re-annotated.
// Same data + same seed → same weights (shuffling uses a seeded PRNG).
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = async (m) =>
  import(new URL(`../dist/entities/tagger/${m}.js`, import.meta.url)).catch((err) => {
    console.error(`cannot load dist/entities/tagger/${m}.js (${err.message}): run \`npm run build\` first`);
    process.exit(2);
  });
const { readConll, parseConll, glueClitics, countSpans, emptyCounts, summarise } = await lib('conll');
const { trainPerceptron, seededRandom } = await lib('train');
const { encodeModel, modelFromRaw, foldDomain } = await lib('model');
const { Tagger } = await lib('tagger');
const { FEATURE_SET } = await lib('features');
const { FEATURE_NORMALISER, normalizeWord } = await lib('arabic');
const { NameDictionary } = await lib('gazetteer');
const { spansOfLabels } = await lib('labels');
const { buildClusters, encodeClusters, decodeClusters } = await lib('clusters');

// ---------------------------------------------------------------- options
const opt = {
  data: resolve(ROOT, '../shared/data'),
  out: resolve(ROOT, 'data/models/ner-perceptron.bin.gz'),
  seed: 20240601,
  maxEpochs: 20,
  epochs: null,
  wiki: true,
  dictionary: true,
  gazDropout: 0.25,
  minCount: 3,
  minWeight: 0,
  devOnly: false,
  devModel: null,
  clusters: true,
  buildClusters: false,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--data') opt.data = resolve(argv[++i]);
  else if (a === '--out') opt.out = resolve(argv[++i]);
  else if (a === '--seed') opt.seed = +argv[++i];
  else if (a === '--max-epochs') opt.maxEpochs = +argv[++i];
  else if (a === '--epochs') opt.epochs = +argv[++i];
  else if (a === '--no-wiki') opt.wiki = false;
  else if (a === '--no-dictionary') opt.dictionary = false;
  else if (a === '--gaz-dropout') opt.gazDropout = +argv[++i];
  else if (a === '--min-count') opt.minCount = +argv[++i];
  else if (a === '--min-weight') opt.minWeight = +argv[++i];
  else if (a === '--dev-only') opt.devOnly = true;
  else if (a === '--dev-model') opt.devModel = resolve(argv[++i]);
  else if (a === '--no-clusters') opt.clusters = false;
  else if (a === '--build-clusters') opt.buildClusters = true;
  else {
    console.error(`unknown argument ${a}; see the header of scripts/train-ner.mjs`);
    process.exit(2);
  }
}
const t0 = Date.now();
const log = (...m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...m);
const pct = (x) => (100 * x).toFixed(2);

// ---------------------------------------------------------------- triggers
const TRIGGERS_FILE = resolve(ROOT, 'data/models/ner-triggers.tsv');
const triggers = {};
for (const line of readFileSync(TRIGGERS_FILE, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [cls, word] = line.split('\t');
  (triggers[cls] ??= []).push(word.trim());
}

// ---------------------------------------------------------------- word clusters
const CLUSTERS_PATH = resolve(dirname(opt.out), 'ner-clusters.bin.gz');
const CLUSTER_OPTIONS = { vocabulary: 60000, minCount: 5, contexts: 3000, dims: 80, depth: 12, seed: 7 };
let clusters = null;
if (opt.clusters) {
  if (opt.buildClusters || !existsSync(CLUSTERS_PATH)) {
    const corpus = `${opt.data}/corpora/ant-v2.1.jsonl.gz`;
    const lines = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n');
    const texts = function* () {
      for (const line of lines) {
        if (!line) continue;
        const r = JSON.parse(line);
        yield `${r.title ?? ''}\n${r.text ?? ''}`;
      }
    };
    const codes = buildClusters(texts, CLUSTER_OPTIONS, (m) => log(m));
    const bytes = encodeClusters(codes, {
      depth: CLUSTER_OPTIONS.depth,
      source: 'ANT corpus v2.1 (Chouigui et al.; 31,525 Arabic news articles, 2018), titles and bodies',
      licence: 'Apache-2.0 (ANT v2.1); cite Chouigui, Ben Khiroun & Elayeb, "An Arabic Multi-source News Corpus", 2021',
      command: `node scripts/train-ner.mjs ${argv.join(' ')}`.trim(),
      created: new Date().toISOString().slice(0, 10),
      build: { ...CLUSTER_OPTIONS, articles: lines.filter(Boolean).length },
    });
    mkdirSync(dirname(CLUSTERS_PATH), { recursive: true });
    writeFileSync(CLUSTERS_PATH, bytes);
    log(`wrote ${CLUSTERS_PATH}: ${codes.size} words, ${(bytes.length / 1024).toFixed(0)} KiB`);
  }
  clusters = decodeClusters(readFileSync(CLUSTERS_PATH));
  log(`word clusters ${clusters.header.version}`);
}

// ---------------------------------------------------------------- data
const anercorp = readConll(`${opt.data}/ner/anercorp/train.txt`).map((s) => ({ ...s, domain: 'news' }));
const devStart = Math.floor(anercorp.length * 0.9);
const trainPart = anercorp.slice(0, devStart);
const dev = anercorp.slice(devStart);
log(`ANERcorp train: ${anercorp.length} sentences (${devStart} train part, ${dev.length} dev)`);

/** Letters-only key of a sentence, for overlap tests across corpora with different tokenisation. */
const letters = (words) =>
  words
    .map(normalizeWord)
    .join('')
    .replace(/[^\u0621-\u064a0-9]/g, '');
const GRAM = 15;
function gramSet(sentences) {
  const set = new Set();
  for (const s of sentences) {
    const k = letters(s.words);
    for (let i = 0; i + GRAM <= k.length; i++) set.add(k.slice(i, i + GRAM));
  }
  return set;
}
/** True when more than half of the sentence's letter 15-grams occur in `grams`. */
function overlaps(words, grams) {
  const k = letters(words);
  let n = 0;
  let hit = 0;
  for (let i = 0; i + GRAM <= k.length; i += 5) {
    n++;
    if (grams.has(k.slice(i, i + GRAM))) hit++;
  }
  return n > 0 && hit / n > 0.5;
}

let wiki = [];
if (opt.wiki || opt.dictionary) {
  const heldOut = [...readConll(`${opt.data}/ner/anercorp/test.txt`)];
  for (const f of readdirSync(`${opt.data}/ner/aqmar`).filter((f) => f.endsWith('.txt') && f !== 'README.md'))
    heldOut.push(...readConll(`${opt.data}/ner/aqmar/${f}`));
  const heldOutGrams = gramSet(heldOut);
  // FANE's "Group" (peoples, religious communities) is not an entity in ANERcorp's scheme.
  const raw = readFileSync(`${opt.data}/ner/fane/WikiFANE_Gold_2014_500K.txt`, 'utf8').replace(
    /\t[BI]-Group(\r?)$/gm,
    '\tO$1',
  );
  const all = parseConll(raw).map(glueClitics);
  wiki = all.filter((s) => !overlaps(s.words, heldOutGrams)).map((s) => ({ ...s, domain: 'wiki' }));
  log(`WikiFANE: ${all.length} sentences, ${all.length - wiki.length} dropped for overlapping ANERcorp test or AQMAR`);
}

// ---------------------------------------------------------------- name dictionary
// The entity names of WikiFANE become the model's own dictionary (shipped in the model header):
// its matches are gazetteer features wherever the caller (the KB) gives none, and its words give
// the name-part features. Used on ANERcorp sentences only: on WikiFANE it would be its own gold.
// A share (`--gaz-dropout`) of the training sentences goes without, so that the model does not
// lean on it too hard.
let names = null;
let nameLists = null;
if (opt.dictionary) {
  const counts = new Map();
  for (const s of wiki) {
    for (const sp of spansOfLabels(s.labels)) {
      const name = s.words.slice(sp.start, sp.end).map(normalizeWord).join(' ');
      if (name.length < 2) continue;
      const c = counts.get(name) ?? {};
      c[sp.type] = (c[sp.type] ?? 0) + 1;
      counts.set(name, c);
    }
  }
  const byName = new Map();
  for (const [name, c] of counts)
    byName.set(name, Object.entries(c).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]);
  nameLists = {};
  for (const [name, type] of [...byName].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
    (nameLists[type] ??= []).push(name);
  names = new NameDictionary(byName);
  const random = seededRandom(opt.seed ^ 0x5a5a5a5a);
  for (const s of anercorp) s.names = random() >= opt.gazDropout;
  for (const s of wiki) s.names = false;
  log(`name dictionary: ${byName.size} names from WikiFANE, dropout ${opt.gazDropout}`);
}
const asTraining = (s) => ({ words: s.words, labels: s.labels, domain: s.domain, names: s.names ?? false });

// ---------------------------------------------------------------- training
// With WikiFANE, features are domain-augmented ('news' for ANERcorp, 'wiki'); the weights are
// then folded for news (foldDomain), so the shipped model has plain features (domain: null).
const fold = (raw) => (opt.wiki ? foldDomain(raw, 'news', ['news', 'wiki']) : raw);
const baseHeader = {
  featureSet: FEATURE_SET,
  normaliser: FEATURE_NORMALISER,
  triggers,
  temperature: 1,
  domain: null,
  clusters: clusters ? clusters.header.version : null,
  names: nameLists,
  provenance: {},
};
const fullHeader = (h) => ({
  format: 'rasd-ner-perceptron',
  labels: [],
  scale: 1,
  quantisation: 'i8',
  features: 0,
  ...h,
});

function scoreDev(tagger) {
  const counts = emptyCounts();
  for (const s of dev) countSpans(s.labels, tagger.tag(s.words), counts);
  return summarise(counts);
}
const describe = (r) =>
  `micro F1 ${pct(r.micro.f1)} (P ${pct(r.micro.p)} R ${pct(r.micro.r)}) ` +
  Object.entries(r.perType)
    .map(([k, v]) => `${k} ${pct(v.f1)}`)
    .join(' ');

const trainOpts = {
  names,
  seed: opt.seed,
  triggers,
  clusters: clusters ? clusters.codes : null,
  minFeatureCount: opt.minCount,
};
const trainData = (sentences) => (opt.wiki ? [...sentences, ...wiki] : sentences).map(asTraining);

// Phase 1: train on the train part, score dev after every epoch.
const devLog = [];
let best = { epoch: 0, f1: -1, raw: null };
const p1 = trainPerceptron(trainData(trainPart), {
  ...trainOpts,
  epochs: opt.epochs ?? opt.maxEpochs,
  onEpoch(epoch, averaged) {
    const raw = fold(averaged());
    // quantised and pruned as the shipped file will be: what is measured is what is shipped
    const model = modelFromRaw(raw, fullHeader(baseHeader), opt.minWeight);
    const r = scoreDev(new Tagger(model, clusters));
    // the same weights without the model's dictionary: how much it leans on it
    const rNoNames = names ? scoreDev(new Tagger({ ...model, header: { ...model.header, names: null } }, clusters)) : r;
    devLog.push({ epoch, f1: +pct(r.micro.f1), f1WithoutDictionary: +pct(rNoNames.micro.f1) });
    log(`epoch ${epoch}: dev ${describe(r)}${names ? ` | without dictionary ${pct(rNoNames.micro.f1)}` : ''}`);
    if (r.micro.f1 > best.f1) best = { epoch, f1: r.micro.f1, raw };
  },
});
void p1;
const epochs = opt.epochs ?? best.epoch;
log(`chosen: ${epochs} epochs (dev micro F1 ${pct(best.f1)})`);

// Confidence temperature: the one whose span confidences best predict whether a dev span is right.
const devModel = modelFromRaw(best.raw, fullHeader(baseHeader), opt.minWeight);
const devTagger = new Tagger(devModel, clusters);
let temperature = 1;
let bestLoss = Infinity;
for (const t of [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128]) {
  devModel.header.temperature = t;
  let loss = 0;
  let n = 0;
  for (const s of dev) {
    const { labels, confidence } = devTagger.tagWithConfidence(s.words);
    const gold = new Set(spansOfLabels(s.labels).map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const sp of spansOfLabels(labels)) {
      let c = 1;
      for (let i = sp.start; i < sp.end; i++) c = Math.min(c, confidence[i]);
      c = Math.min(1 - 1e-6, Math.max(1e-6, c));
      loss -= gold.has(`${sp.start}:${sp.end}:${sp.type}`) ? Math.log(c) : Math.log(1 - c);
      n++;
    }
  }
  if (loss / n < bestLoss) {
    bestLoss = loss / n;
    temperature = t;
  }
}
log(`confidence temperature ${temperature} (dev span log-loss ${bestLoss.toFixed(3)})`);

const probe = encodeModel(
  best.raw,
  { ...baseHeader, temperature, provenance: { source: '', licence: '', command: '', created: '' } },
  { minWeight: opt.minWeight },
);
log(`dev model file: ${probe.features} features, ${(probe.bytes.length / 1024).toFixed(0)} KiB`);

// The phase-1 model, for error analysis on dev (never shipped).
if (opt.devModel) writeFileSync(opt.devModel, probe.bytes);
if (opt.devOnly) process.exit(0);

// Phase 2: the same recipe on all of ANERcorp train.
const final = fold(trainPerceptron(trainData(anercorp), { ...trainOpts, epochs }));
const command = `node scripts/train-ner.mjs ${argv.join(' ')}`.trim();
const created = new Date().toISOString().slice(0, 10);
const tokens = (ss) => ss.reduce((a, s) => a + s.words.length, 0);
const { bytes, features } = encodeModel(
  final,
  {
    ...baseHeader,
    temperature,
    provenance: {
      source:
        `ANERcorp (Benajiba et al. 2007; CAMeL Lab train split, ${anercorp.length} sentences)` +
        (opt.wiki ? ` + WikiFANE Gold 2014 (Alotaibi & Lee 2014, ${wiki.length} sentences)` : ''),
      licence:
        'CC BY-SA 4.0 — derived from ANERcorp (CC BY-SA 4.0)' +
        (opt.wiki ? ' and WikiFANE (CC BY-SA 3.0, adapted under 4.0)' : ''),
      command,
      created,
      rebuild: 'npm run train:ner (needs ../shared/data/ner); see data/models/README.md',
    },
    training: {
      seed: opt.seed,
      epochs,
      minFeatureCount: opt.minCount,
      minWeight: opt.minWeight,
      dictionary: names ? `WikiFANE entity names (header.names), dropout ${opt.gazDropout}` : null,
      trainTokens: tokens(anercorp) + (opt.wiki ? tokens(wiki) : 0),
      devSplit: 'last 10% of ANERcorp train (phase 1 only)',
      devMicroF1: +pct(best.f1),
      domainAdaptation: opt.wiki ? 'feature augmentation news/wiki, folded for news' : null,
      devLog,
    },
  },
  { minWeight: opt.minWeight },
);
mkdirSync(dirname(opt.out), { recursive: true });
writeFileSync(opt.out, bytes);
log(
  `wrote ${opt.out}: ${features} features, ${(bytes.length / 1024).toFixed(0)} KiB, total ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
