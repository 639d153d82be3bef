/**
 * The vulnerability database schema, one text for SQLite and PostgreSQL (only types both read
 * the same way). Rows are keyed by (provider, vulnerability id) so that two providers can hold
 * the same CVE; `gen` is the write session that last wrote a row, which is how
 * `replaceProvider` tells this session's rows from older ones.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS vulnerabilities (
     provider TEXT NOT NULL, id TEXT NOT NULL, summary TEXT, description TEXT,
     severity TEXT NOT NULL, published TEXT, modified TEXT, withdrawn TEXT,
     gen INTEGER NOT NULL, PRIMARY KEY (provider, id))`,
  `CREATE INDEX IF NOT EXISTS vulnerabilities_by_id ON vulnerabilities (id)`,
  `CREATE INDEX IF NOT EXISTS vulnerabilities_by_gen ON vulnerabilities (provider, gen)`,
  `CREATE TABLE IF NOT EXISTS aliases (
     provider TEXT NOT NULL, vulnerability_id TEXT NOT NULL, alias TEXT NOT NULL,
     PRIMARY KEY (provider, vulnerability_id, alias))`,
  `CREATE INDEX IF NOT EXISTS aliases_by_alias ON aliases (alias)`,
  `CREATE TABLE IF NOT EXISTS cvss (
     provider TEXT NOT NULL, vulnerability_id TEXT NOT NULL, version TEXT NOT NULL,
     vector TEXT NOT NULL, base_score DOUBLE PRECISION NOT NULL, source TEXT)`,
  `CREATE INDEX IF NOT EXISTS cvss_by_vulnerability ON cvss (provider, vulnerability_id)`,
  `CREATE TABLE IF NOT EXISTS vuln_references (
     provider TEXT NOT NULL, vulnerability_id TEXT NOT NULL, url TEXT NOT NULL,
     PRIMARY KEY (provider, vulnerability_id, url))`,
  `CREATE TABLE IF NOT EXISTS affected (
     provider TEXT NOT NULL, vulnerability_id TEXT NOT NULL, namespace TEXT NOT NULL,
     package TEXT NOT NULL, scheme TEXT NOT NULL, ranges TEXT NOT NULL, versions TEXT,
     constraints TEXT, fix_state TEXT NOT NULL, fixed_versions TEXT NOT NULL, severity TEXT,
     fix_published TEXT)`,
  `CREATE INDEX IF NOT EXISTS affected_by_package ON affected (namespace, package)`,
  `CREATE INDEX IF NOT EXISTS affected_by_vulnerability ON affected (provider, vulnerability_id)`,
  `CREATE TABLE IF NOT EXISTS epss (
     cve TEXT PRIMARY KEY, score DOUBLE PRECISION NOT NULL, percentile DOUBLE PRECISION NOT NULL,
     score_date TEXT NOT NULL, provider TEXT NOT NULL, gen INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS kev (
     cve TEXT PRIMARY KEY, date_added TEXT NOT NULL, due_date TEXT, ransomware INTEGER,
     vendor_project TEXT, product TEXT, provider TEXT NOT NULL, gen INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS providers (
     name TEXT PRIMARY KEY, last_sync TEXT NOT NULL, source TEXT, rejected INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS sync_state (
     provider TEXT PRIMARY KEY, state TEXT NOT NULL, updated TEXT NOT NULL)`,
];

/** Child tables of a vulnerability row, deleted with it. */
export const CHILD_TABLES = ['aliases', 'cvss', 'vuln_references', 'affected'] as const;

/** Meta keys. */
export const META_GENERATION = 'generation';
export const META_KEV_CATALOG_VERSION = 'kev.catalogVersion';
