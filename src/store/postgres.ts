// The server backend: PostgreSQL through `pg`, same schema and the same Store (sql.ts) as SQLite.
// The search index is a tsvector column written as a literal of our analysed terms (PostgreSQL's
// parser and stemmers never run) with a GIN index; ranking is done in TypeScript (rank.ts).
import pg from 'pg';
import type { ParseOptions } from '../search/query.js';
import { SqlStore, textParam, type SqlDb, type SqlExecutor } from './sql.js';

/** Connections per store: a search runs its independent statements side by side (sql.ts). */
export const PG_POOL_SIZE = 8;

/**
 * Session settings of every connection. The planner cannot price detoasting a tsvector per row, so
 * for a term in a quarter of the articles it prefers a sequential scan that unpacks every tsvector
 * (measured: 21 ms for 3,000 articles) over the GIN bitmap scan (2.6 ms). Every query of the store
 * has an index path, so sequential scans are simply switched off for its sessions.
 */
export const PG_SESSION_SETTINGS = ['-c enable_seqscan=off'];

/** The URL with the session settings added to its libpq `options` (kept when it already has some). */
export function withSessionSettings(url: string): string {
  const u = new URL(url);
  u.searchParams.set('options', [u.searchParams.get('options'), ...PG_SESSION_SETTINGS].filter(Boolean).join(' '));
  return u.toString();
}

/** `?` placeholders → `$1, $2 …` (the store's SQL never has `?` inside literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** 64-bit integers (counts, BIGSERIAL) as JavaScript numbers: ours stay far below 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Parameters as sent: strings through textParam (PostgreSQL text cannot hold U+0000). */
function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => (typeof p === 'string' ? textParam(p) : p));
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const r = await client.query(numberPlaceholders(sql), bind(params));
      return r.rows as T[];
    },
    async values(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
      const r = await client.query({ text: numberPlaceholders(sql), values: bind(params), rowMode: 'array' });
      return r.rows as unknown[][];
    },
    async run(sql: string, params: readonly unknown[] = []): Promise<void> {
      await client.query(numberPlaceholders(sql), bind(params));
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

class PgDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  readonly maxParams = 60_000;
  private readonly base: SqlExecutor;

  constructor(private readonly pool: pg.Pool) {
    this.base = executor(pool);
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.base.all<T>(sql, params);
  }
  values(sql: string, params?: readonly unknown[]): Promise<unknown[][]> {
    return this.base.values(sql, params);
  }
  run(sql: string, params?: readonly unknown[]): Promise<void> {
    return this.base.run(sql, params);
  }
  exec(sql: string): Promise<void> {
    return this.base.exec(sql);
  }

  async transaction<T>(fn: (x: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(executor(client));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Connects to PostgreSQL (`postgres://user:pass@host:port/db`) and brings the schema up to date.
 * @example const store = await openPostgresStore(process.env.RASD_DB!)
 */
export async function openPostgresStore(url: string, opts: { parse?: ParseOptions } = {}): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString: withSessionSettings(url), max: PG_POOL_SIZE, types });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const store = new SqlStore(new PgDb(pool), { parse: opts.parse });
  try {
    await store.migrate();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  return store;
}
