import type { VulnStore } from '../types.js';
import { openDatabase } from './open-database.js';
import { SqliteStore } from './sqlite-store.js';

export interface SqliteStoreOptions {
  /** Open an existing database for lookups only (the scan path). */
  readonly?: boolean;
}

/** The embedded vulnerability database: one SQLite file (or ':memory:'). */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): VulnStore {
  const readonly = options.readonly ?? false;
  return new SqliteStore(openDatabase(file, readonly), file, readonly);
}
