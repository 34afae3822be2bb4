// The pipeline: an ordered list of pure stages over one Analysis.
//
// A stage reads the layers it needs and returns a new Analysis with its own layers added.
// Resources that are expensive to load (knowledge base, tagger model, lexicons) live in the
// `Resources` object, loaded once per process and shared by every document.
import type { Analysis } from './types.js';

/** Per-document options a stage may need. */
export interface StageOptions {
  /** Reference date for relative times (ISO date); the article's published date when known. */
  referenceDate: string | null;
}

export interface Stage {
  name: string;
  run(doc: Analysis, opts: StageOptions): Analysis;
}

/** Runs stages in order; each stage sees the output of the previous one. */
export function runStages(doc: Analysis, stages: readonly Stage[], opts: StageOptions): Analysis {
  let out = doc;
  for (const stage of stages) out = stage.run(out, opts);
  return out;
}
