// Numbered schema migrations. Each one is SQL for both dialects, applied in order inside one
// transaction and recorded in schema_migrations (version, name, applied_at). Never edit a migration
// that has shipped: add the next number. They are TypeScript strings so the build ships them.
import { migration001 } from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** All migrations, in version order. */
export const MIGRATIONS: readonly Migration[] = [migration001];

/** The table that records applied migrations (same DDL in both dialects). */
export const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
