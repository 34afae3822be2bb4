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

interface ClusterRow {
  cluster: number;
  key: string;
  first: number;
  last: number;
  size: number;
  centroid: string;
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

export class StoryClusterer {
  private readonly db: BetterSqlite3.Database;
  private readonly prior: DfPrior;
  /** Document frequencies of this corpus (features seen in non-duplicate articles). */
  private df = new Map<string, number>();
  private docs = 0;
  private dirty = new Set<string>();
  private loaded = false;
  private readonly stmt: {
    candidates: (n: number) => BetterSqlite3.Statement;
    get: BetterSqlite3.Statement;
    insert: BetterSqlite3.Statement;
    update: BetterSqlite3.Statement;
    unindex: BetterSqlite3.Statement;
    index: BetterSqlite3.Statement;
    upsertDf: BetterSqlite3.Statement;
    setMeta: BetterSqlite3.Statement;
  };

  constructor(db: BetterSqlite3.Database, prior: DfPrior = loadDfPrior()) {
    this.db = db;
    this.prior = prior;
    const byArity = new Map<number, BetterSqlite3.Statement>();
    this.stmt = {
      candidates: (n: number) => {
        let s = byArity.get(n);
        if (!s) {
          s = db.prepare(
            `SELECT c.cluster, c.key, c.first, c.last, c.size, c.centroid, COUNT(*) AS shared
               FROM story_index i JOIN story_clusters c ON c.cluster = i.cluster
              WHERE i.feature IN (${new Array(n).fill('?').join(',')}) AND c.last <= ? AND c.first >= ?
              GROUP BY c.cluster ORDER BY shared DESC, c.cluster LIMIT ${MAX_CANDIDATE_CLUSTERS}`,
          );
          byArity.set(n, s);
        }
        return s;
      },
      get: db.prepare('SELECT cluster, key, first, last, size, centroid FROM story_clusters WHERE cluster = ?'),
      insert: db.prepare('INSERT INTO story_clusters(key, first, last, size, centroid) VALUES (?, ?, ?, 1, ?)'),
      update: db.prepare('UPDATE story_clusters SET first = ?, last = ?, size = ?, centroid = ? WHERE cluster = ?'),
      unindex: db.prepare('DELETE FROM story_index WHERE cluster = ?'),
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
      CREATE INDEX IF NOT EXISTS story_clusters_time ON story_clusters(first, last);
      CREATE TABLE IF NOT EXISTS story_index(
        feature TEXT NOT NULL, cluster INTEGER NOT NULL, PRIMARY KEY(feature, cluster)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS story_df(feature TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    `);
  }

  private load(): void {
    if (this.loaded) return;
    for (const r of this.db.prepare('SELECT feature, n FROM story_df').iterate() as Iterable<{ feature: string; n: number }>)
      this.df.set(r.feature, r.n);
    const m = this.db.prepare("SELECT value FROM dedup_meta WHERE key = 'story_docs'").get() as { value: string } | undefined;
    this.docs = m ? Number(m.value) : 0;
    this.loaded = true;
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

  /** Puts an article (its vector and time, ms since epoch) into the best cluster or a new one. */
  assign(articleId: string, vec: SparseVector, time: number): ClusterAssignment {
    let best: { row: ClusterRow; centroid: SparseVector; sim: number } | null = null;
    const query = vec.slice(0, QUERY_FEATURES).map(([k]) => k);
    if (query.length > 0) {
      // the span stays within the window: last ≤ time + W and first ≥ time − W
      const rows = this.stmt.candidates(query.length).all(...query, time + WINDOW_MS, time - WINDOW_MS) as ClusterRow[];
      for (const row of rows) {
        const centroid = JSON.parse(row.centroid) as SparseVector;
        const sim = cosine(vec, centroid);
        if (sim >= CLUSTER_SIMILARITY && (!best || sim > best.sim)) best = { row, centroid, sim };
      }
    }
    if (!best) {
      const key = `story:${articleId}`;
      const info = this.stmt.insert.run(key, time, time, JSON.stringify(vec));
      const cluster = Number(info.lastInsertRowid);
      this.reindex(cluster, vec);
      return { cluster, key, size: 1, similarity: 1 };
    }
    const { row, centroid, sim } = best;
    const merged = new Map<string, number>();
    for (const [k, w] of centroid) merged.set(k, w * row.size);
    for (const [k, w] of vec) merged.set(k, (merged.get(k) ?? 0) + w);
    const next = normalise([...merged], CENTROID_FEATURES);
    const size = row.size + 1;
    this.stmt.update.run(Math.min(row.first, time), Math.max(row.last, time), size, JSON.stringify(next), row.cluster);
    this.reindex(row.cluster, next);
    return { cluster: row.cluster, key: row.key, size, similarity: sim };
  }

  /** Adds a member that does not move the centroid (a duplicate of an article already in it). */
  addMember(cluster: number, time: number): ClusterAssignment | null {
    const row = this.stmt.get.get(cluster) as ClusterRow | undefined;
    if (!row) return null;
    const size = row.size + 1;
    this.stmt.update.run(Math.min(row.first, time), Math.max(row.last, time), size, row.centroid, cluster);
    return { cluster, key: row.key, size, similarity: 1 };
  }

  private reindex(cluster: number, centroid: SparseVector): void {
    this.stmt.unindex.run(cluster);
    for (const [k] of centroid.slice(0, CENTROID_INDEX_FEATURES)) this.stmt.index.run(k, cluster);
  }

  /** Writes changed document frequencies (call inside the caller's transaction). */
  flush(): void {
    for (const k of this.dirty) this.stmt.upsertDf.run(k, this.df.get(k) ?? 0);
    this.dirty.clear();
    this.stmt.setMeta.run('story_docs', String(this.docs));
  }

  /** Forgets unflushed counts (after a rolled-back transaction): reloads from the database. */
  reset(): void {
    this.df.clear();
    this.dirty.clear();
    this.loaded = false;
  }
}
