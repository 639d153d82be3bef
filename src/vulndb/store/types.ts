import type { PackageChanges } from './changes/change-tracker.js';
import type { AffectedPackage, Cvss, EpssScore, KevEntry, Severity, Vulnerability } from '../model.js';

export type { PackageChanges } from './changes/change-tracker.js';

/** What `db status` reports per provider. */
export interface ProviderStatus {
  provider: string;
  vulnerabilities: number;
  affected: number;
  /** When this provider's data was last written (ISO 8601). */
  lastSync: string;
  /** Where it came from: a URL, or `import:<path>`. */
  source?: string;
  /** Records the last import or sync of this provider refused. */
  rejected: number;
}

export interface DatabaseStatus {
  /** sqlite:<path> or postgres://… (password removed). */
  location: string;
  schemaVersion: number;
  providers: ProviderStatus[];
  epss: { scores: number; date?: string };
  kev: { entries: number; catalogVersion?: string };
  /** Newest lastSync of all providers. */
  lastSync?: string;
}

/** What one provider's record of an id says about its severity (before records are merged). */
export interface ProviderRating {
  provider: string;
  severity: Severity;
  cvss: Cvss[];
}

/** A vulnerability with what the database knows beside it (EPSS, KEV). */
export interface StoredVulnerability extends Vulnerability {
  epss?: EpssScore;
  kev?: KevEntry;
  /**
   * Each provider's own rating of this id, in the merge's order (the merged `severity` is only
   * the first): severity fallbacks need to tell NVD's CVSS from a distro's word. The stores
   * always set it; a record without it stands for its own provider.
   */
  ratings?: ProviderRating[];
}

/**
 * One import or sync, written as a whole or not at all: nothing is visible to readers until
 * `commit`, and a process killed before it leaves the database exactly as it was.
 */
export interface WriteSession {
  putVulnerability(vulnerability: Vulnerability, affected: readonly AffectedPackage[]): Promise<void>;
  /** `provider`: the provider the score belongs to, for replaceProvider (default 'epss'). */
  putEpss(score: EpssScore, provider?: string): Promise<void>;
  /** `provider`: as for putEpss (default 'kev'). */
  putKev(entry: KevEntry, provider?: string): Promise<void>;
  /** The KEV catalog's own version ('2025.08.25'), shown by `db status`. */
  setKevCatalogVersion(version: string): Promise<void>;
  /** Sync bookkeeping (`db update` progress, OSV cursors), written with this session. */
  setSyncState(key: string, value: string | undefined): Promise<void>;
  /** Replace everything `provider` wrote before by what this session wrote for it. */
  replaceProvider(provider: string): Promise<void>;
  recordProvider(status: Omit<ProviderStatus, 'vulnerabilities' | 'affected'>): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /**
   * After commit: the (namespace, package) pairs whose matching data this session changed
   * (records whose content differs from what was stored, deleted ones, KEV entries).
   */
  changes(): PackageChanges;
}

/**
 * The vulnerability database: embedded SQLite by default, the same schema on PostgreSQL for the
 * service. Lookups are by (namespace, package) — see AffectedPackage for the naming rules.
 */
export interface VulnStore {
  readonly location: string;
  affectedBy(namespace: string, packageName: string): Promise<AffectedPackage[]>;
  /** Many lookups at once (one round trip on PostgreSQL). Key: `${namespace}\u0000${package}`. */
  affectedByMany(
    keys: readonly { namespace: string; package: string }[],
  ): Promise<Map<string, AffectedPackage[]>>;
  vulnerabilities(ids: readonly string[]): Promise<Map<string, StoredVulnerability>>;
  namespaces(): Promise<string[]>;
  status(): Promise<DatabaseStatus>;
  begin(): Promise<WriteSession>;
  /** What setSyncState last committed under `key`. */
  syncState(key: string): Promise<string | undefined>;
  /**
   * The count of committed write sessions: it changes whenever a commit may have changed what
   * the store holds (a rolled-back session leaves it as it was), so a reader can keep what it
   * derived (the status) until it moves. One small read.
   */
  generation(): Promise<number>;
  close(): Promise<void>;
}
