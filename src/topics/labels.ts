// The topic label set (data/topics/labels.json): slugs, display names, and how the labelled corpora's
// categories map onto them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface TopicLabel {
  /** Slug used in `article.topics`. */
  id: string;
  /** Arabic display name. */
  ar: string;
  /** English display name. */
  en: string;
  /** When a corpus files one article under two categories, the label with the lower priority wins. */
  priority: number;
  description: string;
}

/** A feed whose category stands for more than one of our labels (see labels.json for the reasons). */
export interface MixedFeed {
  outlet: string;
  category: string;
  labels: string[];
  why: string;
}

/** How one labelled corpus maps onto the label set. */
export interface CorpusMapping {
  /** Category → label; categories absent here are not used. */
  categories: Record<string, string>;
  mixedFeeds?: MixedFeed[];
  /** Categories left out on purpose, with the reason. */
  unmapped?: Record<string, string>;
}

interface LabelsFile {
  labels: TopicLabel[];
  corpora: Record<string, CorpusMapping>;
}

let cached: LabelsFile | null = null;

/** Resolves a file of data/topics/ from this module (same path from src/ and dist/). */
export function topicsDataUrl(name: string): URL {
  return new URL(`../../data/topics/${name}`, import.meta.url);
}

function labelsFile(): LabelsFile {
  if (!cached) {
    const url = topicsDataUrl('labels.json');
    try {
      cached = JSON.parse(readFileSync(url, 'utf8')) as LabelsFile;
    } catch (err) {
      throw new Error(`rasd topics: cannot read ${fileURLToPath(url)} (${(err as Error).message})`);
    }
  }
  return cached;
}

/** The label set, in the order of labels.json. */
export function topicLabels(): TopicLabel[] {
  return labelsFile().labels;
}

/** The mapping of a corpus (the `corpus` field of its records, e.g. "ant-v2.1"); throws when unknown. */
export function corpusMapping(corpus: string): CorpusMapping {
  const m = labelsFile().corpora[corpus];
  if (!m) throw new Error(`rasd topics: labels.json has no mapping for corpus ${corpus}`);
  return m;
}
