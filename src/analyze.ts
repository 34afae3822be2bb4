// The library's front door: one input record → one Analysis, through the page parser and the
// ordered stage list. Everything (CLI, evaluations, later the server and ingest) goes through here.
import type { InputRecord } from './analysis/input.js';
import type { Analysis } from './analysis/types.js';
import { runStages, type Stage } from './analysis/pipeline.js';
import { parseInput } from './page/index.js';

/** The stages, in order. Each adds its layers to the Analysis. */
export const STAGES: Stage[] = [];

export function analyze(rec: InputRecord): Analysis {
  const doc = parseInput(rec);
  return runStages(doc, STAGES, { referenceDate: doc.article.published });
}
