import type { RateLimitSettings } from './rate-limit-settings.js';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Logger } from 'pino';
import path from 'node:path';
import { UsageError } from '../../errors/index.js';
import { defaultDatabasePath } from '../../vulndb/default-path.js';
import { bootstrapAdmin } from '../auth/bootstrap-admin.js';
import type { AdmissionSettings } from '../admission/admission-settings.js';
import type { JOB_DEFAULTS } from '../queue/job-defaults.js';
import type { DeliverySettings } from '../notifications/delivery-loop.js';
import { openJobQueue } from '../queue/open-queue.js';
import { openServiceStore } from '../store/open-store.js';
import { loadSecretBox } from '../store/secret-box/index.js';
import {
  serviceLayerCache,
  startWorkers,
  type FeedSyncSettings,
  type WorkerOptions,
} from '../worker/index.js';
import { buildApp } from './build-app.js';
import { createServiceLogger } from './logger-options.js';

export interface ServiceOptions {
  port?: number;
  host?: string;
  /** The embedded store's directory (customs.db, uploads/, secret.key); the default when no URL is given. */
  dataDir?: string;
  /** PostgreSQL for the store and the queue (many API and worker processes). */
  databaseUrl?: string;
  /** Vulnerability data: an SQLite file or postgres://… (default the CLI's database). */
  vulnDb?: string;
  metricsKey?: string;
  /** API rate limits (default DEFAULT_RATE_LIMITS). */
  rateLimits?: RateLimitSettings;
  insecureRegistries?: string[];
  /** Registry hosts allowed past the address rule though loopback, link-local or metadata (`--allow-registry-host`). */
  allowedRegistryHosts?: string[];
  /** CUSTOMS_ADMIN_KEY: the admin key the first start uses instead of a new one. */
  adminKey?: string;
  /**
   * Job handlers run in this process, this many images at once. Default: 1 in the embedded mode
   * (one process does everything), 0 with a database URL (`customs worker` processes run them).
   */
  workers?: number;
  /** How `sync-feeds` jobs update the vulnerability data. */
  feeds?: FeedSyncSettings;
  /** Webhook delivery: hosts allowed past the address rule, retries. */
  notifications?: DeliverySettings;
  /** Retry and expiry of the jobs this process enqueues. */
  jobDefaults?: Partial<typeof JOB_DEFAULTS>;
  /** The scheduled jobs of this process's workers: the watch sweep and the feed sync. */
  schedules?: Pick<WorkerOptions, 'watchSweepSeconds' | 'feedSyncIntervalSeconds'>;
  /** The API's and the workers' log (default JSON lines on stdout, credentials redacted). */
  logger?: Logger;
  /** Serve HTTPS with this PEM key and certificate (files read at start). */
  tls?: { keyFile: string; certFile: string };
  /** The admission webhook's deadline (default 8 s). */
  admission?: Partial<AdmissionSettings>;
  env?: NodeJS.ProcessEnv;
}

export interface RunningService {
  /** http://host:port */
  address: string;
  /** The admin key this start created (shown once), when it created one. */
  createdAdminKey?: string;
  close(): Promise<void>;
}

/** `$XDG_DATA_HOME/customs/server`, else `~/.local/share/customs/server`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : path.join(homedir(), '.local', 'share');
  return path.join(base, 'customs', 'server');
}

/** Opens the store and the queue, makes sure the admin account exists, and listens. */
export async function startService(options: ServiceOptions = {}): Promise<RunningService> {
  const env = options.env ?? process.env;
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir(env));
  const location = options.databaseUrl
    ? { databaseUrl: options.databaseUrl }
    : { sqlitePath: path.join(dataDir, 'customs.db') };
  const store = await openServiceStore(location);
  const secretBox = loadSecretBox({ env, dataDir });
  const { createdKey } = await bootstrapAdmin(store, options.adminKey ?? env.CUSTOMS_ADMIN_KEY);
  const logger = options.logger ?? createServiceLogger();
  const queue = openJobQueue(location, {
    ...(options.jobDefaults ? { defaults: options.jobDefaults } : {}),
    onError: (err) => logger.warn({ err }, 'job queue error'),
  });
  await queue.start();
  const vulnData = options.vulnDb ?? defaultDatabasePath(env);
  const workers = options.workers ?? (options.databaseUrl ? 0 : 1);
  const handlers =
    workers > 0
      ? await startWorkers(
          queue,
          {
            store,
            vulnData,
            secretBox,
            dataDir,
            layerCache: serviceLayerCache(dataDir, store),
            ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
            ...(options.allowedRegistryHosts ? { allowedRegistryHosts: options.allowedRegistryHosts } : {}),
            ...(options.feeds ? { feeds: options.feeds } : {}),
            ...(options.notifications ? { notifications: options.notifications } : {}),
            log: logger,
          },
          { concurrency: workers, ...options.schedules },
        )
      : undefined;
  const app = await buildApp({
    store,
    queue,
    vulnData,
    secretBox,
    logger,
    dataDir,
    ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
    ...(options.allowedRegistryHosts ? { allowedRegistryHosts: options.allowedRegistryHosts } : {}),
    ...(options.metricsKey !== undefined ? { metricsKey: options.metricsKey } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.admission ? { admission: options.admission } : {}),
    ...(options.tls ? { tls: await readTls(options.tls) } : {}),
    ...(options.notifications?.allowedHosts
      ? { allowedWebhookHosts: [...options.notifications.allowedHosts] }
      : {}),
  });
  const address = await app.listen({ port: options.port ?? 8228, host: options.host ?? '127.0.0.1' });
  return {
    address,
    ...(createdKey !== undefined ? { createdAdminKey: createdKey } : {}),
    async close() {
      await app.close();
      await handlers?.stop();
      await queue.stop({ timeoutMs: 10_000 });
      await store.close();
    },
  };
}

/** The key and certificate files, each refused in one line when it cannot be read. */
async function readTls(files: { keyFile: string; certFile: string }): Promise<{ key: Buffer; cert: Buffer }> {
  const read = async (file: string, what: string): Promise<Buffer> => {
    try {
      return await readFile(file);
    } catch (err) {
      throw new UsageError(
        `cannot read the TLS ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
  };
  return { key: await read(files.keyFile, 'key'), cert: await read(files.certFile, 'certificate') };
}
