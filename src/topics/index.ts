// The topics stage: sets `article.topics` from the article's title and body with the shipped model
// (data/topics/model.bin.gz, loaded once, on first use).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../analysis/types.js';
import type { Stage } from '../analysis/pipeline.js';
import { classifyTopics } from './classify.js';
import type { TopicInput } from './features.js';
import { topicsDataUrl } from './labels.js';
import { decodeModel, type TopicModel } from './model.js';

export { classifyTopics, scoreTopics, chooseTopics, type TopicScore } from './classify.js';
export { extractFeatures, type TopicInput } from './features.js';
export { topicLabels, type TopicLabel } from './labels.js';
export type { TopicModel } from './model.js';

/** The shipped model file. */
export const MODEL_FILE = topicsDataUrl('model.bin.gz');

let model: TopicModel | null = null;

/** The shipped model, read on first call and kept for the life of the process. */
export function loadTopicModel(): TopicModel {
  if (!model) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(MODEL_FILE);
    } catch (err) {
      throw new Error(
        `rasd topics: cannot read ${fileURLToPath(MODEL_FILE)} (${(err as Error).message}); run \`npm run train:topics\``,
      );
    }
    model = decodeModel(bytes);
  }
  return model;
}

/** What the classifier reads of an analysed document: the title, and the body paragraphs and
 *  subheadings (captions and datelines repeat or add little); the whole text when no paragraphs. */
export function topicInputOf(doc: Analysis): TopicInput {
  const a = doc.article;
  const parts = [...(a?.subheadings ?? []), ...(a?.paragraphs ?? [])];
  return { title: a?.title ?? null, body: parts.length > 0 ? parts.join('\n') : doc.text };
}

/** Sets `article.topics`: one label, or two when the second is close; [] for too little Arabic text. */
export const topicStage: Stage = {
  name: 'topics',
  run(doc: Analysis): Analysis {
    const topics = classifyTopics(loadTopicModel(), topicInputOf(doc));
    return { ...doc, article: { ...doc.article, topics } };
  },
};
