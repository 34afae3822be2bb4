// The work done for one record off the main thread: the full analysis, the store's rows
// (store/prepare.ts prepareArticle: index terms, flattened layers, the gzipped analysis), and what
// the duplicate index needs (MinHash signature of the body, story features). Runs in the pool's
// workers, or in-process when there are none. The result is plain data (structured-clone safe) and
// much smaller than the Analysis (no tokens).
import type { InputRecord } from '../analysis/input.js';
import type { Analysis } from '../analysis/types.js';
import { InputError } from '../analysis/errors.js';
import { analyze, STAGES } from '../analyze.js';
import { parseInput } from '../page/index.js';
import { prepareArticle } from '../store/prepare.js';
import type { PreparedArticle } from '../store/types.js';
import { signatureOf, shingle, matchWords, type MinHashSignature } from '../dedup/minhash.js';
import { storyFeatures, type StoryFeatures } from '../dedup/features.js';

export interface PrepareTask {
  seq: number;
  record: InputRecord;
  sourceId: string;
  url: string | null;
  outlet: string | null;
  /** Labels from the source (a corpus category). */
  topics: string[];
  /** Warnings from reading the record, appended to the analysis's. */
  notes?: string[];
  /** Time each stage (for the benchmark). */
  profile?: boolean;
}

export interface Prepared {
  seq: number;
  ok: true;
  article: PreparedArticle;
  /** The analysis's publication date (caller's, page metadata or text). */
  published: string | null;
  /** Length of the clean text. */
  length: number;
  signature: MinHashSignature | null;
  features: StoryFeatures;
  /** Milliseconds per stage (page, each analysis stage, store rows, dedup) when profiling. */
  stageMs?: Record<string, number>;
}

export interface PrepareFailure {
  seq: number;
  ok: false;
  code: 'analysis-refused' | 'analysis-error' | 'analysis-timeout';
  reason: string;
}

export type PrepareResult = Prepared | PrepareFailure;

/** The clean text without its title: what republished copies share (outlets rewrite headlines). */
export function bodyText(a: Analysis): string {
  const body = a.blocks.filter((b) => b.kind !== 'title');
  if (body.length === 0) return a.text;
  return body.map((b) => a.text.slice(b.start, b.end)).join('\n\n');
}

function analyzeProfiled(rec: InputRecord, stageMs: Record<string, number>): Analysis {
  let t = performance.now();
  let doc = parseInput(rec);
  stageMs.page = performance.now() - t;
  const opts = { referenceDate: doc.article.published };
  for (const stage of STAGES) {
    t = performance.now();
    doc = stage.run(doc, opts);
    stageMs[stage.name] = performance.now() - t;
  }
  return doc;
}

export function prepare(task: PrepareTask): PrepareResult {
  try {
    const stageMs: Record<string, number> | undefined = task.profile ? {} : undefined;
    let analysis = stageMs ? analyzeProfiled(task.record, stageMs) : analyze(task.record);
    if (task.notes?.length) analysis = { ...analysis, warnings: [...analysis.warnings, ...task.notes] };
    let t = performance.now();
    const article = prepareArticle({
      sourceId: task.sourceId,
      url: task.url,
      outlet: task.outlet,
      topics: task.topics,
      analysis,
    });
    if (stageMs) stageMs.storeRows = performance.now() - t;
    t = performance.now();
    const signature = signatureOf(shingle(matchWords(bodyText(analysis))));
    const features = storyFeatures(analysis);
    if (stageMs) stageMs.dedup = performance.now() - t;
    return {
      seq: task.seq,
      ok: true,
      article,
      published: analysis.article.published,
      length: analysis.text.length,
      signature,
      features,
      ...(stageMs ? { stageMs } : {}),
    };
  } catch (e) {
    if (e instanceof InputError) return { seq: task.seq, ok: false, code: 'analysis-refused', reason: e.message };
    const err = e as Error;
    const where = err?.stack?.split('\n')[1]?.trim() ?? '';
    return {
      seq: task.seq,
      ok: false,
      code: 'analysis-error',
      reason: `internal error: ${err?.message ?? String(e)}${where ? ` (${where})` : ''}`,
    };
  }
}
