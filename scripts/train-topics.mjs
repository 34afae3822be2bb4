#!/usr/bin/env node
// Trains the topic classifier: data/topics/model.bin.gz.
//
//   npm run train:topics                     (builds, then runs this with the defaults)
//   node scripts/train-topics.mjs [--data DIR] [--out FILE] [--seed N] [--epochs N] [--max-epochs N]
//                                 [--lr X] [--hash-bits N] [--title-weight N] [--no-stems] [--no-bigrams]
//                                 [--jawhara] [--dry-run]
//
// Data (never copied into the repo; DIR defaults to ../shared/data beside the repo):
//   corpora/ant-v2.1.jsonl.gz   31,525 labelled articles (6 categories → labels via data/topics/labels.json).
//     Identical articles are grouped (src/topics/corpus.ts) and the split is per group: held-out = the
//     groups whose text hash ≡ 0 mod 10 (never trained or tuned on), dev ≡ 1 (epochs are chosen on it),
//     train = the rest. The final model is retrained on train + dev with the chosen epochs and scored
//     once on held-out; the figures go into the model header.
//   corpora/ant-v1.1-jawharafm.jsonl.gz  only with --jawhara (off by default; see data/topics/README.md):
//     its culture/economy/sport/technology articles are added to the training side.
// Same data + same options + same seed → the same model file (seeded shuffling, no clock in the weights).
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = async (m) =>
  import(new URL(`../dist/topics/${m}.js`, import.meta.url)).catch((err) => {
    console.error(`cannot load dist/topics/${m}.js (${err.message}): run \`npm run build\` first`);
    process.exit(2);
  });
const { readCorpus, groupArticles } = await lib('corpus');
const { extractFeatures, DEFAULT_FEATURE_CONFIG } = await lib('features');
const { trainSoftmax } = await lib('train');
const { quantizeModel, encodeModel, decodeModel, probabilities } = await lib('model');
const { topicLabels, corpusMapping } = await lib('labels');
const { scoreGroups, formatReport } = await lib('metrics');
const { chooseTopics, MIN_ARABIC_WORDS } = await lib('classify');

// ---------------------------------------------------------------- options
const opt = {
  data: resolve(ROOT, '../shared/data'),
  out: resolve(ROOT, 'data/topics/model.bin.gz'),
  seed: 20180201,
  epochs: null,
  maxEpochs: 10,
  lr: 1,
  hashBits: DEFAULT_FEATURE_CONFIG.hashBits,
  titleWeight: DEFAULT_FEATURE_CONFIG.titleWeight,
  stems: DEFAULT_FEATURE_CONFIG.stems,
  bigrams: DEFAULT_FEATURE_CONFIG.bigrams,
  jawhara: false,
  dryRun: false,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => {
    if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
    return argv[++i];
  };
  if (a === '--data') opt.data = resolve(next());
  else if (a === '--out') opt.out = resolve(next());
  else if (a === '--seed') opt.seed = Number(next());
  else if (a === '--epochs') opt.epochs = Number(next());
  else if (a === '--max-epochs') opt.maxEpochs = Number(next());
  else if (a === '--lr') opt.lr = Number(next());
  else if (a === '--hash-bits') opt.hashBits = Number(next());
  else if (a === '--title-weight') opt.titleWeight = Number(next());
  else if (a === '--no-stems') opt.stems = false;
  else if (a === '--no-bigrams') opt.bigrams = false;
  else if (a === '--jawhara') opt.jawhara = true;
  else if (a === '--dry-run') opt.dryRun = true;
  else {
    console.error(`unknown option ${a}`);
    process.exit(2);
  }
}

const ANT = resolve(opt.data, 'corpora/ant-v2.1.jsonl.gz');
const JAWHARA = resolve(opt.data, 'corpora/ant-v1.1-jawharafm.jsonl.gz');
if (!existsSync(ANT)) {
  console.error(`ANT v2.1 not found at ${ANT} (use --data DIR)`);
  process.exit(1);
}

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const labels = topicLabels().map((l) => l.id);
const labelIndex = new Map(labels.map((l, i) => [l, i]));
const cfg = { hashBits: opt.hashBits, titleWeight: opt.titleWeight, stems: opt.stems, bigrams: opt.bigrams };

