import type { SqlDialect } from '../sql/sql-driver.js';
import type { Migration } from './migration.js';

/**
 * Re-evaluation proportional to what changed, and trends. `analysis_lookups` indexes each stored
 * SBOM by the (namespace, package) pairs matching it can look up (see lookupKeys), so a feed
 * change finds the images it touches; analyses stored before this index exist are marked
 * `lookups_indexed = 0` and indexed by the store on the first re-evaluation pass (the pairs come
 * from the matcher, not from SQL). `trends` keeps one row per (account, image, time) a scan or an
 * evaluation was stored: counts by severity, KEV count, final action and feed state, never
 * recomputed on read.
 */
function up(dialect: SqlDialect): string[] {
  const id =
    dialect === 'sqlite'
      ? 'INTEGER PRIMARY KEY AUTOINCREMENT'
      : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
  return [
    `CREATE TABLE analysis_lookups (
      digest TEXT NOT NULL REFERENCES analyses (digest) ON DELETE CASCADE,
      namespace TEXT NOT NULL,
      name TEXT NOT NULL
    )`,
    `CREATE INDEX analysis_lookups_key ON analysis_lookups (name, namespace)`,
    `CREATE INDEX analysis_lookups_digest ON analysis_lookups (digest)`,
    `ALTER TABLE analyses ADD COLUMN lookups_indexed INTEGER NOT NULL DEFAULT 0`,
    `CREATE TABLE trends (
      id ${id},
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      digest TEXT NOT NULL,
      at TEXT NOT NULL,
      critical INTEGER NOT NULL,
      high INTEGER NOT NULL,
      medium INTEGER NOT NULL,
      low INTEGER NOT NULL,
      negligible INTEGER NOT NULL,
      unknown INTEGER NOT NULL,
      kev INTEGER NOT NULL,
      final_action TEXT,
      policy_id TEXT,
      feed_state TEXT NOT NULL
    )`,
    `CREATE INDEX trends_account_digest_at ON trends (account_id, digest, at)`,
    `CREATE INDEX trends_account_at ON trends (account_id, at)`,
  ];
}

const down = [
  'DROP TABLE trends',
  'ALTER TABLE analyses DROP COLUMN lookups_indexed',
  'DROP TABLE analysis_lookups',
];

export const reevaluationTrends: Migration = {
  version: 5,
  name: 'reevaluation-trends',
  up: { sqlite: up('sqlite'), postgres: up('postgres') },
  down: { sqlite: down, postgres: down },
};
