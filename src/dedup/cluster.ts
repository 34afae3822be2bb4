// Story clustering: articles about the same event, published within CLUSTER_WINDOW_DAYS of each other.
//
// Method (leader clustering over TF-IDF centroids, after Event Registry's story clusters):
//  1. An article becomes a vector: TF-IDF weights of its light stems ((1 + ln tf) · idf) and of the
//     entities it names (× ENTITY_WEIGHT), the ARTICLE_FEATURES strongest kept, L2-normalised. Document
//     frequencies are the corpus's own, kept in the index and updated as articles arrive, added to a
//     prior table from a news corpus (data/dedup/df-prior.tsv.gz) so that the first articles of an empty
//     database are already weighted sensibly.
//  2. Each cluster keeps a centroid (the normalised mean of its members' vectors, CENTROID_FEATURES kept)
//     and the time span of its members. Candidate clusters are those whose indexed centroid features
//     share one of the article's QUERY_FEATURES strongest features and whose span stays within the
//     window once the article is added (so every pair of members is at most the window apart).
//  3. The article joins the candidate with the highest cosine similarity if it reaches
//     CLUSTER_SIMILARITY; otherwise it starts a cluster of its own.
// Leader clustering depends on the order articles arrive in; the centroid (rather than single links)
// keeps a cluster from drifting along a chain of loosely related articles.
import type BetterSqlite3 from 'better-sqlite3';
import type { StoryFeatures } from './features.js';
import {
  ARTICLE_FEATURES,
  CENTROID_FEATURES,
  CENTROID_INDEX_FEATURES,
  CLUSTER_SIMILARITY,
  CLUSTER_WINDOW_DAYS,
  ENTITY_WEIGHT,
  MAX_CANDIDATE_CLUSTERS,
  QUERY_FEATURES,
} from './settings.js';
import { loadDfPrior, type DfPrior } from './prior.js';

const DAY_MS = 86_400_000;
const WINDOW_MS = CLUSTER_WINDOW_DAYS * DAY_MS;

/** A sparse vector: features sorted by weight, descending; L2 norm 1. */
export type SparseVector = Array<[string, number]>;

export interface ClusterAssignment {
  /** Internal cluster number. */
  cluster: number;
  /** Stable cluster id for the store («story:» + the first article's id). */
  key: string;
  /** Members after this article joined. */
  size: number;
  /** Cosine similarity to the centroid (1 for a new cluster). */
  similarity: number;
}

/** Cosine of two normalised vectors, one given as a map (built once per article). */
function cosineWithMap(a: Map<string, number>, b: SparseVector): number {
  let s = 0;
  for (const [k, w] of b) {
    const v = a.get(k);
    if (v !== undefined) s += w * v;
  }
  return s;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, big] = a.length <= b.length ? [a, b] : [b, a];
  const m = new Map(big);
  let s = 0;
  for (const [k, w] of small) {
    const v = m.get(k);
    if (v !== undefined) s += w * v;
  }
  return s;
}

function normalise(v: Array<[string, number]>, keep: number): SparseVector {
  v.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const top = v.slice(0, keep);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0));
  return norm > 0 ? top.map(([k, w]) => [k, w / norm]) : [];
}

/** What the clusterer keeps in memory of each cluster (the centroid itself is read on demand). */
interface ClusterMeta {
  key: string;
  first: number;
  last: number;
  size: number;
  /** The features the cluster is indexed under. */
  indexed: string[];
}

/** Parsed centroids kept in memory (the rest are read from the database when scored). */
const CENTROID_CACHE = 20_000;

export class StoryClusterer {
  private readonly db: BetterSqlite3.Database;
  private readonly prior: DfPrior;
  /** Document frequencies of this corpus (features seen in non-duplicate articles). */
  private df = new Map<string, number>();
  private docs = 0;
  private dirty = new Set<string>();
  /** Inverted index feature → clusters, and cluster metadata: in memory (loaded once), written
   *  through to the database. */
  private postings = new Map<string, number[]>();
  private clusters = new Map<number, ClusterMeta>();
  private centroids = new Map<number, SparseVector>();
  private loaded = false;
  private readonly stmt: Record<string, BetterSqlite3.Statement>;

