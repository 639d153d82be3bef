import type { SqlDialect } from '../sql/sql-driver.js';
import type { Migration } from './migration.js';

/** Column types that differ between the dialects; everything else is written once. */
const TYPES: Record<SqlDialect, { bool: string; int: string; bytes: string }> = {
  sqlite: { bool: 'INTEGER', int: 'INTEGER', bytes: 'BLOB' },
  postgres: { bool: 'BOOLEAN', int: 'BIGINT', bytes: 'BYTEA' },
};

/**
 * Times are ISO-8601 UTC text (they sort as text); JSON documents are text (the store never
 * queries inside them: the package and vulnerability index rows are what queries read).
 */
function up(dialect: SqlDialect): string[] {
  const t = TYPES[dialect];
  return [
    `CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('admin', 'user')),
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT,
      last_used_at TEXT
    )`,
    `CREATE INDEX api_keys_account ON api_keys (account_id)`,
    `CREATE TABLE images (
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      digest TEXT NOT NULL,
      origin TEXT NOT NULL,
      analysis_status TEXT NOT NULL
        CHECK (analysis_status IN ('not_analyzed', 'analyzing', 'analyzed', 'analysis_failed')),
      failure_reason TEXT,
      annotations TEXT NOT NULL,
      metadata TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      analyzed_at TEXT,
      PRIMARY KEY (account_id, digest)
    )`,
    `CREATE INDEX images_digest ON images (digest)`,
    `CREATE TABLE image_tags (
      account_id TEXT NOT NULL,
      digest TEXT NOT NULL,
      registry TEXT NOT NULL,
      repository TEXT NOT NULL,
      tag TEXT NOT NULL,
      full_tag TEXT NOT NULL,
      detected_at TEXT NOT NULL,
      PRIMARY KEY (account_id, digest, full_tag),
      FOREIGN KEY (account_id, digest) REFERENCES images (account_id, digest) ON DELETE CASCADE
    )`,
    `CREATE INDEX image_tags_full_tag ON image_tags (full_tag, account_id, detected_at)`,
    `CREATE TABLE analyses (
      digest TEXT PRIMARY KEY,
      sbom TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    `CREATE TABLE analysis_packages (
      digest TEXT NOT NULL REFERENCES analyses (digest) ON DELETE CASCADE,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      version TEXT NOT NULL,
      purl TEXT
    )`,
    `CREATE INDEX analysis_packages_name_type ON analysis_packages (name, type)`,
    `CREATE INDEX analysis_packages_digest ON analysis_packages (digest)`,
    `CREATE TABLE scans (
      digest TEXT PRIMARY KEY,
      scan TEXT NOT NULL,
      scanned_at TEXT NOT NULL
    )`,
    `CREATE TABLE scan_vulnerabilities (
      digest TEXT NOT NULL REFERENCES scans (digest) ON DELETE CASCADE,
      vulnerability_id TEXT NOT NULL,
      severity TEXT NOT NULL,
      package_name TEXT NOT NULL,
      package_version TEXT NOT NULL,
      package_type TEXT NOT NULL,
      fix_state TEXT NOT NULL,
      fix_versions TEXT NOT NULL
    )`,
    `CREATE INDEX scan_vulnerabilities_id ON scan_vulnerabilities (vulnerability_id)`,
    `CREATE INDEX scan_vulnerabilities_digest ON scan_vulnerabilities (digest)`,
    `CREATE TABLE policies (
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      policy_id TEXT NOT NULL,
      name TEXT NOT NULL,
      bundle TEXT NOT NULL,
      active ${t.bool} NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (account_id, policy_id)
    )`,
    // The one-active-bundle rule, kept by the database itself.
    `CREATE UNIQUE INDEX policies_one_active ON policies (account_id) WHERE active`,
    `CREATE TABLE evaluations (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      digest TEXT NOT NULL,
      tag TEXT NOT NULL,
      policy_id TEXT NOT NULL,
      final_action TEXT NOT NULL,
      result TEXT NOT NULL,
      feed_state TEXT NOT NULL,
      evaluated_at TEXT NOT NULL
    )`,
    `CREATE INDEX evaluations_account_digest_time ON evaluations (account_id, digest, evaluated_at)`,
    `CREATE TABLE registry_credentials (
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
      registry TEXT NOT NULL,
      name TEXT,
      username TEXT NOT NULL,
      sealed_password TEXT NOT NULL,
      type TEXT NOT NULL,
      verify_tls ${t.bool} NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (account_id, registry)
    )`,
    `CREATE TABLE layer_blobs (
      key TEXT PRIMARY KEY,
      data ${t.bytes} NOT NULL,
      size ${t.int} NOT NULL,
      created_at TEXT NOT NULL,
      used_at TEXT NOT NULL
    )`,
  ];
}

const TABLES_NEWEST_FIRST = [
  'layer_blobs',
  'registry_credentials',
  'evaluations',
  'policies',
  'scan_vulnerabilities',
  'scans',
  'analysis_packages',
  'analyses',
  'image_tags',
  'images',
  'api_keys',
  'accounts',
];

/** Dropping a table drops its indexes. */
const down = TABLES_NEWEST_FIRST.map((table) => `DROP TABLE ${table}`);

export const initialSchema: Migration = {
  version: 1,
  name: 'initial-schema',
  up: { sqlite: up('sqlite'), postgres: up('postgres') },
  down: { sqlite: down, postgres: down },
};
