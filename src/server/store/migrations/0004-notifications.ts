import type { SqlDialect } from '../sql/sql-driver.js';
import type { Migration } from './migration.js';

const TYPES: Record<SqlDialect, { bool: string; int: string }> = {
  sqlite: { bool: 'INTEGER', int: 'INTEGER' },
  postgres: { bool: 'BOOLEAN', int: 'BIGINT' },
};

/**
 * Notifications: an account's webhooks (where to deliver, in which format, with a sealed signing
 * secret), its subscriptions (which events, for which images, to which webhook), and the
 * deliveries outbox: one row per (event, webhook), written in the event's own transaction, so a
 * recorded event always has its deliveries and none is lost to a restart.
 */
function up(dialect: SqlDialect): string[] {
  const t = TYPES[dialect];
  return [
    `CREATE TABLE webhooks (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      url TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('generic', 'slack', 'teams', 'jira')),
      options TEXT NOT NULL,
      sealed_secret TEXT NOT NULL,
      sealed_auth TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    `CREATE INDEX webhooks_account ON webhooks (account_id)`,
    `CREATE TABLE subscriptions (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      type TEXT NOT NULL CHECK (type IN ('tag_update', 'vuln_update', 'policy_eval', 'analysis_update')),
      scope TEXT NOT NULL,
      webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
      active ${t.bool} NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX subscriptions_match ON subscriptions (account_id, type, scope)`,
    `CREATE TABLE deliveries (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      event_id ${t.int} NOT NULL REFERENCES events (id) ON DELETE CASCADE,
      webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
      attempts ${t.int} NOT NULL,
      next_attempt_at TEXT NOT NULL,
      claim_token TEXT,
      last_status ${t.int},
      last_error TEXT,
      delivered_at TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (event_id, webhook_id)
    )`,
    `CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at)`,
    `CREATE INDEX deliveries_event ON deliveries (account_id, event_id)`,
  ];
}

const down = ['DROP TABLE deliveries', 'DROP TABLE subscriptions', 'DROP TABLE webhooks'];

export const notifications: Migration = {
  version: 4,
  name: 'notifications',
  up: { sqlite: up('sqlite'), postgres: up('postgres') },
  down: { sqlite: down, postgres: down },
};
