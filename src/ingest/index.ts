// `ingest(inputs, options)`: files, folders, JSONL corpora, URLs and feeds → analysed articles in a
// store, with duplicates linked and stories clustered.
//
// Flow: the sources (sources/) read the inputs in order and yield items; an item whose raw hash was
// ingested before is skipped unparsed. New items go to the worker pool (pool.ts), which analyses them
// on all cores. Results are put back in input order and written by this (main) thread in batches:
//   1. each article into the store (idempotent by content hash: a copy of a stored text is not stored
//      twice);
//   2. in one transaction of the state database (state.ts): the raw hashes as seen, each new article
//      into the duplicate/story index (src/dedup), the resulting duplicate links and cluster ids
//      written to the store before the commit.
// A crash (kill -9) anywhere leaves at worst a batch stored but not marked seen: the next run analyses
// it again, the store answers "already there", the index takes it in, and nothing is doubled.
import { availableParallelism } from 'node:os';
import type { Store } from '../store/types.js';
import { AnalysisPool, IN_FLIGHT_PER_WORKER } from './pool.js';
import type { Prepared, PrepareResult } from './prepare.js';
import { plan as planInputs, readPlan, type CheckpointEvent, type SourceContext } from './sources/index.js';
import { IngestState } from './state.js';
import { RejectLog } from './rejects.js';
import { ProgressReporter, type ProgressMode } from './progress.js';
import type { RejectCode, SourceItem, SourceReject } from './types.js';

export type { SourceItem, SourceReject, RejectCode } from './types.js';
export { IngestState, defaultStatePath } from './state.js';

/** Articles per write batch (one store transaction and one state transaction each). Small enough
 *  that writing a batch (a few ms per article) takes less time than the workers' queued work. */
export const BATCH_SIZE = 100;
/** Consecutive store failures after which the ingest stops (a full disk fails every write). */
export const MAX_CONSECUTIVE_STORE_FAILURES = 25;
/** Default: a feed item with this much text of its own is taken from the feed, not fetched. */
export const FEED_CONTENT_MIN_CHARS = 600;

export interface IngestOptions {
  store: Store;
  /** The state database (see state.ts): a path, or ":memory:". Or an open one. */
  state: string | IngestState;
  /** Worker threads (default os.availableParallelism(); 0 = analyse on the main thread). */
  workers?: number;
  batchSize?: number;
  /** Duplicate detection and story clustering (default true); clustering alone can be turned off. */
  dedup?: boolean;
  cluster?: boolean;
  /** JSON Lines file for rejects (appended); null: only counted. */
  rejectsPath?: string | null;
  progress?: ProgressMode;
  /** Stop after this many new items have been sent to analysis. */
  limit?: number;
  /** HTTP time limit per request (ms). */
  fetchTimeoutMs?: number;
  /** Analysis time limit per record (ms). */
  taskTimeoutMs?: number;
  feedContentMinChars?: number;
  /** Time each analysis stage (summed in the summary). */
  profile?: boolean;
  /** Log lines (default: stderr, through the progress reporter). */
  log?: (line: string) => void;
  /** Aborting stops reading; what was analysed is still written (Ctrl-C in the CLI). */
  signal?: AbortSignal;
}

export interface IngestSummary {
  /** Items read from the inputs (new, skipped and refused before analysis). */
  read: number;
  /** New articles in the store. */
  stored: number;
  /** Items whose raw record was ingested before (or appeared twice in the input): not analysed. */
  unchanged: number;
  /** Analysed items whose clean text was already stored (exact duplicates). */
  exactDuplicates: number;
  /** New articles found to be near or exact duplicates of an earlier indexed article. */
  nearDuplicates: number;
  /** New articles put in a story cluster with at least one other article. */
  clustered: number;
  rejected: number;
  rejectsByCode: Partial<Record<RejectCode, number>>;
  rejectsPath: string | null;
  /** Hidden files skipped in folders. */
  hidden: number;
  workers: number;
  seconds: number;
  /** Articles analysed per second of wall time (stored + exact duplicates + refused by analysis). */
  analysedPerSecond: number;
  /** Summed milliseconds per stage when profiling. */
  stageMs?: Record<string, number>;
  /** Milliseconds spent writing on the main thread: in all, in the store, and in the duplicate and
   *  story index (state database and the links it writes to the store). */
  writeMs: number;
  storeMs: number;
  indexMs: number;
  /** Why the run stopped early, when it did. */
  stoppedBecause?: string;
}

