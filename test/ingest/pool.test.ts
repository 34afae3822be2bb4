// The worker pool's fault handling, with a stand-in worker script: a record that hangs is failed
// with analysis-timeout, one that kills its worker with analysis-error, and the pool goes on with
// fresh workers; a worker that cannot start at all makes the pool fail loudly.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnalysisPool } from '../../src/ingest/pool.js';
import type { PrepareTask } from '../../src/ingest/prepare.js';

let dir: string;
let workerUrl: URL;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-pool-'));
  const script = join(dir, 'worker.mjs');
  writeFileSync(
    script,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (t) => {
  if (t.record.id === 'hang') for (;;) {}
  if (t.record.id === 'crash') process.exit(3);
  parentPort.postMessage({ seq: t.seq, ok: false, code: 'analysis-refused', reason: 'echo ' + t.record.id });
});
`,
  );
  workerUrl = pathToFileURL(script);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const task = (seq: number, id: string): PrepareTask => ({
  seq,
  record: { id, body: 'x' },
  sourceId: id,
  url: null,
  outlet: null,
  topics: [],
});

describe('AnalysisPool', () => {
  it('fails a hanging task with analysis-timeout and a crashing one with analysis-error, then goes on', async () => {
    const pool = new AnalysisPool({ size: 2, workerUrl, taskTimeoutMs: 800 });
    try {
      expect(pool.threaded).toBe(true);
      const results = await Promise.all(
        [task(0, 'a'), task(1, 'hang'), task(2, 'b'), task(3, 'crash'), task(4, 'c'), task(5, 'd')].map((t) =>
          pool.run(t),
        ),
      );
      expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
        'analysis-refused',
        'analysis-timeout',
        'analysis-refused',
        'analysis-error',
        'analysis-refused',
        'analysis-refused',
      ]);
      expect(results.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(results[4].ok === false && results[4].reason).toBe('echo c');
      // still working after both faults
      expect(await pool.run(task(6, 'e'))).toMatchObject({ seq: 6, reason: 'echo e' });
    } finally {
      await pool.close();
    }
  });

  it('gives up loudly when workers die before finishing anything', async () => {
    const bad = join(dir, 'bad.mjs');
    writeFileSync(bad, `throw new Error('cannot load the model');\n`);
    const pool = new AnalysisPool({ size: 1, workerUrl: pathToFileURL(bad) });
    try {
      const runs = [0, 1, 2, 3].map((i) => pool.run(task(i, `x${i}`)).catch((e: Error) => e));
      const out = await Promise.all(runs);
      expect(out.some((r) => r instanceof Error && /cannot run in worker threads/.test(r.message))).toBe(true);
      await expect(pool.run(task(9, 'late'))).rejects.toThrow(/cannot load the model/);
    } finally {
      await pool.close();
    }
  });

  it('runs in-process when there is no worker script', async () => {
    const pool = new AnalysisPool({ size: 2, workerUrl: pathToFileURL(join(dir, 'missing.js')) });
    expect(pool.threaded).toBe(false);
    const r = await pool.run(task(0, 'x')); // the real analysis, on this thread
    expect(r).toMatchObject({ seq: 0, ok: true });
    await pool.close();
  });
});
