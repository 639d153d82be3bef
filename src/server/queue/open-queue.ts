import { JOB_DEFAULTS } from './job-defaults.js';
import { InProcessQueue } from './in-process/in-process-queue.js';
import { PgBossQueue } from './pg-boss/pg-boss-queue.js';
import type { JobQueue } from './types.js';

export type QueueLocation = { sqlitePath: string } | { databaseUrl: string };

export interface OpenQueueOptions {
  /** In-process: how often idle workers look for due jobs (ms). */
  pollIntervalMs?: number;
  /** pg-boss: how often expired jobs of dead workers are given back. */
  maintenanceIntervalSeconds?: number;
  /** Retry and expiry settings of the jobs this process enqueues (the job defaults otherwise). */
  defaults?: Partial<typeof JOB_DEFAULTS>;
  /** Errors of the queue's background work; it keeps going. */
  onError?: (error: unknown) => void;
}

/** The queue beside the store: in-process over the SQLite file, pg-boss over PostgreSQL. Not started. */
export function openJobQueue(location: QueueLocation, options: OpenQueueOptions = {}): JobQueue {
  const defaults = options.defaults ? { defaults: options.defaults } : {};
  if ('databaseUrl' in location) {
    // Expired jobs of dead workers are looked for at least twice per expiry (at most every 30 s).
    const expire = options.defaults?.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds;
    const maintenance =
      options.maintenanceIntervalSeconds ?? Math.min(30, Math.max(1, Math.floor(expire / 2)));
    return new PgBossQueue({
      databaseUrl: location.databaseUrl,
      maintenanceIntervalSeconds: maintenance,
      ...defaults,
      ...(options.pollIntervalMs !== undefined
        ? { pollIntervalSeconds: Math.max(0.5, options.pollIntervalMs / 1000) }
        : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }
  return new InProcessQueue({
    sqlitePath: location.sqlitePath,
    ...defaults,
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