// ---------------------------------------------------------------- data
const records = readCorpus(ANT);
const groups = groupArticles(records, corpusMapping('ant-v2.1'));
const example = (g) => ({ x: extractFeatures({ title: g.title, body: g.text }, cfg), y: g.accepted.map((l) => labelIndex.get(l)), g });
const bySplit = { train: [], dev: [], heldout: [] };
for (const g of groups) bySplit[g.split].push(example(g));
let jawharaCount = 0;
if (opt.jawhara) {
  if (!existsSync(JAWHARA)) throw new Error(`--jawhara: ${JAWHARA} not found`);
  // Its own groups; only the training-side ones are used so that its held-out tenth stays unseen.
  for (const g of groupArticles(readCorpus(JAWHARA), corpusMapping('ant-v1.1'))) {
    if (g.split === 'heldout') continue;
    bySplit[g.split].push(example(g));
    jawharaCount++;
  }
}
const multi = groups.filter((g) => g.filed.length > 1).length;
const mixed = groups.filter((g) => g.accepted.length > 1).length;
console.log(
  `${records.length} ANT records → ${groups.length} groups (${multi} filed under two labels, ${mixed} from a mixed feed) · ` +
    `train ${bySplit.train.length} · dev ${bySplit.dev.length} · held-out ${bySplit.heldout.length}` +
    (opt.jawhara ? ` · JawharaFM ${jawharaCount} added to train/dev` : '') +
    ` · features in ${secs()} s`,
);

// ---------------------------------------------------------------- training
const header = (extra) => ({ labels, features: cfg, provenance: extra });
const build = (w, provenance = {}) => quantizeModel(w.weights, w.bias, header(provenance));
const predict = (model, x) => {
  if (x.arabicWords < MIN_ARABIC_WORDS) return null;
  const p = probabilities(model, x);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  return labels[best];
};
const accuracy = (model, set) => set.filter((e) => e.g.accepted.includes(predict(model, e.x))).length / set.length;
const trainOpts = (epochs, onEpoch) => ({ labels: labels.length, hashBits: cfg.hashBits, epochs, learningRate: opt.lr, seed: opt.seed, onEpoch });

let epochs = opt.epochs;
const devCurve = [];
if (epochs == null) {
  let best = -1;
  trainSoftmax(
    bySplit.train,
    trainOpts(opt.maxEpochs, (epoch, averaged) => {
      const acc = accuracy(build(averaged()), bySplit.dev);
      devCurve.push(+(100 * acc).toFixed(2));
      console.log(`  epoch ${String(epoch).padStart(2)} · dev accuracy ${(100 * acc).toFixed(2)}% (${secs()} s)`);
      if (acc > best) {
        best = acc;
        epochs = epoch;
      }
    }),
  );
  console.log(`chosen on dev: ${epochs} epochs`);
}
const final = trainSoftmax([...bySplit.train, ...bySplit.dev], trainOpts(epochs));
let model = build(final);

// ---------------------------------------------------------------- held-out figures
const held = bySplit.heldout;
const pred = held.map((e) => predict(model, e.x));
const { report, strictAccuracy } = scoreGroups(labels, held.map((e) => e.g), pred);
let two = 0;
let inTopics = 0;
for (const e of held) {
  const p = probabilities(model, e.x);
  const chosen = chooseTopics(labels.map((label, c) => ({ label, probability: p[c] })).sort((a, b) => b.probability - a.probability));
  if (chosen.length > 1) two++;
  if (chosen.some((l) => e.g.accepted.includes(l))) inTopics++;
}
console.log(`\nheld-out (${held.length} groups, never trained or tuned on), quantised model:`);
console.log(formatReport(report));
console.log(`strict (mixed feeds read as their literal category, world): accuracy ${(100 * strictAccuracy).toFixed(2)}%`);
console.log(
  `topics lists: ${((100 * two) / held.length).toFixed(1)}% get two labels; ` +
    `an accepted label among them ${((100 * inTopics) / held.length).toFixed(2)}%`,
);

// ---------------------------------------------------------------- write
const provenance = {
  source: 'ANT Corpus v2.1 (Chouigui, Ben Khiroun, Elayeb; https://antcorpus.github.io), Apache-2.0, citation required' +
    (opt.jawhara ? '; ANT v1.1 JawharaFM (culture, economy, sport, technology)' : ''),
  licence: 'Apache-2.0 (derived from ANT Corpus); cite ANT Corpus (see data/topics/README.md)',
  command: `node scripts/train-topics.mjs ${argv.join(' ')}`.trim(),
  seed: opt.seed,
  epochs,
  learningRate: opt.lr,
  devCurve,
  split: 'groups of identical normalised text; held-out = sha1(text) first 32 bits ≡ 0 mod 10, dev ≡ 1',
  counts: { train: bySplit.train.length, dev: bySplit.dev.length, heldout: held.length },
  heldout: { accuracy: +report.accuracy.toFixed(4), macroF1: +report.macroF1.toFixed(4), strictAccuracy: +strictAccuracy.toFixed(4) },
};
model = build(final, provenance);
const bytes = encodeModel(model);
decodeModel(bytes); // the file must read back
if (opt.dryRun) console.log(`\n--dry-run: model not written (${(bytes.length / 1024).toFixed(0)} KiB) · ${secs()} s`);
else {
  writeFileSync(opt.out, bytes);
  console.log(`\nwrote ${relative(process.cwd(), opt.out)} (${(bytes.length / 1024).toFixed(0)} KiB) · ${secs()} s`);
}
