#!/usr/bin/env node
// Evaluates the clitic segmenter on WikiFANE Gold 2014 (Wikipedia, CC BY-SA 3.0), which the lexicon
// was NOT built from. WikiFANE writes the conjunctions و/ف and the pronoun suffixes as tokens of their
// own (like NewsFANE), so glueing them back gives words with a gold segmentation for those two
// decisions. Prepositions ب/ل/ك are split there only now and then, so words with one are left out.
//
// WikiFANE is written in folded form (ة as ه, ى as ي, no hamza seats), which real text is not: a final
// ه there may stand for ة (سنه = سنة «year»), which the segmenter never cuts in real text. Words whose
// folded surface ends in ه are therefore left out; so are the words glued to a preposition.
//
// Usage: npx tsc -p tsconfig.json && node scripts/eval-clitics.mjs [--shared ../shared/data] [--limit N]
// Prints precision / recall / F1 of "split off a conjunction" and "split off a pronoun (the right one)",
// for segmentWord and for a light10-style baseline (always strip و when 3+ letters remain; never a pronoun
// unless the stem is 2+ letters and the word ends in one — i.e. no lexicon).
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { segmentWord } from '../dist/text/clitics.js';
import { normalizeArabic } from '../dist/text/normalize.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const shared = resolve(opt('--shared', '../shared/data'));
const limit = Number(opt('--limit', 'Infinity'));
const WIKIFANE = `${shared}/ner/fane/WikiFANE_Gold_2014_500K.txt`;
if (!existsSync(WIKIFANE)) {
  console.log(`eval-clitics: ${WIKIFANE} not found; skipping.`);
  process.exit(0);
}

const CONJ = new Set(['و', 'ف']);
const PREP = new Set(['ب', 'ل', 'ك', 'س']);
const PRON = new Set(['ه', 'ها', 'هما', 'هم', 'هن', 'ك', 'كما', 'كم', 'كن', 'نا', 'ي', 'ني']);
const WORD = /^[\u0621-\u064a]{2,}$/u;

const tokens = [];
for (const line of readFileSync(WIKIFANE, 'utf8').split('\n')) {
  const t = line.replace(/\r$/, '').replace(/^\ufeff/, '');
  const tab = t.indexOf('\t');
  tokens.push(tab < 0 ? null : normalizeArabic(t.slice(0, tab)).trim());
}

/** Gold words: { surface, conj: bool, pron: string|null } */
const words = [];
for (let i = 0; i < tokens.length && words.length < limit; i++) {
  let j = i;
  let conj = false;
  if (CONJ.has(tokens[j]) && tokens[j + 1] && WORD.test(tokens[j + 1])) {
    conj = true;
    j++;
  }
  const w = tokens[j];
  if (!w || !WORD.test(w)) continue;
  if (PREP.has(tokens[j - 1] ?? '') && j - 1 >= i) continue;
  let pron = null;
  const next = tokens[j + 1];
  if (next && PRON.has(next) && !(next === 'ك' && tokens[j + 2] && WORD.test(tokens[j + 2]))) pron = next;
  // A proclitic or article on the stem itself is unknown in the gold: keep only words whose stem does
  // not begin with ب/ل/ك (glued prepositions are not split consistently in WikiFANE).
  if (PREP.has(w[0]) && !w.startsWith('لا')) {
    i = j + (pron ? 1 : 0);
    continue;
  }
  const surface = (conj ? tokens[i] : '') + w + (pron ?? '');
  if (!surface.endsWith('ه')) words.push({ surface, conj, pron });
  i = j + (pron ? 1 : 0);
}

function score(name, predict) {
  const c = { tp: 0, fp: 0, fn: 0 };
  const p = { tp: 0, fp: 0, fn: 0 };
  for (const g of words) {
    const r = predict(g.surface);
    if (r.conj && g.conj) c.tp++;
    else if (r.conj) c.fp++;
    else if (g.conj) c.fn++;
    if (r.pron && r.pron === g.pron) p.tp++;
    else {
      if (r.pron) p.fp++;
      if (g.pron) p.fn++;
    }
  }
  const f = (x) => {
    const pr = x.tp / (x.tp + x.fp || 1);
    const re = x.tp / (x.tp + x.fn || 1);
    return `P ${(100 * pr).toFixed(1)} R ${(100 * re).toFixed(1)} F1 ${((200 * pr * re) / (pr + re || 1)).toFixed(1)}`;
  };
  console.log(`${name.padEnd(12)} conjunction: ${f(c)} | pronoun: ${f(p)}`);
}

console.log(
  `WikiFANE words evaluated: ${words.length} (${words.filter((w) => w.conj).length} with و/ف, ${words.filter((w) => w.pron).length} with a pronoun)`,
);
score('segmentWord', (w) => {
  const s = segmentWord(w);
  return { conj: CONJ.has(s.proclitics[0]), pron: s.enclitics[0] ?? null };
});
const PRON_LONGEST_FIRST = [...PRON].sort((a, b) => b.length - a.length);
score('light10-ish', (w) => ({
  conj: w[0] === 'و' && w.length > 3,
  pron: PRON_LONGEST_FIRST.find((e) => w.endsWith(e) && w.length - e.length >= 2 && !w.startsWith('ال')) ?? null,
}));
