// The embedded backend: one SQLite file through better-sqlite3 (synchronous, in-process, no server).
// WAL mode so readers never block the writer; synchronous=NORMAL (durable at checkpoints, never
// corrupt after a crash in WAL mode); foreign keys on. The Store itself is sql.ts.
import Database from 'better-sqlite3';
import type { ParseOptions } from '../search/query.js';
import { SqlStore, textParam, type SqlDb, type SqlExecutor } from './sql.js';

/** Milliseconds a writer waits for another process's write lock before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/** Page cache (KiB, as SQLite's negative cache_size) and memory map: searches read postings and metadata at random. */
export const SQLITE_CACHE_KIB = 65_536;
export const SQLITE_MMAP_BYTES = 268_435_456;
/** Prepared statements kept per connection. */
const STATEMENT_CACHE = 256;

type Statement = Database.Statement<unknown[], unknown>;

class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  /** SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32. */
  readonly maxParams = 32_000;
  private readonly statements = new Map<string, Statement>();
  /** Tail of the transaction queue: better-sqlite3 has one connection, so transactions take turns. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database.Database) {}

  /** A cached statement; `raw` ones return arrays (raw mode sticks to the statement, so they are cached apart). */
  private prepare(sql: string, raw = false): Statement {
    const key = raw ? '\u0000raw\u0000' + sql : sql;
    let st = this.statements.get(key);
    if (!st) {
      st = this.db.prepare(sql);
      if (raw) st.raw(true);
      if (this.statements.size >= STATEMENT_CACHE) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(key, st);
    }
    return st;
  }

  private bind(params: readonly unknown[]): unknown[] {
    return params.map((p) =>
      p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : typeof p === 'string' ? textParam(p) : p,
    );
  }

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const st = this.prepare(sql);
    if (!st.reader) {
      st.run(...this.bind(params));
      return [];
    }
    return st.all(...this.bind(params)) as T[];
  }

  async values(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    return this.prepare(sql, true).all(...this.bind(params)) as unknown[][];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<void> {
    this.prepare(sql).run(...this.bind(params));
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  transaction<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this);
        this.db.exec('COMMIT');
        return out;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens (creating when missing) a SQLite store at `path` and brings its schema up to date.
 * @example const store = await openSqliteStore('./rasd.db')
 */
export async function openSqliteStore(
  path: string,
  opts: { parse?: ParseOptions; readonly?: boolean } = {},
): Promise<SqlStore> {
  const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    db.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
    db.pragma('temp_store = MEMORY');
  } catch (e) {
    db.close();
    throw e;
  }
  const store = new SqlStore(new SqliteDb(db), { parse: opts.parse });
  if (!opts.readonly) await store.migrate();
  return store;
}
