// A pool of worker threads that prepare records (prepare.ts): N workers, each loading the knowledge
// base and the tagger model once. Each worker gets up to IN_FLIGHT_PER_WORKER tasks at a time, queued
// in its message port, so that it keeps working while the main thread is busy writing a batch (a
// synchronous SQLite transaction, or PostgreSQL round trips) and cannot hand out tasks; the rest
// wait here.
//
// Faults: a task running longer than the time limit (a pathological input) makes the pool terminate
// that worker, fail the task with 'analysis-timeout' and start a new worker; a worker that dies fails
// its current task with 'analysis-error'. Tasks queued behind either are sent again. Workers that die
// before finishing any task, again and again, mean the analysis cannot load: the pool fails loudly.
//
// With size 0, or when the compiled worker script is missing (running from TypeScript sources under
// vitest), tasks run in-process on the calling thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prepare, type PrepareResult, type PrepareTask } from './prepare.js';

/** ~30 news articles are about half a second of analysis: as long as writing a batch takes. */
export const IN_FLIGHT_PER_WORKER = 32;
/** Default time limit for one record's analysis. */
export const TASK_TIMEOUT_MS = 120_000;
/** Workers may die this many times in a row without finishing a task before the pool gives up. */
const MAX_STARTUP_FAILURES = 3;

export interface PoolOptions {
  /** Worker threads; default os.availableParallelism(); 0 runs in-process. */
  size?: number;
  taskTimeoutMs?: number;
  workerUrl?: URL;
}

interface Pending {
  task: PrepareTask;
  resolve: (r: PrepareResult) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent, oldest (the one running) first. */
  inFlight: Pending[];
  /** When the running task started. */
  startedAt: number;
  done: number;
  retired: boolean;
}

export const defaultWorkerUrl = (): URL => new URL('./worker.js', import.meta.url);

export class AnalysisPool {
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly workerUrl: URL;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private watchdog: NodeJS.Timeout | null = null;
  private startupFailures = 0;
  private fatal: Error | null = null;
  private closed = false;

  constructor(o: PoolOptions = {}) {
    this.workerUrl = o.workerUrl ?? defaultWorkerUrl();
    const wanted = o.size ?? availableParallelism();
    this.size = wanted > 0 && existsSync(fileURLToPath(this.workerUrl)) ? wanted : 0;
    this.timeoutMs = o.taskTimeoutMs ?? TASK_TIMEOUT_MS;
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
    if (this.size > 0) {
      this.watchdog = setInterval(() => this.checkTimeouts(), Math.min(1000, this.timeoutMs / 4));
      this.watchdog.unref();
    }
  }

  /** True when tasks run in worker threads (false: in-process). */
  get threaded(): boolean {
    return this.size > 0;
  }

  /** Prepares one record. Resolves with a failure result rather than rejecting, except when the pool
   *  itself cannot work (the analysis does not load). */
  run(task: PrepareTask): Promise<PrepareResult> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'));
    if (this.size === 0) return new Promise((resolve) => setImmediate(() => resolve(prepare(task))));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve: (r) => (this.fatal ? reject(this.fatal) : resolve(r)) });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all(
      this.slots.map((s) => {
        s.retired = true;
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl);
    const slot: Slot = { worker, inFlight: [], startedAt: 0, done: 0, retired: false };
    worker.on('message', (r: PrepareResult) => {
      const p = slot.inFlight.shift();
      slot.done++;
      this.startupFailures = 0;
      slot.startedAt = Date.now();
      p?.resolve(r);
      this.dispatch();
    });
    worker.on('error', (e) => this.lost(slot, `the analysis worker crashed: ${e.message}`));
    worker.on('exit', (code) => this.lost(slot, `the analysis worker exited (code ${code})`));
    return slot;
  }

  private dispatch(): void {
    for (;;) {
      if (this.queue.length === 0) return;
      let best: Slot | null = null;
      for (const s of this.slots)
        if (
          !s.retired &&
          s.inFlight.length < IN_FLIGHT_PER_WORKER &&
          (!best || s.inFlight.length < best.inFlight.length)
        )
          best = s;
      if (!best) return;
      const p = this.queue.shift()!;
      if (best.inFlight.length === 0) best.startedAt = Date.now();
      best.inFlight.push(p);
      best.worker.postMessage(p.task);
    }
  }

  /** A worker is gone (crash, exit, or terminated for a timeout): fail its running task, requeue the
   *  others, start a replacement. */
  private lost(slot: Slot, why: string, code: 'analysis-error' | 'analysis-timeout' = 'analysis-error'): void {
    if (slot.retired) return;
    slot.retired = true;
    const [running, ...waiting] = slot.inFlight;
    slot.inFlight = [];
    if (slot.done === 0 && code === 'analysis-error') this.startupFailures++;
    const i = this.slots.indexOf(slot);
    if (this.startupFailures >= MAX_STARTUP_FAILURES) {
      this.fatal = new Error(`the analysis cannot run in worker threads: ${why}`);
      running?.resolve({ seq: running.task.seq, ok: false, code, reason: why });
      for (const p of [...waiting, ...this.queue.splice(0)])
        p.resolve({ seq: p.task.seq, ok: false, code: 'analysis-error', reason: why });
      return;
    }
    running?.resolve({ seq: running.task.seq, ok: false, code, reason: why });
    this.queue.unshift(...waiting);
    if (!this.closed && i >= 0) this.slots[i] = this.spawn();
    this.dispatch();
  }

  private checkTimeouts(): void {
    const now = Date.now();
    for (const s of this.slots) {
      if (s.retired || s.inFlight.length === 0 || now - s.startedAt <= this.timeoutMs) continue;
      const why = `analysis took longer than ${(this.timeoutMs / 1000).toFixed(0)} s`;
      this.lost(s, why, 'analysis-timeout');
      void s.worker.terminate();
    }
  }
}
