import type { Sbom } from '../../model/sbom.js';
import type { KnownImage } from '../../provenance/index.js';
import type { ScanReport } from '../../scan/types.js';
import type { PackageContent } from '../views/package-content.js';
import type { VulnerabilityView } from '../views/vulnerability-view.js';
import type { EventRecord, EventType, NewEvent } from '../events/event-payloads.js';
import type { WebhookStore, SubscriptionStore, DeliveryStore } from './notification-types.js';
import type { LookupIndexStore, TrendStore } from './trend-types.js';
import type { WatchStore } from './watch-types.js';
import type { EvaluationStore, PolicyStore } from './policy-types.js';

export type * from './notification-types.js';
export type * from './trend-types.js';
export type * from './watch-types.js';
export type * from './policy-types.js';

/**
 * The service's system of record. One interface, implemented over SQLite (the embedded default,
 * one process) and PostgreSQL (many API and worker processes). Every account-owned record is
 * read and written through its account id: a method never returns another account's rows.
 * Times are ISO-8601 strings (UTC). Methods reject with typed errors (src/errors) only for a
 * broken store; "not found" is `undefined`, "already exists" is a ConflictError.
 */
export interface ServiceStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly accounts: AccountStore;
  readonly apiKeys: ApiKeyStore;
  readonly images: ImageStore;
  readonly analyses: AnalysisStore;
  readonly policies: PolicyStore;
  readonly evaluations: EvaluationStore;
  readonly registries: RegistryCredentialStore;
  /** Layer indexes shared by every worker (the service's LayerCache backing). */
  readonly layers: LayerBlobStore;
  /** What happened to the account's images (tag_update, vuln_update, policy_eval, analysis_update). */
  readonly events: EventStore;
  /** Where the account's notifications go, what it subscribed to, and the outbox (see notifications). */
  readonly webhooks: WebhookStore;
  readonly subscriptions: SubscriptionStore;
  readonly deliveries: DeliveryStore;
  /** Watched tags and repositories (polled by the watchers' jobs). */
  readonly watches: WatchStore;
  /** Which stored SBOMs can look up which (namespace, package) pairs (see lookupKeys). */
  readonly lookups: LookupIndexStore;
  /** Vulnerability counts and final actions per image over time, stored as they were computed. */
  readonly trends: TrendStore;
  /** Cheap round trip for readiness probes. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface Page<T> {
  items: T[];
  /** Rows matching the filter, ignoring limit/offset. */
  total: number;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

// ── accounts and keys ──────────────────────────────────────────────────────────────────────

export type AccountRole = 'admin' | 'user';

export interface Account {
  id: string;
  name: string;
  role: AccountRole;
  createdAt: string;
}

export interface AccountStore {
  create(input: { name: string; role: AccountRole }): Promise<Account>;
  get(id: string): Promise<Account | undefined>;
  byName(name: string): Promise<Account | undefined>;
  list(): Promise<Account[]>;
  /** Deletes the account and everything it owns (images, tags, policies, evaluations, keys, credentials). */
  delete(id: string): Promise<boolean>;
}

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  name: string;
  /** A hash of the secret part (never the key itself). */
  secretHash: string;
  createdAt: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

export interface ApiKeyStore {
  create(input: { id: string; accountId: string; name: string; secretHash: string }): Promise<ApiKeyRecord>;
  /** By key id, whichever account owns it (authentication looks keys up before it knows the account). */
  byId(id: string): Promise<ApiKeyRecord | undefined>;
  list(accountId: string): Promise<ApiKeyRecord[]>;
  revoke(accountId: string, id: string, at: string): Promise<boolean>;
  touch(id: string, at: string): Promise<void>;
}

// ── images ────────────────────────────────────────────────────────────────────────────────

export type AnalysisStatus = 'not_analyzed' | 'analyzing' | 'analyzed' | 'analysis_failed';

