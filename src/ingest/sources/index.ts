// Every input (files, folders, URLs) as one stream of events, in the order given.
import type { SourceReject } from '../types.js';
import type { ReadEvent, SourceContext } from './context.js';
import { planFiles, readFile, type PlannedFile } from './files.js';
import { readUrl } from './web.js';

export type { ReadEvent, SourceContext, SeenEvent, CheckpointEvent, ConditionalState } from './context.js';

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

export interface Plan {
  entries: Array<{ file: PlannedFile } | { url: string }>;
  rejects: SourceReject[];
  hidden: number;
  /** Bytes of all planned files. */
  totalBytes: number;
}

/** Expands folders into files (in order) and totals their size, for the progress bar. */
export async function plan(inputs: string[]): Promise<Plan> {
  const entries: Plan['entries'] = [];
  const rejects: SourceReject[] = [];
  let hidden = 0;
  let totalBytes = 0;
  for (const input of inputs) {
    if (isUrl(input)) {
      entries.push({ url: input });
      continue;
    }
    const r = await planFiles([input], () => hidden++);
    rejects.push(...r.rejects);
    for (const f of r.files) {
      entries.push({ file: f });
      totalBytes += f.size;
    }
  }
  return { entries, rejects, hidden, totalBytes };
}

/** Reads a plan's entries one after another. Never throws for a bad input: it yields a reject. */
export async function* readPlan(p: Plan, ctx: SourceContext): AsyncGenerator<ReadEvent> {
  yield* p.rejects;
  for (const e of p.entries) {
    if ('url' in e) yield* readUrl(e.url, ctx);
    else yield* readFile(e.file, ctx);
  }
}
