// kill -9 in the middle of an ingest, then the same command again: it completes, with every article
// once, duplicate links and the index intact, and both SQLite files passing integrity_check.
// Runs the built CLI code (dist/, made by `npm run build`, which `npm test` runs first) in a child
// process with worker threads.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { STORY_A, STORY_A_OTHER, STORY_B, corpusRecord } from './articles.js';

const DIST_CLI = resolve(__dirname, '../../dist/cli/ingest.js');
const TOTAL = 120;
const KILL_AT = 15;

let dir: string;
beforeAll(() => {
  if (!existsSync(DIST_CLI)) throw new Error(`${DIST_CLI} is missing: run \`npm run build\` first`);
  dir = mkdtempSync(join(tmpdir(), 'rasd-resume-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function count(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0; // not created yet, or the schema is being written
  }
}

describe('kill -9 during ingest', () => {
  it('resumes with no duplicates and no corruption', async () => {
    const stories = [STORY_A, STORY_A_OTHER, STORY_B];
    // 120 distinct texts: three stories, each republished 40 times with a different closing number
    const lines = Array.from({ length: TOTAL }, (_, i) => {
      const s = stories[i % 3];
      return JSON.stringify(corpusRecord(`r${i}`, { ...s, body: `${s.body} ${1000 + i}` }, `outlet-${i % 7}`));
    });
    writeFileSync(join(dir, 'in.jsonl'), lines.join('\n') + '\n');
    const child = join(dir, 'child.mjs');
    writeFileSync(
      child,
      `const { ingestCommand } = await import(${JSON.stringify(DIST_CLI)});\nawait ingestCommand(process.argv.slice(2));\n`,
    );
    const db = join(dir, 'c.db');
    const args = [
      child,
      join(dir, 'in.jsonl'),
      '--db',
      db,
      '--batch',
      '5',
      '--workers',
      '2',
      '--progress',
      'off',
      '--json',
    ];

    // 1. start, and kill -9 once some batches are in
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let exited = false;
    p.on('exit', () => (exited = true));
    let atKill = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      atKill = count(db);
      if (atKill >= KILL_AT || exited) break;
    }
    p.kill('SIGKILL');
    await new Promise((r) => (exited ? r(null) : p.on('exit', r)));
    expect(atKill).toBeGreaterThanOrEqual(KILL_AT);
    expect(atKill).toBeLessThan(TOTAL); // killed mid-run, not after the end

    for (const f of [db, `${db}.ingest.sqlite`]) {
      const d = new Database(f);
      expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
      d.close();
    }

    // 2. the same command again completes
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(summary.rejected).toBe(0);
    expect(summary.unchanged + summary.stored + summary.exactDuplicates).toBe(TOTAL);

    const store = new Database(db, { readonly: true });
    const state = new Database(`${db}.ingest.sqlite`, { readonly: true });
    try {
      expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((store.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(TOTAL);
      expect(store.prepare('SELECT source_id FROM articles GROUP BY source_id HAVING COUNT(*) > 1').all()).toEqual([]);
      expect(
        store.prepare('SELECT content_hash FROM articles GROUP BY content_hash HAVING COUNT(*) > 1').all(),
      ).toEqual([]);
      // one duplicate group per story, every article linked to its story's canonical
      expect((store.prepare('SELECT COUNT(DISTINCT canonical_id) AS n FROM articles').get() as { n: number }).n).toBe(
        3,
      );
      expect((state.prepare('SELECT COUNT(*) AS n FROM dedup_docs').get() as { n: number }).n).toBe(TOTAL);
      expect((state.prepare('SELECT COUNT(*) AS n FROM ingest_seen').get() as { n: number }).n).toBe(TOTAL);
    } finally {
      store.close();
      state.close();
    }
  }, 600_000);
});
