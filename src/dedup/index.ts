// The duplicate and story index: finds exact and near duplicates of each new article among all the
// articles indexed before (this run or earlier ones), keeps one canonical article per duplicate group,
// and puts each article in a story cluster. It lives in SQLite tables (the ingest sidecar database, see
// src/ingest/state.ts) so that an incremental ingest finds duplicates of last month's articles.
//
// Duplicates:
//  - exact: the same content hash (canonical clean text, hash.ts);
//  - near: MinHash signatures over word 5-shingles of the body (minhash.ts); candidates from LSH
//    bands, kept when the estimated Jaccard similarity is ≥ NEAR_DUPLICATE_JACCARD (0.8), or when the
//    shorter article is a cut of the longer (estimated containment ≥ 0.9 and at least half its
//    length); bodies of 15–24 words link only when identical. See settings.ts.
// Groups are the connected components of these links. The canonical article of a group is the earliest
// published (articles without a date come last), then the longest, then the smallest id; when a new
// article changes the canonical, every member is linked again to the new one.
//
// add() returns the links and cluster assignments the caller writes to the store; the caller runs
// add() inside a transaction on the index's database (begin/commit) so a crash leaves both consistent.
import type BetterSqlite3 from 'better-sqlite3';
import type { StoryFeatures } from './features.js';
import { StoryClusterer, type SparseVector } from './cluster.js';
import { bandKeys, estimateContainment, estimateJaccard, type MinHashSignature } from './minhash.js';
import {
  CONTAINED_MIN_SHARE,
  IDENTICAL_BODY_MIN_WORDS,
  LSH_BANDS,
  MINHASH_PERMUTATIONS,
  NEAR_DUPLICATE_CONTAINMENT,
  NEAR_DUPLICATE_JACCARD,
  NEAR_DUPLICATE_MIN_WORDS,
} from './settings.js';
import type { DfPrior } from './prior.js';

export { rawHash } from './hash.js';
export { minhash, estimateJaccard, matchWords } from './minhash.js';
export { storyFeatures, storyFeaturesFromText, type StoryFeatures } from './features.js';

/** What the index needs to know of an article. */
export interface DedupDoc {
  /** Store id. */
  articleId: string;
  contentHash: string;
  /** Publication time (or first-seen time), ms since epoch; null when unknown. */
  time: number | null;
  /** Length of the clean text (the tie-break between copies of one date: the longer is canonical). */
  length: number;
  signature: MinHashSignature | null;
  /** Null: do not cluster. */
  features: StoryFeatures | null;
}

/** «duplicateId is a copy of canonicalId»; duplicateId === canonicalId makes the article canonical again. */
export interface DuplicateLink {
  duplicateId: string;
  canonicalId: string;
  similarity: number;
}

/** Articles to put in a story cluster (the whole cluster when it has just reached two members). */
export interface ClusterUpdate {
  clusterId: string;
  articleIds: string[];
}

export interface DedupOutcome {
  /** Canonical article of the group the new article is in (itself when unique). */
  canonicalId: string;
  /** Best similarity to an earlier article when a duplicate (1 for exact), else null. */
  duplicateSimilarity: number | null;
  /** Links to write to the store, in order. */
  links: DuplicateLink[];
  cluster: ClusterUpdate | null;
}

export interface DedupIndexOptions {
  /** Story clustering on (default true). */
  cluster?: boolean;
  /** Document-frequency prior (default: the packaged table). */
  prior?: DfPrior;
}

interface DocRow {
  doc: number;
  article_id: string;
  time: number | null;
  length: number;
  shingles: number;
  signature: Buffer | null;
  canonical: number;
  cluster: number | null;
}

/** Candidate pairs scored per article at most (a boilerplate text can share bands with thousands). */
const MAX_CANDIDATES = 500;
const TIME_LAST = Number.MAX_SAFE_INTEGER;

