#!/usr/bin/env node
// Search benchmark: a sample of ANT v2.1 (default 3,000 articles, every k-th record so that all
// outlets, topics and months are in) analysed and stored with a simple loop (analyze + putArticles
// in batches; `rasd ingest` is the fast parallel path), then 200 mixed queries (words, two-word
// AND, phrases, OR, English names, entity filters, date ranges): p50/p95 latency of store.search
// (limit 10, snippets and facets included), database size. SQLite always; PostgreSQL too when
// RASD_BENCH_PG or RASD_TEST_PG is a postgres:// URL (its tables go in a fresh schema
// `rasd_bench_search`). With both, it also checks that the two return identical results.
//   node bench/search.mjs [--limit N] [--queries N] [--keep PATH]
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/data/corpora/ant-v2.1.jsonl.gz');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const LIMIT = Number(arg('--limit', 3000));
const QUERIES = Number(arg('--queries', 200));
const keep = arg('--keep');
const pgUrl = process.env.RASD_BENCH_PG || process.env.RASD_TEST_PG;

if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is absent`);
  process.exit(0);
}
const { analyze } = await import(join(root, 'dist/analyze.js'));
const { openSqliteStore } = await import(join(root, 'dist/store/sqlite.js'));
const { openPostgresStore } = await import(join(root, 'dist/store/postgres.js'));
const { analyzeTerms } = await import(join(root, 'dist/search/analyzer.js'));
const pg = (await import('pg')).default;

const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

// ---------------------------------------------------------------- sample and analysis
const lines = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n').filter((l) => l.trim());
const stride = Math.max(1, Math.floor(lines.length / LIMIT));
const inputs = [];
let refused = 0;
const t0 = performance.now();
for (let i = 0; i < lines.length && inputs.length < LIMIT; i += stride) {
  const r = JSON.parse(lines[i]);
  try {
    const analysis = analyze({ id: r.id, body: r.text ?? '', title: r.title ?? undefined, published: r.published ?? undefined });
    inputs.push({ sourceId: r.id, url: r.url, outlet: r.outlet, topics: [r.category], analysis });
  } catch {
    refused++;
  }
}
const analyseS = (performance.now() - t0) / 1000;
console.log(`analysed ${inputs.length} ANT v2.1 articles (every ${stride}th record; ${refused} refused, e.g. empty) in ${analyseS.toFixed(0)} s: ${(inputs.length / analyseS).toFixed(1)} articles/s on one core`);

// ---------------------------------------------------------------- queries (deterministic)
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const titleWords = (inp) => (inp.analysis.article.title ?? '').split(/\s+/).filter((w) => /^[\u0621-\u064a]{4,}$/.test(w) && analyzeTerms(w).length === 1);
const withTitles = inputs.filter((i) => titleWords(i).length >= 2);
const entityCounts = new Map();
for (const inp of inputs)
  for (const e of inp.analysis.entities) if (!e.id.startsWith('local:')) entityCounts.set(e.id, { n: (entityCounts.get(e.id)?.n ?? 0) + 1, e });
const frequentEntities = [...entityCounts.values()].filter((x) => x.n >= 5).map((x) => x.e);
const englishNames = frequentEntities.filter((e) => e.type === 'PER' && e.name.en && !e.enTransliterated).map((e) => e.name.en.split(' ').slice(-1)[0]);
const days = inputs.map((i) => i.analysis.article.published?.slice(0, 10)).filter(Boolean).sort();
const addDays = (d, n) => new Date(Date.parse(d) + n * 86400000).toISOString().slice(0, 10);

const kinds = [
  ['word', 0.25, () => ({ q: pick(titleWords(pick(withTitles))) })],
  ['two words', 0.2, () => { const w = titleWords(pick(withTitles)); return { q: `${pick(w)} ${pick(w)}` }; }],
  ['phrase', 0.15, () => { const w = titleWords(pick(withTitles)); const i = Math.floor(rand() * (w.length - 1)); return { q: `"${w[i]} ${w[i + 1]}"` }; }],
  ['OR', 0.1, () => ({ q: `${pick(titleWords(pick(withTitles)))} OR ${pick(titleWords(pick(withTitles)))}` })],
  ['English name', 0.05, () => ({ q: englishNames.length ? pick(englishNames) : 'Trump' })],
  ['entity filter', 0.1, () => ({ entity: [pick(frequentEntities).id], ...(rand() < 0.5 ? { q: pick(titleWords(pick(withTitles))) } : {}) })],
  ['date range', 0.15, () => { const from = pick(days); return { q: pick(titleWords(pick(withTitles))), from, to: addDays(from, 30) }; }],
];
const queries = [];
for (const [kind, share, make] of kinds) for (let i = 0; i < Math.round(share * QUERIES); i++) queries.push({ kind, ...make() });

// ---------------------------------------------------------------- per backend
function sqliteSize(path) {
  const dir = dirname(path);
  return readdirSync(dir).filter((f) => join(dir, f).startsWith(path)).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
}

async function bench(label, store, sizeFn) {
  let t = performance.now();
  const BATCH = 100;
  for (let i = 0; i < inputs.length; i += BATCH) await store.putArticles(inputs.slice(i, i + BATCH));
  const putS = (performance.now() - t) / 1000;
  console.log(`\n${label}: stored ${await store.count()} articles in ${putS.toFixed(1)} s (${(inputs.length / putS).toFixed(0)} articles/s for prepare + insert, batches of ${BATCH}); database ${mb(await sizeFn())}`);
  // warm-up: the KB (English names), statement caches
  for (const q of queries.slice(0, 5)) await store.search({ ...q, limit: 10 });
  const times = [];
  const byKind = new Map();
  const results = [];
  let hits = 0;
  for (const q of queries) {
    t = performance.now();
    const r = await store.search({ ...q, limit: 10 });
    const ms = performance.now() - t;
    times.push(ms);
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
    results.push(r.hits.map((h) => [h.article.id, h.score, h.snippet]).concat([[r.total]]));
    hits += r.total;
  }
  console.log(`  ${queries.length} queries: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (target p95 ≤ 50 ms); mean ${(hits / queries.length).toFixed(0)} results per query`);
  for (const [k, xs] of byKind) console.log(`    ${k.padEnd(14)} n=${String(xs.length).padStart(3)}  p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms`);
  const relTimes = [];
  for (const inp of inputs.slice(0, 50)) {
    t = performance.now();
    await store.related(inp.sourceId, { limit: 5 });
    relTimes.push(performance.now() - t);
  }
  console.log(`  related (50 articles): p50 ${pct(relTimes, 50).toFixed(1)} ms, p95 ${pct(relTimes, 95).toFixed(1)} ms`);
  await store.close();
  return results;
}

const dir = mkdtempSync(join(tmpdir(), 'rasd-bench-search-'));
const dbPath = keep ?? join(dir, 'search.db');
const sqliteResults = await bench('SQLite', await openSqliteStore(dbPath), () => sqliteSize(dbPath));

if (pgUrl) {
  const schema = 'rasd_bench_search';
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const u = new URL(pgUrl);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const size = async () =>
    Number((await admin.query(`SELECT sum(pg_total_relation_size(c.oid)) AS s FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`, [schema])).rows[0].s);
  const pgResults = await bench('PostgreSQL', await openPostgresStore(u.toString()), size);
  const same = pgResults.filter((r, i) => JSON.stringify(r) === JSON.stringify(sqliteResults[i])).length;
  console.log(`\nSQLite and PostgreSQL: identical results (ids, scores, snippets, totals) for ${same}/${queries.length} queries`);
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
} else console.log('\nPostgreSQL: skipped (set RASD_BENCH_PG or RASD_TEST_PG to a postgres:// URL)');

if (!keep) rmSync(dir, { recursive: true, force: true });
