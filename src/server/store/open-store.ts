import { MIGRATIONS, migrate } from './migrations/index.js';
import { PostgresDriver } from './sql/postgres-driver.js';
import type { SqlDriver } from './sql/sql-driver.js';
import { SqliteDriver } from './sql/sqlite-driver.js';
import { SqlServiceStore } from './sql-store/sql-service-store.js';
import type { ServiceStore } from './types.js';

export type ServiceStoreOptions =
  /** The embedded store: one SQLite file (its directory is created when missing). */
  | { sqlitePath: string }
  /** The shared store: postgres://user@host:port/database; poolSize defaults to 10. */
  | { databaseUrl: string; poolSize?: number };

/**
 * Opens the service's store and brings its schema up to date (one transaction, under a lock
 * that a second process opening the same database waits for). Rejects with a StoreError when
 * the database cannot be reached or was migrated by a newer Customs.
 */
export async function openServiceStore(options: ServiceStoreOptions): Promise<ServiceStore> {
  const driver = openDriver(options);
  try {
    await migrate(driver, MIGRATIONS);
  } catch (err) {
    await driver.close().catch(() => undefined);
    throw err;
  }
  return new SqlServiceStore(driver);
}

/** The driver alone, unmigrated (for the migrator's tests and tools). */
export function openDriver(options: ServiceStoreOptions): SqlDriver {
  return 'sqlitePath' in options
    ? SqliteDriver.open(options.sqlitePath)
    : PostgresDriver.open(options.databaseUrl, { max: options.poolSize });
}
