import type { RateLimitSettings } from './rate-limit-settings.js';
import type { FastifyBaseLogger } from 'fastify';
import type { AdmissionSettings } from '../admission/admission-settings.js';
import type { VulnerabilityData } from '../../usecases/types.js';
import type { JobQueue } from '../queue/types.js';
import type { ServiceStore } from '../store/types.js';

export type { SecretBox } from '../store/secret-box/index.js';
import type { SecretBox } from '../store/secret-box/index.js';

/** What the API runs on. */
export interface AppDeps {
  store: ServiceStore;
  queue: JobQueue;
  /** The vulnerability data checks and feed status read (an open store or its location). */
  vulnData: VulnerabilityData;
  secretBox: SecretBox;
  /** A pino logger (fastify's own is made when absent), or false for none. */
  logger?: FastifyBaseLogger | false;
  /** Where uploads are written (DIR/uploads). */
  dataDir: string;
  /** Registry hosts reached over plain HTTP or unverified TLS. */
  insecureRegistries?: string[];
  /** Registry hosts allowed past the address rule though loopback, link-local or metadata (`--allow-registry-host`). */
  allowedRegistryHosts?: string[];
  /** Requests a minute per API key and per client address (default DEFAULT_RATE_LIMITS); 0 turns one off. */
  rateLimits?: RateLimitSettings;
  /** When set, GET /metrics needs `Authorization: Bearer <metricsKey>`. */
  metricsKey?: string;
  /** Largest upload accepted, bytes (default 8 GiB). */
  maxUploadBytes?: number;
  /** The built web UI to serve under /ui/ (default dist/web when built), or false for none. */
  webDir?: string | false;
  /** Serve HTTPS with this PEM key and certificate chain (default plain HTTP). */
  tls?: { key: Buffer; cert: Buffer };
  /** The admission webhook's deadline and polling (defaults: 8 s, 200 ms). */
  admission?: Partial<AdmissionSettings>;
  /** Hosts webhooks may reach though the address rule refuses them (`--allow-webhook-host`). */
  allowedWebhookHosts?: string[];
  now?: () => Date;
}
