export type * from './types.js';
export { openServiceStore, openDriver, type ServiceStoreOptions } from './open-store.js';
export { MIGRATIONS, migrate, type Migration, type MigrationOutcome } from './migrations/index.js';
export type { SqlDialect, SqlDriver, SqlExecutor, SqlValue } from './sql/sql-driver.js';
export { withSqliteFileLock } from './sql/sqlite-driver.js';
export * from './secret-box/index.js';
