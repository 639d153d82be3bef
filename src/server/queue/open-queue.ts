import { InProcessQueue } from './in-process/in-process-queue.js';
import { PgBossQueue } from './pg-boss/pg-boss-queue.js';
import type { JobQueue } from './types.js';

export type QueueLocation = { sqlitePath: string } | { databaseUrl: string };

export interface OpenQueueOptions {
  /** In-process: how often idle workers look for due jobs (ms). */
  pollIntervalMs?: number;
  /** pg-boss: how often expired jobs of dead workers are given back. */
  maintenanceIntervalSeconds?: number;
  /** Errors of the queue's background work; it keeps going. */
  onError?: (error: unknown) => void;
}

/** The queue beside the store: in-process over the SQLite file, pg-boss over PostgreSQL. Not started. */
export function openJobQueue(location: QueueLocation, options: OpenQueueOptions = {}): JobQueue {
  if ('databaseUrl' in location) {
    return new PgBossQueue({
      databaseUrl: location.databaseUrl,
      ...(options.pollIntervalMs !== undefined
        ? { pollIntervalSeconds: Math.max(0.5, options.pollIntervalMs / 1000) }
        : {}),
      ...(options.maintenanceIntervalSeconds !== undefined
        ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
        : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }
  return new InProcessQueue({
    sqlitePath: location.sqlitePath,
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
