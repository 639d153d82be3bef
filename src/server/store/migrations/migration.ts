import type { SqlDialect } from '../sql/sql-driver.js';

/**
 * One step of the store's schema. Versions count up from 1 without gaps; a migration, once
 * released, never changes (its checksum is recorded when it is applied and checked on every
 * open).
 */
export interface Migration {
  version: number;
  /** kebab-case, says what the step does. */
  name: string;
  up: Record<SqlDialect, readonly string[]>;
  /** Undoes `up` exactly: after the last down the schema is empty again. */
  down: Record<SqlDialect, readonly string[]>;
}
