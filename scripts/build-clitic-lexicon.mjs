#!/usr/bin/env node
// Builds the clitic segmenter's lexicon (data/text/clitic-lexicon.tsv and data/text/clitic-splits.tsv)
// from two annotated Arabic news corpora:
//  - ANERcorp, CAMeL Lab TRAIN split only (../shared/data/ner/anercorp/train.txt), CC BY-SA 4.0:
//    words as written (clitics attached), with IOB2 entity tags.
//  - NewsFANE Gold 2014 (../shared/data/ner/fane/NewsFANE_Gold_2014_170K.txt), CC BY-SA 3.0: news text
//    with the conjunctions و/ف, pronoun suffixes and (often) prepositions before names split off as
//    tokens of their own, with fine-grained entity tags.
// NewsFANE is a re-annotation of the ANERcorp texts: it holds the sentences of ANERcorp's TEST split
// too (792 of its 4,760 sentences). Only the NewsFANE sentences found in ANERcorp TRAIN are used
// (matched on 25-letter shingles of their letters, clitics glued back), so that nothing learnt from the
// test sentences reaches the segmenter, and through it the entity tagger. The test file is never read.
//
// Usage (from the repository root, after `npx tsc -p tsconfig.json`, because keys are stored in the
// matching form computed by the project's own normalizeArabic):
//   node scripts/build-clitic-lexicon.mjs [--shared ../shared/data]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalizeArabic } from '../dist/text/normalize.js';

const args = process.argv.slice(2);
const sharedIdx = args.indexOf('--shared');
const shared = resolve(sharedIdx >= 0 ? args[sharedIdx + 1] : '../shared/data');
const ANER_TRAIN = `${shared}/ner/anercorp/train.txt`;
const NEWSFANE = `${shared}/ner/fane/NewsFANE_Gold_2014_170K.txt`;

const PROCLITIC_TOKENS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'س']);
const ENCLITIC_TOKENS = new Set(['ه', 'ها', 'هما', 'هم', 'هن', 'ك', 'كما', 'كم', 'كن', 'نا', 'ي', 'ني']);
// A word form: Arabic letters only, after normalisation.
const ARABIC_WORD = /^[\u0621-\u064a\u066e-\u06d3\u06d5]+$/u;

/** form → { freq, fane, entity } */
const forms = new Map();
/** "c+word" / "stem+e" → count of split occurrences in NewsFANE */
const splits = new Map();

function entry(form) {
  let e = forms.get(form);
  if (!e) {
    e = { freq: 0, fane: 0, entity: 0, ta: 0 };
    forms.set(form, e);
  }
  return e;
}

function addToken(form, tag, fromFane, endsWithTaMarbuta) {
  if (!ARABIC_WORD.test(form)) return;
  const e = entry(form);
  e.freq++;
  if (fromFane) e.fane++;
  if (tag && tag !== 'O') e.entity++;
  if (endsWithTaMarbuta) e.ta++;
}

// ANERcorp train: "token TAG" per line, blank line between sentences. ANERcorp keeps ة apart from ه,
// which the folded keys lose: count how often each form was written with a final ة, so that the
// segmenter can tell «كتابه» (his book) from «كتابة» (writing) by their share.
for (const line of readFileSync(ANER_TRAIN, 'utf8').split('\n')) {
  const t = line.trim();
  if (!t) continue;
  const sp = t.lastIndexOf(' ');
  if (sp <= 0) continue;
  const word = t.slice(0, sp).replace(/[\u064b-\u065f\u0670\u0640]/gu, '');
  addToken(normalizeArabic(word), t.slice(sp + 1), false, word.endsWith('ة'));
}

// Letters only, in matching form, spaces and clitic boundaries gone: the same sentence in both corpora
// gives the same string whatever the tokenisation.
const LETTERS_ONLY = /[^\u0621-\u064a]/gu;
const SHINGLE = 25;
const letters = (tokens) => normalizeArabic(tokens.join('')).replace(LETTERS_ONLY, '');
function shingles(s) {
  const out = [];
  for (let i = 0; i + SHINGLE <= s.length; i++) out.push(s.slice(i, i + SHINGLE));
  return out;
}
const trainShingles = new Set();
let sentence = [];
for (const line of readFileSync(ANER_TRAIN, 'utf8').split('\n')) {
  const t = line.trim();
  if (t) {
    sentence.push(t.slice(0, t.lastIndexOf(' ')));
    continue;
  }
  for (const sh of shingles(letters(sentence))) trainShingles.add(sh);
  sentence = [];
}
for (const sh of shingles(letters(sentence))) trainShingles.add(sh);
/** A NewsFANE sentence comes from ANERcorp TRAIN when most of its shingles are there. */
const TRAIN_SHARE = 0.5;
const fromTrain = (tokens) => {
  const sh = shingles(letters(tokens));
  return sh.length > 0 && sh.filter((x) => trainShingles.has(x)).length >= TRAIN_SHARE * sh.length;
};

