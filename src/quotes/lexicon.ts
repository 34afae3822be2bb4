// The quote layer's lexicons, loaded once from data/quotes/ (see data/quotes/README.md).
import { readFileSync } from 'node:fs';
import { foldWord, bareForm } from './fold.js';

export type CuePos = 'past' | 'present' | 'participle';
export type CueGender = 'm' | 'f' | 'pl';

/** One inflected form of a speech or attitude verb. */
export interface CueForm {
  form: string;
  lemma: string;
  pos: CuePos;
  gender: CueGender;
  /** May introduce reported speech without quotation marks (قال إن …). */
  indirect: boolean;
  /** A continuation cue (أضاف، تابع…): an unnamed subject is the last speaker. */
  continuation: boolean;
  /** Ambiguous form: a cue only with و/ف or before a colon, a mark, a complementizer or a subject. */
  strict: boolean;
}

export type WordClass = 'prep' | 'comp' | 'adv' | 'nocomp' | 'source' | 'own-words' | 'title-prep';

export interface QuoteLexicon {
  /** Folded form → cue. */
  cues: Map<string, CueForm>;
  /** Folded word → its closed classes (a word may have several: «بعد» is prep and nocomp). */
  classes: Map<string, Set<WordClass>>;
  /** Bare forms (see `bareForm`) of label nouns. */
  labelNouns: Set<string>;
  /** Bare forms of nouns that head an unnamed speaker («مسؤول», «مصادر»). */
  speakerNouns: Set<string>;
  /** Bare forms of first words of organisation names («حزب», «فيلق»). */
  nameHeads: Set<string>;
}

const DATA_DIR = new URL('../../data/quotes/', import.meta.url);
const WORD_CLASSES: readonly WordClass[] = ['prep', 'comp', 'adv', 'nocomp', 'source', 'own-words', 'title-prep'];

function dataLines(name: string): string[][] {
  return readFileSync(new URL(name, DATA_DIR), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** Parses the three data files. Throws with the file and line when an entry is malformed. */
export function loadQuoteLexicon(): QuoteLexicon {
  const cues = new Map<string, CueForm>();
  for (const [form, lemma, pos, gender, flags] of dataLines('cues.tsv')) {
    if (!form || !lemma || !['past', 'present', 'participle'].includes(pos) || !['m', 'f', 'pl'].includes(gender)) {
      throw new Error(`data/quotes/cues.tsv: malformed row «${form}\t${lemma}\t${pos}\t${gender}»`);
    }
    const fl = new Set((flags ?? '-').split(','));
    cues.set(foldWord(form), {
      form,
      lemma,
      pos: pos as CuePos,
      gender: gender as CueGender,
      indirect: fl.has('indirect'),
      continuation: fl.has('cont'),
      strict: fl.has('strict'),
    });
  }
  const classes = new Map<string, Set<WordClass>>();
  for (const [word, cls] of dataLines('function-words.tsv')) {
    if (!word || !WORD_CLASSES.includes(cls as WordClass)) {
      throw new Error(`data/quotes/function-words.tsv: malformed row «${word}\t${cls}»`);
    }
    const key = foldWord(word);
    const set = classes.get(key) ?? new Set<WordClass>();
    set.add(cls as WordClass);
    classes.set(key, set);
  }
  const bareSet = (name: string) => new Set(dataLines(name).map(([w]) => bareForm(foldWord(w))));
  return {
    cues,
    classes,
    labelNouns: bareSet('label-nouns.txt'),
    speakerNouns: bareSet('speaker-nouns.txt'),
    nameHeads: bareSet('name-heads.txt'),
  };
}

let cached: QuoteLexicon | null = null;

/** The lexicon, loaded on first use and shared by every document. */
export function quoteLexicon(): QuoteLexicon {
  cached ??= loadQuoteLexicon();
  return cached;
}
