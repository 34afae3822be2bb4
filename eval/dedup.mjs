#!/usr/bin/env node
// Duplicate detection and story clustering on the shared corpora, on the raw texts (no analysis:
// the same hashing, shingling and index as ingest, minus entities in the story features).
//  (a) ANT v2.1 holds groups of articles with identical text (the same story filed under two
//      categories, re-crawled pages): how many of those groups end up in one duplicate group.
//  (b) SaudiNewsNet (14 Saudi newspapers, Jul–Aug 2015, much wire copy): near-duplicate groups found,
//      50 sampled pairs written for reading by hand (/tmp/rasd-dedup-pairs.txt), and 15 sampled story
//      clusters (/tmp/rasd-story-clusters.txt).
//   npm run build && node eval/dedup.mjs [--seed N] [--pairs FILE] [--clusters FILE]
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = resolve(root, '../shared/data/corpora');
const arg = (n, d) => {
  const i = process.argv.indexOf(n);
  return i > 0 ? process.argv[i + 1] : d;
};
const seed = Number(arg('--seed', '7'));
const pairsFile = arg('--pairs', '/tmp/rasd-dedup-pairs.txt');
const clustersFile = arg('--clusters', '/tmp/rasd-story-clusters.txt');

const { DedupIndex, minhash, storyFeaturesFromText } = await import(join(root, 'dist/dedup/index.js'));
const { contentHash } = await import(join(root, 'dist/store/prepare.js'));
const settings = await import(join(root, 'dist/dedup/settings.js'));

async function* records(file) {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield JSON.parse(line);
}