// NewsFANE: BOM, CRLF, "LRM token TAB tag", blank line between sentences.
const faneSentences = [];
let current = [];
for (const line of readFileSync(NEWSFANE, 'utf8').split('\n')) {
  const t = line.replace(/\r$/, '').replace(/^\ufeff/, '');
  const tab = t.indexOf('\t');
  if (!t.trim() || tab < 0) {
    if (current.length) faneSentences.push(current);
    current = [];
    continue;
  }
  current.push({ form: normalizeArabic(t.slice(0, tab)).trim(), tag: t.slice(tab + 1).trim() });
}
if (current.length) faneSentences.push(current);
const fane = [];
let keptSentences = 0;
for (const s of faneSentences) {
  if (!fromTrain(s.map((x) => x.form))) continue;
  keptSentences++;
  for (const { form, tag } of s) {
    addToken(form, tag, true, false);
    fane.push(form);
  }
  fane.push(null); // sentence break
}

const isWord = (t) => t !== null && t !== undefined && t.length >= 2 && ARABIC_WORD.test(t);
function addSplit(key) {
  splits.set(key, (splits.get(key) ?? 0) + 1);
}
for (let i = 0; i < fane.length; i++) {
  const t = fane[i];
  if (t === null) continue;
  const prev = fane[i - 1];
  const next = fane[i + 1];
  // «ك» is both a preposition and a pronoun: a pronoun when glued to the word before it.
  if (ENCLITIC_TOKENS.has(t) && isWord(prev) && !PROCLITIC_TOKENS.has(prev) && !(t === 'ك' && isWord(next))) {
    addSplit(`${prev}+${t}`);
  } else if (PROCLITIC_TOKENS.has(t) && isWord(next) && !ENCLITIC_TOKENS.has(next)) {
    addSplit(`${t}+${next}`);
  }
}

const header = (what, columns) =>
  [
    `# rasd clitic lexicon: ${what}`,
    '# Built by scripts/build-clitic-lexicon.mjs (reproducible; keys in the normalizeArabic matching form).',
    '# Sources: ANERcorp (CAMeL Lab split, TRAIN part only), Benajiba et al. 2007, CC BY-SA 4.0;',
    '#          NewsFANE Gold 2014, Alotaibi & Lee (COLING 2014), CC BY-SA 3.0: only its sentences that are in',
    `#          ANERcorp TRAIN (${keptSentences} of ${faneSentences.length}; the others include ANERcorp TEST).`,
    '# Licence of this derived list: CC BY-SA 4.0 (ShareAlike of both sources). Word counts only, no text.',
    `# Columns (TAB-separated): ${columns}`,
  ].join('\n');

const formLines = [...forms.entries()]
  .sort((a, b) => b[1].freq - a[1].freq || (a[0] < b[0] ? -1 : 1))
  .map(([f, e]) => `${f}\t${e.freq}\t${e.fane}\t${e.entity}\t${e.ta}`);
writeFileSync(
  'data/text/clitic-lexicon.tsv',
  `${header(
    'word forms',
    'form, freq (tokens in both corpora), fane (tokens in NewsFANE, where و ف and pronouns are split off), entity (tokens tagged as part of a named entity), ta (ANERcorp tokens written with a final ة, folded to ه in the form)',
  )}\n${formLines.join('\n')}\n`,
);

const splitLines = [...splits.entries()]
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .map(([k, n]) => `${k}\t${n}`);
writeFileSync(
  'data/text/clitic-splits.tsv',
  `${header(
    'observed splits',
    'clitic+word (a proclitic token before a word) or word+clitic (a pronoun token after a word), count in NewsFANE',
  )}\n${splitLines.join('\n')}\n`,
);
console.log(
  `NewsFANE sentences kept (in ANERcorp TRAIN): ${keptSentences} of ${faneSentences.length}; forms: ${formLines.length}, splits: ${splitLines.length}`,
);