/** Where a worker reads the image from. */
export type ImageOrigin =
  | {
      kind: 'registry';
      /** A pull reference by digest: registry/repo@sha256:… */
      reference: string;
      /** Plain HTTP to this registry (a Harbor scan request for an http:// registry URL). */
      insecure?: boolean;
      /**
       * Credentials that came with the request (a Harbor robot account), sealed by the secret box
       * as JSON {username, password}; without them the account's registry credential is used.
       */
      sealedCredentials?: string;
    }
  | {
      kind: 'archive';
      format: 'oci-archive' | 'docker-archive';
      /** The uploaded file's id (under the service's uploads). */
      uploadId: string;
    }
  | { kind: 'sbom' };

export interface ImageSummaryMetadata {
  arch?: string;
  os?: string;
  distro?: string;
  distroVersion?: string;
  imageSize?: number;
  layerCount?: number;
}

export interface ImageRecord {
  accountId: string;
  /** The manifest digest (sha256:…): the image's identity. */
  digest: string;
  origin: ImageOrigin;
  analysisStatus: AnalysisStatus;
  /** Why the last analysis failed for good (dead-lettered job), shown to the user. */
  failureReason?: string;
  annotations: Record<string, string>;
  metadata: ImageSummaryMetadata;
  createdAt: string;
  updatedAt: string;
  analyzedAt?: string;
}

export interface ImageTag {
  registry: string;
  repository: string;
  tag: string;
  /** registry/repository:tag */
  fullTag: string;
  detectedAt: string;
}

export interface ImageWithTags extends ImageRecord {
  tags: ImageTag[];
}

export interface ImageFilter {
  fullTag?: string;
  analysisStatus?: AnalysisStatus;
}

export interface ImageStore {
  /** Creates the account's image or returns the existing one (then only its tags and annotations are merged in). */
  upsert(input: {
    accountId: string;
    digest: string;
    origin: ImageOrigin;
    annotations?: Record<string, string>;
    tag?: Omit<ImageTag, 'detectedAt'>;
    at: string;
  }): Promise<{ image: ImageWithTags; created: boolean }>;
  get(accountId: string, digest: string): Promise<ImageWithTags | undefined>;
  /** The account's images of these digests (two queries; those it does not hold are left out), in no order. */
  getMany(accountId: string, digests: readonly string[]): Promise<ImageWithTags[]>;
  list(accountId: string, filter: ImageFilter, page: PageRequest): Promise<Page<ImageWithTags>>;
  delete(accountId: string, digest: string): Promise<boolean>;
  /** Sets the status of every account's image with this digest (analysis is per digest, shared). */
  setStatus(
    digest: string,
    status: AnalysisStatus,
    detail: { at: string; failureReason?: string; metadata?: ImageSummaryMetadata },
  ): Promise<void>;
  /** Every account holding this digest (for events and re-evaluation). */
  holders(digest: string): Promise<string[]>;
  /**
   * Digests waiting for or under analysis whose status has not changed since `before` (the
   * reconciler looks for those whose job is gone), with one holder each.
   */
  unsettled(
    before: string,
    limit: number,
  ): Promise<{ digest: string; accountId: string; status: AnalysisStatus }[]>;
  /**
   * The digest the tag pointed to before `digest` (the newest other digest last seen with the tag
   * no later than `digest` was; the newest other one when `digest` never had the tag).
   */
  previousForTag(accountId: string, fullTag: string, digest: string): Promise<string | undefined>;
  /** The newest digest the account has seen behind a full tag. */
  latestForTag(accountId: string, fullTag: string): Promise<string | undefined>;
}

// ── analysis results (per digest, shared between accounts) ──────────────────────────────────

export interface PackageRow {
  type: string;
  name: string;
  version: string;
  purl?: string;
}

export interface VulnerabilityRow {
  vulnerabilityId: string;
  severity: string;
  packageName: string;
  packageVersion: string;
  packageType: string;
  fixState: string;
  fixVersions: string[];
}

