import type { SqlDialect } from '../sql/sql-driver.js';
import type { Migration } from './migration.js';

/**
 * The events the service records (tag_update, vuln_update, policy_eval, analysis_update), per
 * account, numbered in the order they were recorded so a reader can ask for those after the last
 * one it saw.
 */
function up(dialect: SqlDialect): string[] {
  const id =
    dialect === 'sqlite'
      ? 'INTEGER PRIMARY KEY AUTOINCREMENT'
      : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
  return [
    `CREATE TABLE events (
      id ${id},
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      digest TEXT,
      full_tag TEXT,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX events_account_id ON events (account_id, id)`,
  ];
}

const down = ['DROP TABLE events'];

export const events: Migration = {
  version: 3,
  name: 'events',
  up: { sqlite: up('sqlite'), postgres: up('postgres') },
  down: { sqlite: down, postgres: down },
};
