// The corpus store: `openStore()` picks the backend from a URL or path.
//   postgres://… or postgresql://…  → PostgreSQL (src/store/postgres.ts)
//   anything else                   → a SQLite file (src/store/sqlite.ts); ":memory:" works too
// Without an argument: $RASD_DB, else ./rasd.db.
import { openSqliteStore } from './sqlite.js';
import { openPostgresStore } from './postgres.js';
import type { Store } from './types.js';

export type * from './types.js';
export { prepareArticle, contentHash, articleIdFromHash, dayRange } from './prepare.js';
export { SqlStore } from './sql.js';

/** Default SQLite file when neither an argument nor $RASD_DB is given. */
export const DEFAULT_DB = './rasd.db';

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

/** The database a command should use: the argument, else $RASD_DB, else ./rasd.db. */
export function resolveDbLocation(urlOrPath?: string | null): string {
  return urlOrPath || process.env.RASD_DB || DEFAULT_DB;
}

/**
 * Opens the store at a PostgreSQL URL or a SQLite path and migrates it.
 * @example const store = await openStore('postgres://rasd:rasd@127.0.0.1/rasd')
 * @example const store = await openStore() // $RASD_DB or ./rasd.db
 */
export async function openStore(urlOrPath?: string | null): Promise<Store> {
  const where = resolveDbLocation(urlOrPath);
  return isPostgresUrl(where) ? openPostgresStore(where) : openSqliteStore(where);
}