function sigBuffer(s: MinHashSignature): Buffer {
  return Buffer.from(s.values.buffer, s.values.byteOffset, s.values.byteLength);
}
function sigValues(b: Buffer): Uint32Array {
  // copy: the Buffer may share a pool and be unaligned
  const out = new Uint32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

/** Canonical order: earliest time (unknown last), then longest, then smallest id. */
function better(a: DocRow, b: DocRow): boolean {
  const ta = a.time ?? TIME_LAST;
  const tb = b.time ?? TIME_LAST;
  if (ta !== tb) return ta < tb;
  if (a.length !== b.length) return a.length > b.length;
  return a.article_id < b.article_id;
}

export class DedupIndex {
  readonly db: BetterSqlite3.Database;
  private readonly clusterer: StoryClusterer | null;
  private readonly q: Record<string, BetterSqlite3.Statement>;
  private readonly lshQuery: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database, opts: DedupIndexOptions = {}) {
    this.db = db;
    DedupIndex.migrate(db);
    this.clusterer = opts.cluster === false ? null : new StoryClusterer(db, opts.prior);
    this.q = {
      byArticle: db.prepare('SELECT doc FROM dedup_docs WHERE article_id = ?'),
      byHash: db.prepare('SELECT doc FROM dedup_docs WHERE content_hash = ?'),
      doc: db.prepare(
        'SELECT doc, article_id, time, length, shingles, signature, canonical, cluster FROM dedup_docs WHERE doc = ?',
      ),
      members: db.prepare(
        'SELECT doc, article_id, time, length, shingles, signature, canonical, cluster FROM dedup_docs WHERE canonical = ?',
      ),
      insert: db.prepare(
        'INSERT INTO dedup_docs(article_id, content_hash, time, length, shingles, signature, canonical, similarity) VALUES (?, ?, ?, ?, ?, ?, 0, 1)',
      ),
      setCanonical: db.prepare('UPDATE dedup_docs SET canonical = ?, similarity = ? WHERE doc = ?'),
      setCluster: db.prepare('UPDATE dedup_docs SET cluster = ? WHERE doc = ?'),
      clusterMembers: db.prepare('SELECT article_id FROM dedup_docs WHERE cluster = ? ORDER BY doc'),
      lsh: db.prepare('INSERT OR IGNORE INTO dedup_lsh(key, doc) VALUES (?, ?)'),
      count: db.prepare('SELECT COUNT(*) AS n, SUM(canonical = doc) AS canon FROM dedup_docs'),
      groups: db.prepare(
        'SELECT COUNT(*) AS n FROM (SELECT canonical FROM dedup_docs GROUP BY canonical HAVING COUNT(*) > 1)',
      ),
      clusters: db.prepare('SELECT COUNT(*) AS n FROM story_clusters WHERE size > 1'),
    };
    this.lshQuery = db.prepare(
      `SELECT DISTINCT doc FROM dedup_lsh WHERE key IN (${new Array(LSH_BANDS).fill('?').join(',')}) LIMIT ${MAX_CANDIDATES}`,
    );
  }

  static migrate(db: BetterSqlite3.Database): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS dedup_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS dedup_docs(
        doc INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
        time REAL, length INTEGER NOT NULL, shingles INTEGER NOT NULL, signature BLOB,
        canonical INTEGER NOT NULL, similarity REAL NOT NULL, cluster INTEGER);
      CREATE INDEX IF NOT EXISTS dedup_docs_canonical ON dedup_docs(canonical);
      CREATE INDEX IF NOT EXISTS dedup_docs_hash ON dedup_docs(content_hash);
      CREATE INDEX IF NOT EXISTS dedup_docs_cluster ON dedup_docs(cluster);
      CREATE TABLE IF NOT EXISTS dedup_lsh(key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(key, doc)) WITHOUT ROWID;
    `);
    StoryClusterer.migrate(db);
    const perms = db.prepare("SELECT value FROM dedup_meta WHERE key = 'minhash_permutations'").get() as
      { value: string } | undefined;
    if (perms && Number(perms.value) !== MINHASH_PERMUTATIONS)
      throw new Error(
        `dedup index was built with ${perms.value} MinHash permutations, this code uses ${MINHASH_PERMUTATIONS}: delete the ingest state file to rebuild it`,
      );
    if (!perms)
      db.prepare("INSERT INTO dedup_meta(key, value) VALUES ('minhash_permutations', ?)").run(
        String(MINHASH_PERMUTATIONS),
      );
  }

  /** True when the article is already indexed. */
  has(articleId: string): boolean {
    return this.q.byArticle.get(articleId) !== undefined;
  }

  /** Indexes a new article and says what it duplicates and which story it belongs to. Adding an
   *  article already indexed returns its current state with nothing to write. */
  add(d: DedupDoc): DedupOutcome {
    const known = this.q.byArticle.get(d.articleId) as { doc: number } | undefined;
    if (known) {
      const row = this.row(known.doc);
      return { canonicalId: this.row(row.canonical).article_id, duplicateSimilarity: null, links: [], cluster: null };
    }

    // 1. matches among earlier articles: exact hash, then LSH candidates verified on the signature
    const matches = new Map<number, number>(); // doc → similarity
    for (const r of this.q.byHash.all(d.contentHash) as Array<{ doc: number }>) matches.set(r.doc, 1);
    const sig = d.signature && d.signature.words >= IDENTICAL_BODY_MIN_WORDS ? d.signature : null;
    const identicalOnly = sig !== null && sig.words < NEAR_DUPLICATE_MIN_WORDS;
    const keys = sig ? bandKeys(sig.values) : [];
    if (sig) {
      for (const r of this.lshQuery.all(...keys) as Array<{ doc: number }>) {
        if (matches.has(r.doc)) continue;
        const other = this.row(r.doc);
        if (!other.signature) continue;
        const values = sigValues(other.signature);
        const sim = identicalOnly
          ? estimateJaccard(sig.values, values) === 1
            ? 1
            : null
          : nearDuplicateSimilarity(sig, values, other.shingles);
        if (sim !== null) matches.set(r.doc, sim);
      }
    }

    // 2. index the new article (its own group for now)
    const info = this.q.insert.run(
      d.articleId,
      d.contentHash,
      d.time,
      d.length,
      d.signature?.shingles ?? 0,
      d.signature ? sigBuffer(d.signature) : null,
    );
    const doc = Number(info.lastInsertRowid);
    this.q.setCanonical.run(doc, 1, doc);
    for (const k of keys) this.q.lsh.run(k, doc);
    const self = this.row(doc);

    if (matches.size === 0) {
      const cluster = this.cluster(self, d, null);
      return { canonicalId: d.articleId, duplicateSimilarity: null, links: [], cluster };
    }

    // 3. merge the groups it touches and elect the canonical
    const groupIds = new Set<number>();
    for (const m of matches.keys()) groupIds.add(this.row(m).canonical);
    const members: DocRow[] = [self];
    for (const g of groupIds) members.push(...(this.q.members.all(g) as DocRow[]));
    let canon = members[0];
    for (const m of members) if (better(m, canon)) canon = m;
    const canonSig = canon.signature ? sigValues(canon.signature) : null;
    const links: DuplicateLink[] = [];
    if (canon.canonical !== canon.doc) {
      this.q.setCanonical.run(canon.doc, 1, canon.doc);
      links.push({ duplicateId: canon.article_id, canonicalId: canon.article_id, similarity: 1 });
    }
    for (const m of members) {
      if (m.doc === canon.doc || (m.canonical === canon.doc && m.doc !== doc)) continue;
      const sim = similarityBetween(m, canon, canonSig, matches, doc);
      this.q.setCanonical.run(canon.doc, sim, m.doc);
      links.push({ duplicateId: m.article_id, canonicalId: canon.article_id, similarity: sim });
    }

    // 4. a duplicate joins the story of its group (without moving the centroid)
    const inCluster = members.find((m) => m.doc !== doc && m.cluster !== null);
    const cluster = this.cluster(self, d, inCluster?.cluster ?? null);
    return {
      canonicalId: canon.article_id,
      duplicateSimilarity: Math.max(...matches.values()),
      links,
      cluster,
    };
  }

  private row(doc: number): DocRow {
    return this.q.doc.get(doc) as DocRow;
  }

  private cluster(self: DocRow, d: DedupDoc, groupCluster: number | null): ClusterUpdate | null {
    if (!this.clusterer || !d.features) return null;
    const time = d.time ?? Date.now();
    let a;
    if (groupCluster !== null) a = this.clusterer.addMember(groupCluster, time);
    else {
      const vec: SparseVector = this.clusterer.vector(d.features);
      this.clusterer.countDocument(d.features);
      a = this.clusterer.assign(d.articleId, vec, time);
    }
    if (!a) return null;
    this.q.setCluster.run(a.cluster, self.doc);
    if (a.size < 2) return null;
    if (a.size === 2) {
      const ids = (this.q.clusterMembers.all(a.cluster) as Array<{ article_id: string }>).map((r) => r.article_id);
      return { clusterId: a.key, articleIds: ids };
    }
    return { clusterId: a.key, articleIds: [d.articleId] };
  }

  /** Forgets every article, group and cluster (the index belonged to another database). */
  clear(): void {
    this.db.exec(
      "DELETE FROM dedup_docs; DELETE FROM dedup_lsh; DELETE FROM story_clusters; DELETE FROM story_index; DELETE FROM story_df; DELETE FROM dedup_meta WHERE key = 'story_docs';",
    );
    this.clusterer?.reset();
  }

  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
  }
  commit(): void {
    this.clusterer?.flush();
    this.db.exec('COMMIT');
  }
  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.clusterer?.reset();
  }

  stats(): { articles: number; canonical: number; duplicateGroups: number; storyClusters: number } {
    const c = this.q.count.get() as { n: number; canon: number | null };
    return {
      articles: c.n,
      canonical: c.canon ?? 0,
      duplicateGroups: (this.q.groups.get() as { n: number }).n,
      storyClusters: (this.q.clusters.get() as { n: number }).n,
    };
  }
}

/** The estimated similarity when two signatures are near duplicates under the rules in settings.ts,
 *  else null. */
export function nearDuplicateSimilarity(a: MinHashSignature, b: Uint32Array, bShingles: number): number | null {
  const j = estimateJaccard(a.values, b);
  if (j >= NEAR_DUPLICATE_JACCARD) return j;
  const small = Math.min(a.shingles, bShingles);
  const large = Math.max(a.shingles, bShingles);
  if (
    large > 0 &&
    small / large >= CONTAINED_MIN_SHARE &&
    estimateContainment(j, a.shingles, bShingles) >= NEAR_DUPLICATE_CONTAINMENT
  )
    return j;
  return null;
}

function similarityBetween(
  m: DocRow,
  canon: DocRow,
  canonSig: Uint32Array | null,
  matches: Map<number, number>,
  newDoc: number,
): number {
  if (m.doc === newDoc && matches.has(canon.doc)) return matches.get(canon.doc)!;
  if (canonSig && m.signature) return estimateJaccard(sigValues(m.signature), canonSig);
  return matches.get(m.doc) ?? 1;
}
