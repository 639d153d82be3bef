import type { LayerCache } from '../../layer-cache/index.js';
import type { VulnerabilityData } from '../../usecases/types.js';
import type { SyncConfig, SyncProvider } from '../../vulndb/sync/index.js';
import type { DeliverySettings } from '../notifications/delivery-loop.js';
import type { JobQueue } from '../queue/types.js';
import type { VulnerabilityReader } from './vulnerability-reader.js';
import type { CheckBundleCache } from '../services/check-bundle-cache.js';
import type { SecretBox } from '../store/secret-box/index.js';
import type { ServiceStore } from '../store/types.js';

/** Where job handlers report what they did; a pino logger fits. Never given a secret. */
export interface WorkerLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** How `sync-feeds` brings the vulnerability data up to date. */
export interface FeedSyncSettings {
  /**
   * Local feed files, folders or archives to import instead of downloading (air-gapped sites,
   * tests): the same reading as `customs db import`.
   */
  importPaths?: string[];
  /** Feed URLs for the download path (`customs db update`); default the built-in ones. */
  config?: SyncConfig;
  /** Providers to download (default all but NVD). */
  providers?: SyncProvider[];
}

/** What the job handlers run on. */
export interface WorkerDeps {
  store: ServiceStore;
  /** The vulnerability data scans read and `sync-feeds` writes (an open store or its location). */
  vulnData: VulnerabilityData;
  /** The same data kept open across jobs (startWorkers makes one); absent, each scan opens it. */
  vulnReader?: VulnerabilityReader;
  /** Stored bundles read once across jobs (startWorkers makes one); absent, read per job. */
  bundles?: CheckBundleCache;
  secretBox: SecretBox;
  /** The service's data directory: uploaded archives (DIR/uploads) and the layer cache (DIR/layers). */
  dataDir: string;
  /** Layer indexes from earlier analyses (see serviceLayerCache); none when absent. */
  layerCache?: LayerCache;
  /** Registry hosts reached over plain HTTP or unverified TLS. */
  insecureRegistries?: string[];
  /** Registry hosts allowed past the address rule though loopback, link-local or metadata (`--allow-registry-host`). */
  allowedRegistryHosts?: string[];
  feeds?: FeedSyncSettings;
  /** Where a finished feed sync queues the re-evaluation of the images its changes touch (none when absent). */
  queue?: JobQueue;
  /** How the notification outbox is delivered (allowed hosts, retries); defaults when absent. */
  notifications?: DeliverySettings & { intervalMs?: number };
  log?: WorkerLog;
  now?: () => Date;
}