interface Done {
  item: SourceItem;
  result: PrepareResult;
}

const STORE_FULL = /SQLITE_FULL|ENOSPC|disk is full|database or disk is full|No space left|could not extend file/i;

export async function ingest(inputs: string[], o: IngestOptions): Promise<IngestSummary> {
  const t0 = Date.now();
  const ownState = typeof o.state === 'string';
  const state = typeof o.state === 'string' ? IngestState.open(o.state, { cluster: o.cluster !== false }) : o.state;
  const rejects = new RejectLog(o.rejectsPath ?? null);
  const progress = new ProgressReporter(o.progress ?? ProgressReporter.auto());
  const log = o.log ?? ((l: string) => progress.message(l));
  const pool = new AnalysisPool({ size: o.workers ?? availableParallelism(), taskTimeoutMs: o.taskTimeoutMs });
  if (!pool.threaded && (o.workers ?? 1) > 0)
    log('ingest: worker script not built (running from sources): analysing on the main thread');
  const batchSize = o.batchSize ?? BATCH_SIZE;
  const dedup = o.dedup !== false;
  const s: IngestSummary = {
    read: 0,
    stored: 0,
    unchanged: 0,
    exactDuplicates: 0,
    nearDuplicates: 0,
    clustered: 0,
    rejected: 0,
    rejectsByCode: {},
    rejectsPath: rejects.path,
    hidden: 0,
    workers: pool.size,
    seconds: 0,
    analysedPerSecond: 0,
    writeMs: 0,
    storeMs: 0,
    indexMs: 0,
    ...(o.profile ? { stageMs: {} } : {}),
  };

  // The state must describe this store: articles are stored before the state records them, so a state
  // that knows more articles than the store holds belongs to a database since deleted or replaced
  // (its raw hashes would skip every record). Start it afresh.
  const indexed = state.knownArticles();
  if (indexed > 0 && (await o.store.count()) < indexed) {
    log(
      `ingest: the state file knows ${indexed} articles the store does not hold (a new database?): starting it afresh`,
    );
    state.clear();
  }

  const plan = await planInputs(inputs);
  s.hidden = plan.hidden;
  if (plan.hidden) log(`ingest: ${plan.hidden} hidden file(s) or folder(s) skipped`);
  const byteProgress = { total: plan.totalBytes, read: 0 };
  const ctx: SourceContext = {
    isSeen: (h) => state.isSeen(h),
    conditional: (url) => state.conditional(url),
    progress: byteProgress,
    timeoutMs: o.fetchTimeoutMs ?? 30_000,
    feedContentMinChars: o.feedContentMinChars ?? FEED_CONTENT_MIN_CHARS,
    log,
  };

  const reject = (r: SourceReject) => {
    rejects.add(r);
    s.rejected++;
  };
  let analysed = 0; // results back from the pool (written or not yet)
  const counts = () => ({
    done: analysed,
    stored: s.stored,
    skipped: s.unchanged + s.exactDuplicates,
    rejected: s.rejected,
    bytesRead: byteProgress.read,
    bytesTotal: byteProgress.total,
  });

  // results waiting to be written, by sequence number; written strictly in input order
  const done = new Map<number, Done>();
  const running = new Set<Promise<void>>();
  const inRun = new Set<string>(); // raw hashes sent this run (a record repeated in the input)
  const checkpoints: Array<{ afterSeq: number; ev: CheckpointEvent; failuresBefore: number }> = [];
  let nextSeq = 0;
  let nextWrite = 0;
  let batch: Done[] = [];
  let storeFailures = 0;
  let consecutiveStoreFailures = 0;
  /** Why reading stopped early (limit, interrupt, a store that refuses every write). */
  let stop: string | null = null;
  /** Set when the store refused MAX_CONSECUTIVE_STORE_FAILURES writes in a row: nothing more is written. */
  let storeDead = false;
  // enough tasks out to fill every worker's queue, so analysis goes on while a batch is written
  const maxRunning = Math.max(4, pool.size * IN_FLIGHT_PER_WORKER);

  const writeBatch = async (): Promise<void> => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const tw = Date.now();
    // 1. the store: one transaction for the batch; if it fails, article by article, so that one bad
    //    article (or the one that hit a full disk) is rejected alone
    const ok: Array<Done & { result: Prepared }> = [];
    for (const d of current) {
      if (!d.result.ok)
        reject({
          kind: 'reject',
          origin: d.item.origin,
          sourceId: d.item.sourceId,
          code: d.result.code,
          reason: d.result.reason,
        });
      else ok.push(d as Done & { result: Prepared });
    }
    const stored: Array<{ d: Done & { result: Prepared }; id: string; created: boolean }> = [];
    const count = (d: Done & { result: Prepared }, put: { id: string; created: boolean }) => {
      stored.push({ d, id: put.id, created: put.created });
      if (put.created) s.stored++;
      else s.exactDuplicates++;
      if (o.profile && d.result.stageMs)
        for (const [k, v] of Object.entries(d.result.stageMs)) s.stageMs![k] = (s.stageMs![k] ?? 0) + v;
    };
    const ts = Date.now();
    let puts: Array<{ id: string; created: boolean }> | null = null;
    if (ok.length > 0 && !storeDead) {
      try {
        puts = await o.store.putArticles(ok.map((d) => d.result.article));
        consecutiveStoreFailures = 0;
      } catch {
        puts = null; // retried one by one below
      }
    }
    if (puts) ok.forEach((d, i) => count(d, puts![i]));
    else
      for (const d of ok) {
        if (storeDead) {
          reject({
            kind: 'reject',
            origin: d.item.origin,
            sourceId: d.item.sourceId,
            code: 'store-failed',
            reason: 'not written: the store stopped accepting writes',
          });
          continue;
        }
        try {
          count(d, await o.store.putArticle(d.result.article));
          consecutiveStoreFailures = 0;
        } catch (e) {
          const msg = (e as Error)?.message ?? String(e);
          storeFailures++;
          consecutiveStoreFailures++;
          reject({
            kind: 'reject',
            origin: d.item.origin,
            sourceId: d.item.sourceId,
            code: 'store-failed',
            reason: STORE_FULL.test(msg) ? `the disk is full: ${msg}` : msg,
          });
          if (consecutiveStoreFailures >= MAX_CONSECUTIVE_STORE_FAILURES) {
            storeDead = true;
            stop = `the store refused ${consecutiveStoreFailures} writes in a row (last: ${msg}); nothing after that was written`;
          }
        }
      }
    s.storeMs += Date.now() - ts;
    // 2. the state and the index, and the links they decide
    const ti = Date.now();
    state.begin();
    try {
      for (const { d, id } of stored) {
        state.markSeen(d.item.rawHash, id, d.item.sourceId);
        if (!dedup || state.index.has(id)) continue;
        const r = d.result;
        const published = Date.parse(r.published ?? '');
        const seen = Date.parse(d.item.seenAt ?? '');
        const outcome = state.index.add({
          articleId: id,
          contentHash: r.article.meta.contentHash,
          time: Number.isNaN(published) ? (Number.isNaN(seen) ? null : seen) : published,
          length: r.length,
          signature: r.signature,
          features: o.cluster === false ? null : r.features,
        });
        if (outcome.duplicateSimilarity !== null) s.nearDuplicates++;
        for (const l of outcome.links) await o.store.linkDuplicate(l.duplicateId, l.canonicalId, l.similarity);
        if (outcome.cluster) {
          s.clustered += outcome.cluster.articleIds.length;
          await o.store.setCluster(outcome.cluster.articleIds, outcome.cluster.clusterId);
        }
      }
      // feeds whose items are all written: remember their validators
      while (checkpoints.length && checkpoints[0].afterSeq < nextWrite) {
        const c = checkpoints.shift()!;
        if (c.ev.complete && storeFailures === c.failuresBefore)
          state.setConditional(c.ev.url, c.ev.etag, c.ev.lastModified);
      }
      state.commit();
    } catch (e) {
      state.rollback();
      throw e;
    }
    s.indexMs += Date.now() - ti;
    rejects.flush();
    s.writeMs += Date.now() - tw;
    progress.update(counts());
  };

  const drain = async (): Promise<void> => {
    while (done.has(nextWrite)) {
      batch.push(done.get(nextWrite)!);
      done.delete(nextWrite);
      nextWrite++;
      if (batch.length >= batchSize) await writeBatch();
    }
  };

  try {
    for await (const ev of readPlan(plan, ctx)) {
      if (o.signal?.aborted) stop = 'interrupted';
      if (stop) break;
      if (ev.kind === 'checkpoint') {
        checkpoints.push({ afterSeq: nextSeq - 1, ev, failuresBefore: storeFailures });
        continue;
      }
      s.read++;
      if (ev.kind === 'seen') {
        s.unchanged++;
        progress.update(counts());
        continue;
      }
      if (ev.kind === 'reject') {
        reject(ev);
        progress.update(counts());
        continue;
      }
      if (inRun.has(ev.rawHash)) {
        s.unchanged++;
        continue;
      }
      if (o.limit !== undefined && nextSeq >= o.limit) {
        s.read--;
        stop = `--limit ${o.limit} reached`;
        break;
      }
      inRun.add(ev.rawHash);
      const seq = nextSeq++;
      const item = ev;
      const p: Promise<void> = pool
        .run({
          seq,
          record: item.record,
          sourceId: item.sourceId,
          url: item.url,
          outlet: item.outlet,
          topics: item.category ? [item.category] : [],
          notes: item.notes,
          profile: o.profile,
        })
        .then((result) => {
          analysed++;
          done.set(seq, { item, result });
        })
        .finally(() => running.delete(p));
      running.add(p);
      while (running.size >= maxRunning) {
        await Promise.race(running);
        await drain();
      }
      await drain();
      progress.update(counts());
    }
    while (running.size > 0) {
      await Promise.race(running);
      await drain();
      progress.update(counts());
    }
    await drain();
    await writeBatch();
    // checkpoints after the last item (feeds with nothing new)
    if (checkpoints.length) {
      state.begin();
      for (const c of checkpoints.splice(0))
        if (c.ev.complete && storeFailures === c.failuresBefore)
          state.setConditional(c.ev.url, c.ev.etag, c.ev.lastModified);
      state.commit();
    }
  } finally {
    await pool.close();
    rejects.flush();
    progress.finish(counts());
    if (ownState) state.close();
  }
  if (stop && !stop.startsWith('--limit')) s.stoppedBecause = stop;
  else if (o.signal?.aborted) s.stoppedBecause = 'interrupted';
  s.seconds = (Date.now() - t0) / 1000;
  const finished =
    s.stored +
    s.exactDuplicates +
    (rejects.byCode.get('analysis-refused') ?? 0) +
    (rejects.byCode.get('analysis-error') ?? 0);
  s.analysedPerSecond = s.seconds > 0 ? finished / s.seconds : 0;
  s.rejectsByCode = Object.fromEntries(rejects.byCode);
  for (const r of rejects.examples) log(`rejected ${r.origin}: ${r.code}: ${r.reason}`);
  if (rejects.total > rejects.examples.length)
    log(`… ${rejects.total - rejects.examples.length} more rejects${rejects.path ? ` in ${rejects.path}` : ''}`);
  return s;
}
