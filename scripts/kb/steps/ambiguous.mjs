// The matching policies of names that are also common words and the cue words that license them,
// written as one JSON file for the loader (data/kb/ambiguous.json). Names and cues stay as
// written; the loader normalises them. Policies come from:
//  - curated/ambiguous.tsv (never | context | block, or free to overrule the rule below);
//  - a rule over the text layer's word lexicon (data/text/clitic-lexicon.tsv: counts from
//    ANERcorp TRAIN and NewsFANE): a one-word name of a non-minor entry that the corpora mostly
//    use as an ordinary word (كيف, القمر, بين) is made "context";
//  - a rule over curated/generic-words.txt: a name of a minor place made only of generic words
//    («المنطقة الجنوبية», «محافظة العاصمة», «جنوب غرب») is made "never".
import fs from 'node:fs';
import { readTsv } from '../lib/tsv.mjs';

const POLICIES = new Set(['never', 'context', 'block', 'free']);
/** Corpus tokens a word needs before its entity share says anything. */
export const COMMON_WORD_MIN_FREQ = 3;
/** Below this share of entity-tagged tokens, a frequent word is an ordinary word. */
export const COMMON_WORD_MAX_ENTITY_SHARE = 0.3;

/** Map normalised word → {freq, entity} from the text layer's lexicon. */
export function readWordLexicon(file) {
  const out = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [form, freq, , entity] = line.split('\t');
    out.set(form, { freq: Number(freq), entity: Number(entity) });
  }
  return out;
}

/** One-word names (as written) of non-minor entries that the lexicon says are ordinary words. */
export function commonWordNames(entries, lexicon, normalize) {
  const out = new Set();
  for (const e of entries) {
    if (e.minor) continue;
    for (const name of [e.ar, ...(e.aliases_ar ?? [])]) {
      const key = normalize(name);
      if (key.includes(' ')) continue;
      const s = lexicon.get(key);
      if (s && s.freq >= COMMON_WORD_MIN_FREQ && s.entity / s.freq < COMMON_WORD_MAX_ENTITY_SHARE) out.add(name);
    }
  }
  return out;
}
const CUE_TYPES = new Set(['LOC', 'ORG', 'MISC']);

function sortedObject(o) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One word per line, '#' comments. */
export function readWordList(file) {
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** Names (as written) of minor entries whose every word is a generic word. */
export function genericNames(entries, words, normalize) {
  const generic = new Set(words.map(normalize));
  const out = new Set();
  for (const e of entries) {
    if (!e.minor) continue;
    for (const name of [e.ar, ...(e.aliases_ar ?? [])]) {
      if (normalize(name).split(' ').every((w) => generic.has(w))) out.add(name);
    }
  }
  return out;
}

export function buildAmbiguous(curatedDir, outFile, { commonWords = new Set(), generic = new Set() } = {}) {
  const policies = {};
  for (const r of readTsv(`${curatedDir}/ambiguous.tsv`)) {
    if (!r.name || !POLICIES.has(r.policy)) throw new Error(`ambiguous.tsv:${r._line}: need name and policy (never|context|block|free)`);
    if (policies[r.name]) throw new Error(`ambiguous.tsv:${r._line}: ${r.name} listed twice`);
    policies[r.name] = r.policy;
  }
  let auto = 0;
  for (const name of commonWords) {
    if (policies[name]) continue;
    policies[name] = 'context';
    auto++;
  }
  let genericCount = 0;
  for (const name of generic) {
    if (policies[name]) continue;
    policies[name] = 'never';
    genericCount++;
  }
  // "free" only overrules the rule; it is the default, so it is not written out.
  for (const [name, policy] of Object.entries(policies)) if (policy === 'free') delete policies[name];
  const cues = { LOC: [], ORG: [], MISC: [] };
  for (const r of readTsv(`${curatedDir}/cues.tsv`)) {
    if (!r.cue || !CUE_TYPES.has(r.type)) throw new Error(`cues.tsv:${r._line}: need cue and type (LOC|ORG|MISC)`);
    cues[r.type].push(r.cue);
  }
  for (const k of Object.keys(cues)) cues[k].sort();
  const out = { policies: sortedObject(policies), cues };
  fs.writeFileSync(outFile, JSON.stringify(out, null, 1) + '\n');
  return { policies: Object.keys(policies).length, fromLexicon: auto, generic: genericCount, cues: Object.values(cues).flat().length };
}
