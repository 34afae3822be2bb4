#!/usr/bin/env node
// The API and interface under a bounded loopback load (autocannon): p50/p95 latency of the
// article page's data (GET /api/articles/:id), its «read also» (…/related), the search API
// (GET /api/search over varied Arabic and English queries, with facets) and the page shell, on a
// store of many articles; then the interface's JS+CSS size gzipped.
//
//   node bench/web.mjs [--quick] [--seconds S] [--connections N] [--limit N] [--keep DIR]
//
// The store: $RASD_BENCH_DB when set (e.g. the ~72k articles bench/ingest.mjs leaves with --keep;
// opened read-only in spirit: the server starts with --no-sample and the bench never writes),
// else a fresh SQLite database with the first --limit (default 3000; --quick 800) ANT v2.1
// articles ingested with full analysis. The server runs in a child process, so that the load
// generator and the server do not share one event loop. Targets (issue 6): p95 ≤ 100 ms for the
// article page and the search API at 20 connections; JS+CSS ≤ 300 KB gzipped.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : dflt;
};
const quick = process.argv.includes('--quick');
const seconds = Number(arg('--seconds', quick ? 5 : 30));
const connections = Number(arg('--connections', 20));
const limit = Number(arg('--limit', quick ? 800 : 3000));
const keep = arg('--keep', null);
const ANT = resolve(root, '../shared/data/corpora/ant-v2.1.jsonl.gz');

/** Search queries a newsroom would type: single words, names, phrases, English KB names, filters. */
const QUERIES = [
  'روسيا', 'ترامب', 'النفط', 'كرة القدم', '"الأمم المتحدة"', 'الاقتصاد', 'إيران', 'السعودية', 'مصر', 'سوريا',
  'الانتخابات', 'اللاجئين', 'بوتين', 'أسعار الذهب', 'الدوري الإسباني', 'فيسبوك', 'العراق', 'لبنان', 'البنك المركزي',
  'Putin', 'Trump', 'Iran', 'الصين', 'كوريا الشمالية', 'ميسي OR رونالدو', 'قطر -مونديال', 'الحوثيين', 'تركيا', 'أردوغان', 'المغرب',
].map((q) => `/api/search?q=${encodeURIComponent(q)}`);
const FILTERS = ['iso:RU', 'iso:US', 'iso:SA', 'iso:EG', 'iso:IR'].map((e) => `/api/search?entity=${encodeURIComponent(e)}&limit=10`);

const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;

async function prepareDb() {
  const env = process.env.RASD_BENCH_DB;
  if (env) {
    if (!/^postgres/i.test(env) && !existsSync(env)) throw new Error(`RASD_BENCH_DB=${env} does not exist`);
    return { db: env, cleanup: () => {}, label: `RASD_BENCH_DB (${env.replace(/\/\/[^@/]*@/, '//***@')})` };
  }
  if (!existsSync(ANT)) return null;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'rasd-bench-web-'));
  const db = join(dir, 'web.db');
  const { openStore } = await import(join(root, 'dist/store/index.js'));
  const store = await openStore(db);
  const have = await store.count();
  if (have < limit) {
    const { ingest } = await import(join(root, 'dist/ingest/index.js'));
    const t0 = Date.now();
    const s = await ingest([ANT], { store, state: `${db}.ingest.sqlite`, workers: availableParallelism(), limit, progress: 'log', rejectsPath: null, log: () => {} });
    console.log(`ingested ${s.stored} of the first ${limit} ANT v2.1 articles in ${((Date.now() - t0) / 1000).toFixed(0)} s (${s.analysedPerSecond.toFixed(0)}/s)`);
  }
  await store.close();
  return { db, cleanup: () => !keep && rmSync(dir, { recursive: true, force: true }), label: `${limit} ANT v2.1 articles in ${db} (${mb(statSync(db).size)})` };
}

/** Starts `rasd serve` in a child process on a free port; resolves with its URL. */
function startServer(db) {
  return new Promise((resolvePromise, reject) => {
    const code = `import(${JSON.stringify(join(root, 'dist/cli/serve.js'))}).then((m) => m.serveCommand(process.argv.slice(1)))`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', code, '--', '--port', '0', '--db', db, '--no-sample'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buf = '';
    let requests = 0;
    child.stdout.on('data', (d) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.includes('"msg":"request"')) {
          requests++;
          continue;
        }
        try {
          const o = JSON.parse(line);
          if (o.msg === 'listening') resolvePromise({ url: o.url, articles: o.articles, child, requests: () => requests });
        } catch {
          // not a log line
        }
      }
    });
    child.once('exit', (c) => reject(new Error(`server exited with ${c}`)));
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(label, url, paths) {
  const times = [];
  let i = 0;
  const inst = autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  inst.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const r = await new Promise((res, rej) => inst.once('done', res).once('error', rej));
  times.sort((a, b) => a - b);
  const non2xx = r.non2xx ?? 0;
  const line = `${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms  ${(r.requests.average ?? 0).toFixed(0).padStart(5)} req/s  ${times.length} requests${non2xx ? `, ${non2xx} non-2xx` : ''}${r.errors ? `, ${r.errors} errors` : ''}`;
  console.log(line);
  return { p50: percentile(times, 50), p95: percentile(times, 95), non2xx };
}

async function pickArticles(url) {
  // Ids from search hits over varied queries: articles people would actually open.
  const ids = new Set();
  for (const q of QUERIES.slice(0, 12)) {
    const r = await (await fetch(`${url}${q}&limit=20`)).json();
    for (const h of r.hits ?? []) ids.add(h.article.id);
  }
  return [...ids];
}

function bundleSize() {
  const dir = join(root, 'dist/web/assets');
  if (!existsSync(join(dir, 'app.js'))) return null;
  const size = (f) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
  const js = size('app.js');
  const css = size('app.css');
  return { js, css, total: js + css };
}

const size = bundleSize();
if (size) console.log(`interface: app.js ${(size.js / 1024).toFixed(1)} KB + app.css ${(size.css / 1024).toFixed(1)} KB gzipped = ${(size.total / 1024).toFixed(1)} KB (target ≤ 300 KB)`);
else console.log('interface: not built (npm run build)');

const prepared = await prepareDb();
if (!prepared) {
  console.log(`skipped: no RASD_BENCH_DB and no ${ANT}`);
  process.exit(0);
}
const server = await startServer(prepared.db);
try {
  console.log(`store: ${prepared.label}; ${server.articles.toLocaleString('en')} articles; server ${server.url}`);
  console.log(`load: autocannon, ${connections} connections, ${seconds} s per endpoint, loopback; ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`);
  const ids = await pickArticles(server.url);
  if (ids.length === 0) throw new Error('no articles found by the search queries');
  // Warm-up: the KB and statement caches load on first use.
  for (const p of [...QUERIES.slice(0, 5), `/api/articles/${ids[0]}`, `/api/articles/${ids[0]}/related`]) await fetch(server.url + p);
  await load('article page data /api/articles/:id', server.url, ids.map((id) => `/api/articles/${id}`));
  await load('search API (30 queries, facets)', server.url, QUERIES);
  await load('search API, entity filters', server.url, FILTERS);
  await load('«read also» /api/articles/:id/related', server.url, ids.map((id) => `/api/articles/${id}/related`));
  await load('page shell /article/:id (HTML)', server.url, ids.map((id) => `/article/${id}`));
  console.log(`(${ids.length} distinct articles opened; the server logged ${server.requests().toLocaleString('en')} requests)`);
} finally {
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  prepared.cleanup();
}
