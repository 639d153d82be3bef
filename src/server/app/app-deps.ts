import type { FastifyBaseLogger } from 'fastify';
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
  /** When set, GET /metrics needs `Authorization: Bearer <metricsKey>`. */
  metricsKey?: string;
  /** Largest upload accepted, bytes (default 8 GiB). */
  maxUploadBytes?: number;
  /** Hosts webhooks may reach though the address rule refuses them (`--allow-webhook-host`). */
  allowedWebhookHosts?: string[];
  now?: () => Date;
}
