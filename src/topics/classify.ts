// From an article to its topics: features → label probabilities → the one or two labels to report.
import { extractFeatures, type TopicInput } from './features.js';
import { probabilities, type TopicModel } from './model.js';

/** A label with its probability. */
export interface TopicScore {
  label: string;
  probability: number;
}

/** Below this many Arabic words there is nothing to classify (empty, a caption, a non-Arabic page). */
export const MIN_ARABIC_WORDS = 5;

/**
 * A second label is reported when its probability reaches this fraction of the first's: the article
 * sits between two sections (a Gulf oil-price story: economy and middle_east). At 0.5, 6.4% of the ANT
 * held-out articles get two labels, and an accepted label is among the reported ones for 95.2% (92.4%
 * for the first label alone); eval/topics.mjs prints both figures.
 */
export const SECOND_LABEL_RATIO = 0.5;

/** All labels with their probabilities, best first; [] when the text has too few Arabic words. */
export function scoreTopics(model: TopicModel, input: TopicInput): TopicScore[] {
  const x = extractFeatures(input, model.header.features);
  if (x.arabicWords < MIN_ARABIC_WORDS) return [];
  const p = probabilities(model, x);
  return model.header.labels
    .map((label, i) => ({ label, probability: p[i] }))
    .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1));
}

/** The labels to report from sorted scores: the best, and the second when it is close. */
export function chooseTopics(scores: readonly TopicScore[]): string[] {
  if (scores.length === 0) return [];
  const out = [scores[0].label];
  if (scores.length > 1 && scores[1].probability >= SECOND_LABEL_RATIO * scores[0].probability)
    out.push(scores[1].label);
  return out;
}

/**
 * The topics of an article, best first.
 * @example classifyTopics(model, { title: 'ريال مدريد يفوز على برشلونة', body: '…' }) // ['sport']
 */
export function classifyTopics(model: TopicModel, input: TopicInput): string[] {
  return chooseTopics(scoreTopics(model, input));
}