  constructor(db: BetterSqlite3.Database, prior: DfPrior = loadDfPrior()) {
    this.db = db;
    this.prior = prior;
    this.stmt = {
      centroid: db.prepare('SELECT centroid FROM story_clusters WHERE cluster = ?'),
      insert: db.prepare('INSERT INTO story_clusters(key, first, last, size, centroid) VALUES (?, ?, ?, 1, ?)'),
      update: db.prepare('UPDATE story_clusters SET first = ?, last = ?, size = ?, centroid = ? WHERE cluster = ?'),
      updateSpan: db.prepare('UPDATE story_clusters SET first = ?, last = ?, size = ? WHERE cluster = ?'),
      unindex: db.prepare('DELETE FROM story_index WHERE feature = ? AND cluster = ?'),
      index: db.prepare('INSERT OR IGNORE INTO story_index(feature, cluster) VALUES (?, ?)'),
      upsertDf: db.prepare(
        'INSERT INTO story_df(feature, n) VALUES (?, ?) ON CONFLICT(feature) DO UPDATE SET n = excluded.n',
      ),
      setMeta: db.prepare(
        'INSERT INTO dedup_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  static migrate(db: BetterSqlite3.Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS story_clusters(
        cluster INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,
        first REAL NOT NULL, last REAL NOT NULL, size INTEGER NOT NULL, centroid TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS story_index(
        feature TEXT NOT NULL, cluster INTEGER NOT NULL, PRIMARY KEY(feature, cluster)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS story_df(feature TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    `);
  }

  private load(): void {
    if (this.loaded) return;
    for (const r of this.db.prepare('SELECT feature, n FROM story_df').iterate() as Iterable<{
      feature: string;
      n: number;
    }>)
      this.df.set(r.feature, r.n);
    const m = this.db.prepare("SELECT value FROM dedup_meta WHERE key = 'story_docs'").get() as
      { value: string } | undefined;
    this.docs = m ? Number(m.value) : 0;
    for (const r of this.db
      .prepare('SELECT cluster, key, first, last, size FROM story_clusters')
      .iterate() as Iterable<{
      cluster: number;
      key: string;
      first: number;
      last: number;
      size: number;
    }>)
      this.clusters.set(r.cluster, { key: r.key, first: r.first, last: r.last, size: r.size, indexed: [] });
    for (const r of this.db.prepare('SELECT feature, cluster FROM story_index').iterate() as Iterable<{
      feature: string;
      cluster: number;
    }>) {
      this.post(r.feature, r.cluster);
      this.clusters.get(r.cluster)?.indexed.push(r.feature);
    }
    this.loaded = true;
  }

  private post(feature: string, cluster: number): void {
    const list = this.postings.get(feature);
    if (list) list.push(cluster);
    else this.postings.set(feature, [cluster]);
  }

  /** Smoothed inverse document frequency: words over the prior corpus plus this one; entities (which
   *  the prior does not count) over this corpus only. */
  private idf(feature: string): number {
    const local = this.df.get(feature) ?? 0;
    if (feature.startsWith('e:')) return Math.log((this.docs + 1) / (local + 1)) + 1;
    const df = local + (this.prior.df.get(feature) ?? 0);
    return Math.log((this.docs + this.prior.docs + 1) / (df + 1)) + 1;
  }

  /** The article's TF-IDF vector (before its own counts enter the document frequencies). */
  vector(f: StoryFeatures): SparseVector {
    this.load();
    const v: Array<[string, number]> = [];
    for (const [t, n] of f.terms) v.push([t, (1 + Math.log(n)) * this.idf(t)]);
    for (const [e, n] of f.entities) v.push([e, (1 + Math.log(n)) * this.idf(e) * ENTITY_WEIGHT]);
    return normalise(v, ARTICLE_FEATURES);
  }

  /** Counts the article's features into the document frequencies (once per distinct article). */
  countDocument(f: StoryFeatures): void {
    this.load();
    for (const [k] of f.terms) this.bump(k);
    for (const [k] of f.entities) this.bump(k);
    this.docs++;
  }

  private bump(k: string): void {
    this.df.set(k, (this.df.get(k) ?? 0) + 1);
    this.dirty.add(k);
  }

  private centroid(cluster: number): SparseVector {
    let c = this.centroids.get(cluster);
    if (!c) {
      const r = this.stmt.centroid.get(cluster) as { centroid: string } | undefined;
      c = r ? (JSON.parse(r.centroid) as SparseVector) : [];
      if (this.centroids.size >= CENTROID_CACHE) this.centroids.delete(this.centroids.keys().next().value!);
      this.centroids.set(cluster, c);
    }
    return c;
  }

  /** Clusters sharing one of the article's strongest features whose span stays within the window
   *  with the article added, those sharing most first. */
  private candidates(vec: SparseVector, time: number): number[] {
    const shared = new Map<number, number>();
    for (const [k] of vec.slice(0, QUERY_FEATURES)) {
      const list = this.postings.get(k);
      if (!list) continue;
      for (const c of list) shared.set(c, (shared.get(c) ?? 0) + 1);
    }
    const out: Array<[number, number]> = [];
    for (const [c, n] of shared) {
      const m = this.clusters.get(c)!;
      if (m.last <= time + WINDOW_MS && m.first >= time - WINDOW_MS) out.push([c, n]);
    }
    out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return out.slice(0, MAX_CANDIDATE_CLUSTERS).map(([c]) => c);
  }

  /** Puts an article (its vector and time, ms since epoch) into the best cluster or a new one. */
  assign(articleId: string, vec: SparseVector, time: number): ClusterAssignment {
    this.load();
    let best: { cluster: number; sim: number } | null = null;
    const vecMap = new Map(vec);
    for (const c of this.candidates(vec, time)) {
      const sim = cosineWithMap(vecMap, this.centroid(c));
      if (sim >= CLUSTER_SIMILARITY && (!best || sim > best.sim)) best = { cluster: c, sim };
    }
    if (!best) {
      const key = `story:${articleId}`;
      const cluster = Number(this.stmt.insert.run(key, time, time, JSON.stringify(vec)).lastInsertRowid);
      const meta: ClusterMeta = { key, first: time, last: time, size: 1, indexed: [] };
      this.clusters.set(cluster, meta);
      this.centroids.set(cluster, vec);
      this.reindex(cluster, meta, vec);
      return { cluster, key, size: 1, similarity: 1 };
    }
    const meta = this.clusters.get(best.cluster)!;
    const merged = new Map<string, number>();
    for (const [k, w] of this.centroid(best.cluster)) merged.set(k, w * meta.size);
    for (const [k, w] of vec) merged.set(k, (merged.get(k) ?? 0) + w);
    const next = normalise([...merged], CENTROID_FEATURES);
    meta.size++;
    meta.first = Math.min(meta.first, time);
    meta.last = Math.max(meta.last, time);
    this.stmt.update.run(meta.first, meta.last, meta.size, JSON.stringify(next), best.cluster);
    this.centroids.set(best.cluster, next);
    this.reindex(best.cluster, meta, next);
    return { cluster: best.cluster, key: meta.key, size: meta.size, similarity: best.sim };
  }

  /** Adds a member that does not move the centroid (a duplicate of an article already in it). */
  addMember(cluster: number, time: number): ClusterAssignment | null {
    this.load();
    const meta = this.clusters.get(cluster);
    if (!meta) return null;
    meta.size++;
    meta.first = Math.min(meta.first, time);
    meta.last = Math.max(meta.last, time);
    this.stmt.updateSpan.run(meta.first, meta.last, meta.size, cluster);
    return { cluster, key: meta.key, size: meta.size, similarity: 1 };
  }

  /** Indexes the cluster under its centroid's strongest features, writing only what changed. */
  private reindex(cluster: number, meta: ClusterMeta, centroid: SparseVector): void {
    const want = centroid.slice(0, CENTROID_INDEX_FEATURES).map(([k]) => k);
    const wantSet = new Set(want);
    const had = new Set(meta.indexed);
    for (const k of meta.indexed)
      if (!wantSet.has(k)) {
        this.stmt.unindex.run(k, cluster);
        const list = this.postings.get(k);
        if (list) {
          const i = list.indexOf(cluster);
          if (i >= 0) list.splice(i, 1);
          if (list.length === 0) this.postings.delete(k);
        }
      }
    for (const k of want)
      if (!had.has(k)) {
        this.stmt.index.run(k, cluster);
        this.post(k, cluster);
      }
    meta.indexed = want;
  }

  /** Writes changed document frequencies (call inside the caller's transaction). */
  flush(): void {
    for (const k of this.dirty) this.stmt.upsertDf.run(k, this.df.get(k) ?? 0);
    this.dirty.clear();
    this.stmt.setMeta.run('story_docs', String(this.docs));
  }

  /** Forgets everything held in memory (after a rolled-back transaction): reloads from the database. */
  reset(): void {
    this.df.clear();
    this.dirty.clear();
    this.postings.clear();
    this.clusters.clear();
    this.centroids.clear();
    this.loaded = false;
  }
}
