import { createHash } from 'node:crypto';
import { StoreError } from '../../../errors/index.js';
import type { SqlDialect, SqlDriver, SqlExecutor } from '../sql/sql-driver.js';
import type { Migration } from './migration.js';

/** The store's record of applied migrations. */
export const MIGRATIONS_TABLE = 'schema_migrations';

export interface MigrationOutcome {
  /** Versions applied (up) or reverted (down) by this call, in the order they ran. */
  applied: number[];
  reverted: number[];
  /** The schema version afterwards (0: empty). */
  version: number;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/** SHA-256 of what a migration's up does in this dialect. */
export function migrationChecksum(migration: Migration, dialect: SqlDialect): string {
  const hash = createHash('sha256');
  for (const statement of migration.up[dialect]) hash.update(statement).update('\0');
  return hash.digest('hex');
}

/**
 * Brings the schema to `target` (default: the newest migration) in one transaction under the
 * store-wide lock, so a second process opening the same database waits and then finds nothing
 * left to do. Refuses a database that a newer Customs migrated, and one whose applied
 * migrations differ from this code's. Going down to 0 also drops the bookkeeping table.
 */
export async function migrate(
  driver: SqlDriver,
  migrations: readonly Migration[],
  target = migrations.length,
): Promise<MigrationOutcome> {
  checkSequence(migrations);
  if (!Number.isInteger(target) || target < 0 || target > migrations.length) {
    throw new StoreError(
      `${driver.location}: no schema version ${target} (known: 0 to ${migrations.length})`,
    );
  }
  return driver.exclusiveTransaction(async (tx) => {
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        checksum TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`,
    );
    const { rows } = await tx.query<AppliedRow>(
      `SELECT version, name, checksum FROM ${MIGRATIONS_TABLE} ORDER BY version`,
    );
    const current = checkApplied(driver, migrations, rows);
    const outcome: MigrationOutcome = { applied: [], reverted: [], version: current };
    for (let v = current + 1; v <= target; v++) {
      const migration = migrations[v - 1]!;
      await runAll(tx, migration.up[driver.dialect]);
      await tx.query(
        `INSERT INTO ${MIGRATIONS_TABLE} (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)`,
        [v, migration.name, migrationChecksum(migration, driver.dialect), new Date().toISOString()],
      );
      outcome.applied.push(v);
    }
    for (let v = current; v > target; v--) {
      await runAll(tx, migrations[v - 1]!.down[driver.dialect]);
      await tx.query(`DELETE FROM ${MIGRATIONS_TABLE} WHERE version = $1`, [v]);
      outcome.reverted.push(v);
    }
    if (target === 0) await tx.query(`DROP TABLE ${MIGRATIONS_TABLE}`);
    outcome.version = target;
    return outcome;
  });
}

async function runAll(tx: SqlExecutor, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await tx.query(statement);
}

/** The applied rows must be this code's migrations 1…n, unchanged; returns n. */
function checkApplied(driver: SqlDriver, migrations: readonly Migration[], rows: AppliedRow[]): number {
  const newest = rows.at(-1)?.version ?? 0;
  if (newest > migrations.length) {
    throw new StoreError(
      `${driver.location} has schema version ${newest}, newer than this Customs knows (${migrations.length}): upgrade Customs`,
    );
  }
  rows.forEach((row, i) => {
    const migration = migrations[i];
    if (!migration || Number(row.version) !== migration.version) {
      throw new StoreError(`${driver.location}: schema migration ${i + 1} is missing from its record`);
    }
    if (row.checksum !== migrationChecksum(migration, driver.dialect)) {
      throw new StoreError(
        `${driver.location}: schema migration ${migration.version} (${row.name}) was applied from different SQL than this Customs has`,
      );
    }
  });
  return rows.length;
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new StoreError(
        `schema migration ${migration.name} has version ${migration.version}, expected ${i + 1}`,
      );
    }
  });
}
