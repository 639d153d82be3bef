import type Database from 'better-sqlite3';
import { StoreError } from '../../../errors/index.js';

/**
 * The in-process queue's tables, kept apart from the service store's (prefix `queue_`, their own
 * version row) so the two can share one SQLite file and migrate independently.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE queue_jobs (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     data TEXT NOT NULL,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     retry_limit INTEGER NOT NULL,
     retry_delay_ms INTEGER NOT NULL,
     expire_in_ms INTEGER NOT NULL,
     singleton_key TEXT,
     run_after INTEGER NOT NULL,
     started_at INTEGER,
     lease TEXT,
     error TEXT,
     created_at TEXT NOT NULL,
     completed_at TEXT
   );
   CREATE UNIQUE INDEX queue_jobs_singleton ON queue_jobs (name, singleton_key)
     WHERE singleton_key IS NOT NULL AND state IN ('queued', 'retry', 'active');
   CREATE INDEX queue_jobs_next ON queue_jobs (name, state, run_after);`,
];

export const QUEUE_SCHEMA_VERSION = MIGRATIONS.length;

/** Creates or upgrades the queue's tables; safe to call from every process that opens the file. */
export function migrateQueueSchema(db: Database.Database): void {
  const migrate = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS queue_schema (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM queue_schema').get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > QUEUE_SCHEMA_VERSION) {
      throw new StoreError(
        `the job queue's tables are at version ${current}, newer than this Customs knows (${QUEUE_SCHEMA_VERSION}): upgrade Customs`,
      );
    }
    for (let v = current; v < QUEUE_SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    if (row === undefined)
      db.prepare('INSERT INTO queue_schema (version) VALUES (?)').run(QUEUE_SCHEMA_VERSION);
    else if (current !== QUEUE_SCHEMA_VERSION)
      db.prepare('UPDATE queue_schema SET version = ?').run(QUEUE_SCHEMA_VERSION);
  });
  migrate.immediate();
}
