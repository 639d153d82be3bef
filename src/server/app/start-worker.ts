import path from 'node:path';
import type { Logger } from 'pino';
import { defaultDatabasePath } from '../../vulndb/default-path.js';
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
  type RunningHandlers,
} from '../worker/index.js';
import { createServiceLogger } from './logger-options.js';
import { defaultDataDir } from './start-service.js';

export interface WorkerProcessOptions {
  /** PostgreSQL holding the shared store and the pg-boss queue. */
  databaseUrl: string;
  /** Vulnerability data: an SQLite file or postgres://… (default the CLI's database). */
  vulnDb?: string;
  /** This machine's layer cache and uploads (DIR/layers, DIR/uploads). */
  dataDir?: string;
  concurrency?: number;
  insecureRegistries?: string[];
  /** Registry hosts allowed past the address rule though loopback, link-local or metadata (`--allow-registry-host`). */
  allowedRegistryHosts?: string[];
  feeds?: FeedSyncSettings;
  /** Webhook delivery: hosts allowed past the address rule, retries. */
  notifications?: DeliverySettings;
  /** Retry and expiry of the jobs this process enqueues, and how often it looks for expired ones. */
  jobDefaults?: Partial<typeof JOB_DEFAULTS>;
  /** The scheduled jobs of this process's workers: the watch sweep and the feed sync. */
  schedules?: Pick<WorkerOptions, 'watchSweepSeconds' | 'feedSyncIntervalSeconds'>;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
}

export interface RunningWorkers {
  /** Stops taking jobs; running ones get `timeoutMs` to finish, then go back to the queue. */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * A worker process (`customs worker`): the shared store and the pg-boss queue on PostgreSQL,
 * the handlers of every job registered. The secret key must be the API's (CUSTOMS_SECRET_KEY or
 * the data dir's key file): a worker never makes a new one, since it could open no password.
 */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<RunningWorkers> {
  const env = options.env ?? process.env;
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir(env));
  const secretBox = loadSecretBox({ env, dataDir, createKeyFile: false });
  const logger = options.logger ?? createServiceLogger();
  const store = await openServiceStore({ databaseUrl: options.databaseUrl });
  const queue = openJobQueue(
    { databaseUrl: options.databaseUrl },
    {
      pollIntervalMs: 1000,
      ...(options.jobDefaults ? { defaults: options.jobDefaults } : {}),
      onError: (err) => logger.warn({ err }, 'job queue error'),
    },
  );
  let handlers: RunningHandlers;
  try {
    await queue.start();
    handlers = await startWorkers(
      queue,
      {
        store,
        vulnData: options.vulnDb ?? defaultDatabasePath(env),
        secretBox,
        dataDir,
        layerCache: serviceLayerCache(dataDir, store),
        ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
        ...(options.allowedRegistryHosts ? { allowedRegistryHosts: options.allowedRegistryHosts } : {}),
        ...(options.feeds ? { feeds: options.feeds } : {}),
        ...(options.notifications ? { notifications: options.notifications } : {}),
        log: logger,
      },
      { concurrency: options.concurrency ?? 1, ...options.schedules },
    );
  } catch (err) {
    await queue.stop({ timeoutMs: 0 }).catch(() => undefined);
    await store.close();
    throw err;
  }
  logger.info({ concurrency: options.concurrency ?? 1, pid: process.pid }, 'worker started');
  return {
    async close(closeOptions = {}) {
      await handlers.stop();
      await queue.stop({ timeoutMs: closeOptions.timeoutMs ?? 10_000 });
      await store.close();
    },
  };
}
