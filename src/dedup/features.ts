// What an article is about, as sparse features for story clustering: light stems of its words
// (title words counted TITLE_WORD_WEIGHT times) and the entities it names. Raw counts here; the
// TF-IDF weighting needs corpus statistics and happens in the clustering index (cluster.ts).
import type { Analysis } from '../analysis/types.js';
import { lightStem } from '../text/stem.js';
import { normalizeArabic } from '../text/normalize.js';
import { matchWords } from './minhash.js';
import { MIN_TERM_LETTERS, TITLE_WORD_WEIGHT } from './settings.js';

export interface StoryFeatures {
  /** Light stem → count (title words weighted). */
  terms: Array<[string, number]>;
  /** Entity key («e:» + KB id, or «e:» + normalised name for unlinked entities) → mentions. */
  entities: Array<[string, number]>;
}

/** Stems are cached per process: news vocabulary repeats, and the clitic segmenter is the costly part. */
const STEM_CACHE_MAX = 200_000;
const stemCache = new Map<string, string>();

function stemOf(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = lightStem(word);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const LETTER = /\p{L}/gu;
function isTerm(stem: string): boolean {
  return (stem.match(LETTER)?.length ?? 0) >= MIN_TERM_LETTERS;
}

function add(m: Map<string, number>, k: string, n: number): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

/** Features of an analysed article. */
export function storyFeatures(a: Analysis): StoryFeatures {
  const titleEnd = a.blocks.find((b) => b.kind === 'title')?.end ?? -1;
  const terms = new Map<string, number>();
  for (const t of a.tokens) {
    if (t.kind !== 'arabic' && t.kind !== 'latin') continue;
    const stem = stemOf(t.text);
    if (!isTerm(stem)) continue;
    add(terms, stem, t.end <= titleEnd ? TITLE_WORD_WEIGHT : 1);
  }
  const entities = new Map<string, number>();
  for (const e of a.entities) {
    const key = e.id.startsWith('local:') ? normalizeArabic(e.name.ar) : e.id;
    if (!key) continue;
    add(entities, `e:${key}`, Math.max(1, e.mentions.length));
  }
  return { terms: [...terms], entities: [...entities] };
}

/** Features of a raw text without analysis (evaluation, quick runs): words only, no entities. */
export function storyFeaturesFromText(title: string | null, body: string): StoryFeatures {
  const terms = new Map<string, number>();
  for (const w of matchWords(title ?? '')) {
    const s = stemOf(w);
    if (isTerm(s)) add(terms, s, TITLE_WORD_WEIGHT);
  }
  for (const w of matchWords(body)) {
    const s = stemOf(w);
    if (isTerm(s)) add(terms, s, 1);
  }
  return { terms: [...terms], entities: [] };
}
