// The ingest's own database (a SQLite "sidecar" beside the store): which raw records were ingested
// (so a re-run skips them before analysis), the conditional-GET validators of URLs, and the duplicate
// and story index (src/dedup). It is derived data: the store is the truth. If it is lost, ingesting
// the same inputs again rebuilds it (the store answers "already stored" for every article, and each
// is indexed again); articles ingested from inputs no longer at hand are then unknown to the
// duplicate index.
//
// WAL mode with synchronous=NORMAL: a crash (kill -9) loses at most the open transaction, never
// corrupts the file; the pipeline commits once per batch, after the batch is in the store.
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { DedupIndex, type DedupIndexOptions } from '../dedup/index.js';
import type { ConditionalState } from './sources/index.js';

export class IngestState {
  readonly db: BetterSqlite3.Database;
  readonly index: DedupIndex;
  private readonly q: Record<string, BetterSqlite3.Statement>;

  private constructor(db: BetterSqlite3.Database, opts: DedupIndexOptions) {
    this.db = db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS ingest_seen(
        raw_hash TEXT PRIMARY KEY, article_id TEXT NOT NULL, source_id TEXT, at TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ingest_conditional(
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at TEXT NOT NULL);
    `);
    this.index = new DedupIndex(db, opts);
    this.q = {
      seen: db.prepare('SELECT 1 FROM ingest_seen WHERE raw_hash = ?'),
      markSeen: db.prepare(
        'INSERT OR IGNORE INTO ingest_seen(raw_hash, article_id, source_id, at) VALUES (?, ?, ?, ?)',
      ),
      conditional: db.prepare('SELECT etag, last_modified FROM ingest_conditional WHERE url = ?'),
      setConditional: db.prepare(
        `INSERT INTO ingest_conditional(url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`,
      ),
      seenCount: db.prepare('SELECT COUNT(*) AS n FROM ingest_seen'),
      seenArticles: db.prepare('SELECT COUNT(DISTINCT article_id) AS n FROM ingest_seen'),
    };
  }

  /** Opens (creating when absent) the state database at `path` (":memory:" for a throwaway one). */
  static open(path: string, opts: DedupIndexOptions = {}): IngestState {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    return new IngestState(db, opts);
  }

  isSeen(rawHash: string): boolean {
    return this.q.seen.get(rawHash) !== undefined;
  }

  markSeen(rawHash: string, articleId: string, sourceId: string | null): void {
    this.q.markSeen.run(rawHash, articleId, sourceId, new Date().toISOString());
  }

  seenCount(): number {
    return (this.q.seenCount.get() as { n: number }).n;
  }

  /** Distinct store articles this state knows of (from its raw hashes and its index). */
  knownArticles(): number {
    return Math.max((this.q.seenArticles.get() as { n: number }).n, this.index.stats().articles);
  }

  conditional(url: string): ConditionalState | null {
    const r = this.q.conditional.get(url) as { etag: string | null; last_modified: string | null } | undefined;
    return r ? { etag: r.etag, lastModified: r.last_modified } : null;
  }

  setConditional(url: string, etag: string | null, lastModified: string | null): void {
    this.q.setConditional.run(url, etag, lastModified, new Date().toISOString());
  }

  /** Forgets everything: raw hashes, validators, the duplicate and story index. */
  clear(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM ingest_seen; DELETE FROM ingest_conditional;');
      this.index.clear();
    })();
  }

  begin(): void {
    this.index.begin();
  }
  commit(): void {
    this.index.commit();
  }
  rollback(): void {
    this.index.rollback();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Where the state lives for a store: beside a SQLite file («corpus.db» → «corpus.db.ingest.sqlite»);
 *  for PostgreSQL and in-memory stores, in the working folder under a name derived from the URL. */
export function defaultStatePath(db: string): string {
  if (/^postgres(?:ql)?:\/\//i.test(db)) {
    const safe = db.replace(/\/\/[^@/]*@/, '//'); // no password in the derived name
    return `rasd-ingest-${createHash('sha256').update(safe).digest('hex').slice(0, 10)}.sqlite`;
  }
  if (db === ':memory:') return ':memory:';
  return `${db}.ingest.sqlite`;
}