export interface AnalysisStore {
  /** Stores the SBOM and its package index; replaces an earlier one for the digest. */
  putSbom(digest: string, sbom: Sbom, at: string): Promise<void>;
  getSbom(digest: string): Promise<Sbom | undefined>;
  /**
   * The layer diffIds (bottom first, normalised) of each of the account's images with a stored
   * SBOM whose diffIds are all known (what provenance compares), in no particular order.
   */
  layerLists(accountId: string): Promise<KnownImage[]>;
  /** Stores the latest scan of the digest and its vulnerability index. */
  putScan(digest: string, scan: ScanReport, at: string): Promise<void>;
  getScan(digest: string): Promise<{ scan: ScanReport; at: string } | undefined>;
  /** The stored SBOM without package metadata and relationships (see policySbomOf); none: undefined. */
  getPolicySbom(digest: string): Promise<Sbom | undefined>;
  /** The latest scan without its embedded SBOM (what a policy check reads with the stored SBOM). */
  getScanWithoutSbom(digest: string): Promise<{ scan: Omit<ScanReport, 'sbom'>; at: string } | undefined>;
  /** Every package of the stored SBOM as the content routes show it (no SBOM: undefined). */
  getPackageContent(digest: string): Promise<PackageContent[] | undefined>;
  /** Every match of the latest scan as the vulnerability routes show it, with the scan's time. */
  getVulnerabilityViews(
    digest: string,
  ): Promise<{ vulnerabilities: VulnerabilityView[]; at: string } | undefined>;
  /** Digests (of this account's images) whose SBOM holds a package by name (and type, version if given). */
  imagesByPackage(
    accountId: string,
    query: { name: string; type?: string; version?: string },
    page: PageRequest,
  ): Promise<Page<{ digest: string; packages: PackageRow[] }>>;
  /** Digests (of this account's images) whose latest scan matched the vulnerability id. */
  imagesByVulnerability(
    accountId: string,
    vulnerabilityId: string,
    page: PageRequest,
  ): Promise<Page<{ digest: string; vulnerabilities: VulnerabilityRow[] }>>;
}

// ── registry credentials ────────────────────────────────────────────────────────────────────

export interface RegistryCredentialRecord {
  accountId: string;
  /** Host[:port] the credential is for. */
  registry: string;
  name?: string;
  username: string;
  /** The password sealed by the service's secret box (never the plain text). */
  sealedPassword: string;
  type: 'docker_v2';
  verifyTls: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RegistryCredentialStore {
  put(
    record: Omit<RegistryCredentialRecord, 'createdAt' | 'updatedAt'> & { at: string },
  ): Promise<RegistryCredentialRecord>;
  get(accountId: string, registry: string): Promise<RegistryCredentialRecord | undefined>;
  list(accountId: string): Promise<RegistryCredentialRecord[]>;
  delete(accountId: string, registry: string): Promise<boolean>;
}

// ── layer indexes ───────────────────────────────────────────────────────────────────────────

export interface LayerBlobStore {
  get(key: string): Promise<Buffer | undefined>;
  /** Idempotent: a second put of the same key keeps one entry. */
  put(key: string, data: Buffer, at: string): Promise<void>;
  stats(): Promise<{ entries: number; bytes: number }>;
}

// ── events ──────────────────────────────────────────────────────────────────────────────────

export interface EventFilter {
  type?: EventType;
  digest?: string;
  fullTag?: string;
  /** Only events recorded after this one (a reader following the stream); then oldest first. */
  afterId?: string;
  /** Only events at or after this time. */
  since?: string;
}

export interface EventStore {
  /**
   * Records the event and, in the same transaction, a pending delivery for every webhook of the
   * account's active subscriptions matching it (type, and scope '*', the digest, or a full tag
   * the event names or that points at the digest).
   */
  add(event: NewEvent): Promise<EventRecord>;
  get(accountId: string, id: string): Promise<EventRecord | undefined>;
  /** Newest first, or oldest first after `afterId`. */
  list(accountId: string, filter: EventFilter, page: PageRequest): Promise<Page<EventRecord>>;
}
