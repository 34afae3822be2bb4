#!/usr/bin/env node
// Ingest of the shared corpora (ANT v2.1, ANT v1.1 Jawhara FM, SaudiNewsNet: ~72k articles) with full
// analysis, through the worker pool, into a fresh SQLite database: articles per second (wall time),
// CPU time, database size, peak memory, and the cost of each analysis stage per article (measured in
// the workers, so on a loaded machine it includes time waiting for a core). Then the same into
// PostgreSQL when RASD_BENCH_PG is set (a postgres:// URL; the tables go in a fresh schema,
// rasd_bench_ingest, dropped at the end).
//   node bench/ingest.mjs [--limit N] [--workers N] [--keep DIR] [--no-profile] [--only sqlite|postgres]
import { existsSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir, availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = ['ant-v2.1.jsonl.gz', 'ant-v1.1-jawharafm.jsonl.gz', 'saudinewsnet.jsonl.gz'].map((f) =>
  resolve(root, '../shared/data/corpora', f),
);
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const limit = arg('--limit') ? Number(arg('--limit')) : undefined;
const workers = arg('--workers') !== undefined ? Number(arg('--workers')) : availableParallelism();
const keep = arg('--keep');
const profile = !process.argv.includes('--no-profile');
const only = arg('--only'); // sqlite | postgres
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;

const present = corpora.filter((f) => existsSync(f));
if (present.length === 0) {
  console.log(`skipped: no corpora under ${resolve(root, '../shared/data/corpora')}`);
  process.exit(0);
}
const { ingest } = await import(join(root, 'dist/ingest/index.js'));
const { openStore } = await import(join(root, 'dist/store/index.js'));

function sizeOf(prefix) {
  const dir = dirname(prefix);
  let total = 0;
  for (const f of readdirSync(dir)) if (join(dir, f).startsWith(prefix)) total += statSync(join(dir, f)).size;
  return total;
}

async function run(label, db, statePath, sizeFn, beforeSize = async () => {}) {
  const store = await openStore(db);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
  const load0 = loadavg()[0];
  const cpu0 = process.cpuUsage();
  const s = await ingest(present, {
    store,
    state: statePath,
    workers,
    limit,
    profile,
    progress: process.stderr.isTTY ? 'bar' : 'log',
    rejectsPath: null,
  });
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const count = await store.count();
  await store.close();
  await beforeSize();
  const analysed =
    s.stored +
    s.exactDuplicates +
    (s.rejectsByCode['analysis-refused'] ?? 0) +
    (s.rejectsByCode['analysis-error'] ?? 0);
  console.log(
    `\n${label}: ${analysed.toLocaleString('en')} articles analysed in ${s.seconds.toFixed(0)} s with ${s.workers} worker threads`,
  );
  console.log(
    `  ${s.analysedPerSecond.toFixed(1)} articles/s wall time (target ≥ 150/s); CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s = ${((cpu.user + cpu.system) / 1e3 / Math.max(1, analysed)).toFixed(1)} ms of CPU per article`,
  );
  console.log(
    `  load average ${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (${availableParallelism()} cores)`,
  );
  console.log(
    `  stored ${s.stored.toLocaleString('en')} (store count ${count.toLocaleString('en')}), exact copies ${s.exactDuplicates}, near/exact duplicates linked ${s.nearDuplicates}, clustered ${s.clustered}, rejected ${s.rejected} ${JSON.stringify(s.rejectsByCode)}`,
  );
  console.log(
    `  database ${sizeFn()}; peak RSS ${mb(peak)} (main thread + workers); main thread: ${(s.writeMs / Math.max(1, analysed)).toFixed(1)} ms per article writing (store ${(s.storeMs / Math.max(1, analysed)).toFixed(1)}, duplicate/story index ${(s.indexMs / Math.max(1, analysed)).toFixed(1)})`,
  );
  if (s.stageMs && analysed > 0) {
    const per = Object.entries(s.stageMs).map(([k, v]) => [k, v / Math.max(1, s.stored + s.exactDuplicates)]);
    const total = per.reduce((a, [, v]) => a + v, 0);
    console.log(
      `  per article in the workers: ${total.toFixed(1)} ms = ${per.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' + ')}`,
    );
  }
}

console.log(`inputs: ${present.map((f) => f.split('/').pop()).join(', ')}${limit ? `, first ${limit} items` : ''}`);
if (only !== 'postgres') {
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'rasd-bench-ingest-'));
  const dbPath = join(dir, 'bench.db');
  for (const f of readdirSync(dir)) if (f.startsWith('bench.db')) rmSync(join(dir, f));
  await run(
    'SQLite',
    dbPath,
    `${dbPath}.ingest.sqlite`,
    () => `${mb(sizeOf(dbPath) - sizeOf(`${dbPath}.ingest`))} + ingest state ${mb(sizeOf(`${dbPath}.ingest`))}`,
  );
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

const pgUrl = process.env.RASD_BENCH_PG;
if (pgUrl && only !== 'sqlite') {
  // a fresh schema on that server (dropped at the end), as bench/search.mjs does
  const { default: pg } = await import('pg');
  const schema = 'rasd_bench_ingest';
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const u = new URL(pgUrl);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const pgDir = mkdtempSync(join(tmpdir(), 'rasd-bench-ingest-pg-'));
  let size = 0;
  await run(
    'PostgreSQL',
    u.toString(),
    join(pgDir, 'state.sqlite'),
    () => `${mb(size)} (schema ${schema})`,
    async () => {
      size = Number(
        (
          await admin.query(
            `SELECT sum(pg_total_relation_size(c.oid)) AS s FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
            [schema],
          )
        ).rows[0].s,
      );
    },
  );
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
  rmSync(pgDir, { recursive: true, force: true });
} else console.log('\nPostgreSQL: skipped (set RASD_BENCH_PG=postgres://… to run it)');
