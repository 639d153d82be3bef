import type { Migration } from './migration.js';

/**
 * Watches: an account's tags polled for a new digest (kind `tag`) and repositories polled for new
 * tags (kind `repository`, at most `tag_limit` new tags a run), each on its own interval. A
 * repository watch's `tag` is '' so one unique key covers both kinds. `watch_tags` holds the
 * tags a repository watch has already taken.
 */
const up = [
  `CREATE TABLE watches (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    registry TEXT NOT NULL,
    repository TEXT NOT NULL,
    tag TEXT NOT NULL,
    interval_seconds INTEGER NOT NULL,
    tag_limit INTEGER,
    active INTEGER NOT NULL,
    last_digest TEXT,
    last_image_digest TEXT,
    last_etag TEXT,
    last_checked_at TEXT,
    last_error TEXT,
    next_check_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (account_id, kind, registry, repository, tag)
  )`,
  `CREATE INDEX watches_due ON watches (active, next_check_at)`,
  `CREATE TABLE watch_tags (
    watch_id TEXT NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    digest TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (watch_id, tag)
  )`,
];

const down = ['DROP TABLE watch_tags', 'DROP TABLE watches'];

export const watches: Migration = {
  version: 6,
  name: 'watches',
  up: { sqlite: up, postgres: up },
  down: { sqlite: down, postgres: down },
};
