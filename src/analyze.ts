// The library's front door: one input record → one Analysis, through the page parser and the
// ordered stage list. Everything (CLI, evaluations, later the server and ingest) goes through here.
import type { InputRecord } from './analysis/input.js';
import type { Analysis } from './analysis/types.js';
import { runStages, type Stage } from './analysis/pipeline.js';
import { parseInput } from './page/index.js';
import { textStage } from './text/stage.js';
import { entitiesStage } from './entities/index.js';
import { quoteStage } from './quotes/index.js';
import { timeStage } from './time/index.js';
import { amountStage } from './amounts/index.js';
import { eventStage } from './events/index.js';
import { topicStage } from './topics/index.js';

/** The stages, in order. Each adds its layers to the Analysis. */
export const STAGES: Stage[] = [
  textStage,
  entitiesStage,
  // text → entities → time → amounts go before the quotes (speakers are entity ids)
  timeStage,
  amountStage,
  quoteStage,
  eventStage, // reads entities, times and quotes
  topicStage, // after events: article.topics from title and body
];

export function analyze(rec: InputRecord): Analysis {
  const doc = parseInput(rec);
  return runStages(doc, STAGES, { referenceDate: doc.article.published });
}