/** A small deterministic PRNG (mulberry32) for sampling. */
function rng(s) {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function timeOf(r) {
  const p = Date.parse(r.published ?? '');
  if (!Number.isNaN(p)) return p;
  const raw = r.published_raw ? Date.parse(String(r.published_raw).replace(' ', 'T') + 'Z') : NaN;
  return Number.isNaN(raw) ? null : raw;
}

/** Indexes a corpus; returns the index, the records by id and the time taken. */
async function indexCorpus(file, cluster) {
  const db = new Database(':memory:');
  const index = new DedupIndex(db, { cluster });
  const byId = new Map();
  let n = 0;
  const t0 = Date.now();
  index.begin();
  for await (const r of records(file)) {
    if (!r.text || !r.text.trim()) continue;
    const id = String(r.id);
    if (byId.has(id)) continue;
    byId.set(id, r);
    const full = r.title ? `${r.title}\n\n${r.text}` : r.text; // the clean text: title block, then body
    index.add({
      articleId: id,
      contentHash: contentHash(full),
      time: timeOf(r),
      length: full.length,
      signature: minhash(r.text),
      features: cluster ? storyFeaturesFromText(r.title ?? null, r.text) : null,
    });
    if (++n % 2000 === 0) {
      index.commit();
      index.begin();
    }
  }
  index.commit();
  return { db, index, byId, seconds: (Date.now() - t0) / 1000 };
}

const groupsOf = (db) => {
  const m = new Map();
  for (const r of db
    .prepare(
      'SELECT d.article_id AS id, c.article_id AS canon, d.similarity AS sim FROM dedup_docs d JOIN dedup_docs c ON c.doc = d.canonical',
    )
    .iterate()) {
    if (!m.has(r.canon)) m.set(r.canon, []);
    m.get(r.canon).push(r);
  }
  return m;
};

console.log(
  `settings: ${settings.SHINGLE_WORDS}-word shingles, ${settings.MINHASH_PERMUTATIONS} MinHash values in ${settings.LSH_BANDS} bands × ${settings.LSH_ROWS}; ` +
    `near duplicate at J ≥ ${settings.NEAR_DUPLICATE_JACCARD} (or containment ≥ ${settings.NEAR_DUPLICATE_CONTAINMENT} with length share ≥ ${settings.CONTAINED_MIN_SHARE}); ` +
    `stories: cosine ≥ ${settings.CLUSTER_SIMILARITY} within ${settings.CLUSTER_WINDOW_DAYS} days`,
);

// ---------------------------------------------------------------- (a) ANT v2.1 identical groups
const ant = join(corpora, 'ant-v2.1.jsonl.gz');
if (!existsSync(ant)) console.log(`(a) skipped: ${ant} not found`);
else {
  const { db, byId, seconds } = await indexCorpus(ant, false);
  const byText = new Map();
  for (const [id, r] of byId) {
    if (!byText.has(r.text)) byText.set(r.text, []);
    byText.get(r.text).push(id);
  }
  const truth = [...byText.values()].filter((g) => g.length > 1);
  const canonOf = new Map();
  for (const r of db
    .prepare(
      'SELECT d.article_id AS id, c.article_id AS canon FROM dedup_docs d JOIN dedup_docs c ON c.doc = d.canonical',
    )
    .iterate())
    canonOf.set(r.id, r.canon);
  let recovered = 0;
  let byHashOnly = 0;
  const missed = [];
  for (const g of truth) {
    const canons = new Set(g.map((id) => canonOf.get(id)));
    if (canons.size === 1) recovered++;
    else missed.push(g);
    const titles = new Set(g.map((id) => byId.get(id).title ?? ''));
    if (titles.size === 1) byHashOnly++;
  }
  const groups = [...groupsOf(db).values()].filter((g) => g.length > 1);
  // groups the detector made that hold more than one distinct text: near duplicates beyond identity
  const mixed = groups.filter((g) => new Set(g.map((m) => byId.get(m.id).text)).size > 1);
  console.log(`\n(a) ANT v2.1: ${byId.size} non-empty articles indexed in ${seconds.toFixed(0)} s`);
  console.log(
    `  identical-text groups: ${truth.length} (${truth.reduce((a, g) => a + g.length, 0)} articles); recovered in one duplicate group: ${recovered}/${truth.length} (${((100 * recovered) / truth.length).toFixed(1)}%)`,
  );
  console.log(
    `  of these, same title too (exact content hash): ${byHashOnly}; different titles (found by the body's MinHash): ${truth.length - byHashOnly}`,
  );
  console.log(
    `  duplicate groups found: ${groups.length}, of which ${mixed.length} also join texts that are not identical (near duplicates)`,
  );
  for (const g of missed.slice(0, 5)) console.log(`  missed: ${g.join(', ')}`);
}

// ---------------------------------------------------------------- (b) SaudiNewsNet
const snn = join(corpora, 'saudinewsnet.jsonl.gz');
if (!existsSync(snn)) console.log(`(b) skipped: ${snn} not found`);
else {
  const { db, index, byId, seconds } = await indexCorpus(snn, true);
  const groups = [...groupsOf(db).values()].filter((g) => g.length > 1);
  const st = index.stats();
  const members = groups.reduce((a, g) => a + g.length, 0);
  const crossOutlet = groups.filter((g) => new Set(g.map((m) => byId.get(m.id).outlet)).size > 1).length;
  const exact = db
    .prepare(
      'SELECT COUNT(*) AS n FROM dedup_docs d JOIN dedup_docs c ON c.doc = d.canonical WHERE d.doc != d.canonical AND d.content_hash = c.content_hash',
    )
    .get().n;
  console.log(
    `\n(b) SaudiNewsNet: ${byId.size} non-empty articles indexed (with story clustering) in ${seconds.toFixed(0)} s`,
  );
  console.log(
    `  duplicate groups: ${groups.length} holding ${members} articles (${members - groups.length} duplicates linked to a canonical; ${exact} of them exact copies); ${crossOutlet} groups span several outlets`,
  );
  const sizes = {};
  for (const g of groups) sizes[g.length > 5 ? '>5' : g.length] = (sizes[g.length > 5 ? '>5' : g.length] ?? 0) + 1;
  console.log(`  group sizes: ${JSON.stringify(sizes)}`);
  console.log(`  story clusters with ≥ 2 articles: ${st.storyClusters}`);

  // 50 pairs: duplicate → canonical, sampled over non-exact links (exact copies need no reading)
  const rand = rng(seed);
  const links = db
    .prepare(
      'SELECT d.article_id AS a, c.article_id AS b, d.similarity AS sim FROM dedup_docs d JOIN dedup_docs c ON c.doc = d.canonical WHERE d.doc != d.canonical AND d.content_hash != c.content_hash ORDER BY d.doc',
    )
    .all();
  const picked = [];
  const pool = [...links];
  while (picked.length < 50 && pool.length) picked.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  const show = (r) =>
    `[${r.outlet}] ${r.published_raw ?? r.published ?? ''} ${r.id}\n  title: ${r.title ?? ''}\n  ${r.text.slice(0, 300).replace(/\s+/g, ' ')}`;
  const out = [
    `# ${picked.length} near-duplicate pairs sampled (seed ${seed}) of ${links.length} non-exact links; similarity = estimated Jaccard of word 5-shingles\n`,
  ];
  picked.forEach((p, i) =>
    out.push(`## ${i + 1}. similarity ${p.sim.toFixed(2)}\nA ${show(byId.get(p.a))}\nB ${show(byId.get(p.b))}\n`),
  );
  writeFileSync(pairsFile, out.join('\n'));
  console.log(`  ${links.length} non-exact duplicate links; ${picked.length} sampled pairs written to ${pairsFile}`);

  // 15 story clusters for reading
  const clusters = db.prepare('SELECT cluster, size FROM story_clusters WHERE size > 1 ORDER BY cluster').all();
  const csizes = {};
  for (const c of clusters) {
    const k = c.size > 10 ? '>10' : c.size > 5 ? '6-10' : String(c.size);
    csizes[k] = (csizes[k] ?? 0) + 1;
  }
  console.log(`  story cluster sizes: ${JSON.stringify(csizes)}`);
  const cl = [];
  const cpool = [...clusters];
  while (cl.length < 15 && cpool.length) cl.push(cpool.splice(Math.floor(rand() * cpool.length), 1)[0]);
  const cout = [`# ${cl.length} story clusters sampled (seed ${seed}) of ${clusters.length}\n`];
  for (const c of cl) {
    const ids = db
      .prepare('SELECT article_id FROM dedup_docs WHERE cluster = ? ORDER BY time')
      .all(c.cluster)
      .map((r) => r.article_id);
    cout.push(`## cluster ${c.cluster} (${ids.length} articles)`);
    for (const id of ids.slice(0, 12)) {
      const r = byId.get(id);
      cout.push(`- [${r.outlet}] ${r.published_raw ?? ''} ${r.title ?? r.text.slice(0, 80)}`);
    }
    cout.push('');
  }
  writeFileSync(clustersFile, cout.join('\n'));
  console.log(`  ${cl.length} sampled clusters written to ${clustersFile}`);
}
