import { InvalidArgumentError, type Command } from 'commander';
import { UsageError } from '../errors/index.js';
import type { SyncConfig } from '../vulndb/sync/index.js';

/** The options `customs serve` and `customs worker` share: jobs, feeds, registries. */
export interface ServiceJobValues {
  vulnDb?: string;
  insecureRegistry: string[];
  feedsFrom: string[];
  syncConfig?: string;
  jobExpire?: number;
  jobRetries?: number;
  jobRetryDelay?: number;
  allowWebhookHost: string[];
  allowRegistryHost: string[];
  webhookRetryDelay?: number;
  feedSyncInterval?: number;
  watchSweep?: number;
}

export function wholeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('not a whole number');
  return n;
}

function positive(text: string): number {
  const n = wholeNumber(text);
  if (n === 0) throw new InvalidArgumentError('must be at least 1');
  return n;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function addServiceJobOptions(command: Command): Command {
  return command
    .option(
      '--vuln-db <location>',
      'vulnerability database: an SQLite file or postgres://… (default the CLI’s)',
    )
    .option(
      '--insecure-registry <host>',
      'registry reached over plain HTTP or unverified TLS (repeatable)',
      collect,
      [] as string[],
    )
    .option(
      '--feeds-from <path>',
      'feed syncs import these local feed files or folders instead of downloading (repeatable)',
      collect,
      [] as string[],
    )
    .option(
      '--sync-config <file>',
      'feed syncs download from the URLs in this JSON file (as `db update --config`)',
    )
    .option('--job-expire <seconds>', 'a job running longer goes back to the queue (default 900)', positive)
    .option('--job-retries <n>', 'retries after a job’s first attempt (default 3)', wholeNumber)
    .option('--job-retry-delay <seconds>', 'first retry delay, doubled each time (default 5)', positive)
    .option(
      '--allow-registry-host <host>',
      'let image pulls reach this registry host though it is loopback, link-local or a metadata address (repeatable; --insecure-registry hosts are allowed too)',
      collect,
      [] as string[],
    )
    .option(
      '--allow-webhook-host <host>',
      'let webhooks reach this host though it is loopback, link-local or a metadata address (repeatable)',
      collect,
      [] as string[],
    )
    .option(
      '--webhook-retry-delay <seconds>',
      'first retry delay of a failed notification, doubled each time up to an hour (default 10)',
      positive,
    )
    .option(
      '--feed-sync-interval <seconds>',
      'sync the feeds on a schedule, every this many seconds (default 0: only when asked)',
      wholeNumber,
    )
    .option(
      '--watch-sweep <seconds>',
      'how often watched tags and repositories due a poll are looked for (default 60; 0 stops polling)',
      wholeNumber,
    );
}

export function requirePostgresUrl(url: string | undefined, option = '--database-url'): void {
  if (url !== undefined && !/^postgres(ql)?:\/\//i.test(url))
    throw new UsageError(`${option} must be a postgres:// URL`);
}

/** The service options the shared flags give. */
export async function serviceJobSettings(values: ServiceJobValues): Promise<{
  insecureRegistries: string[];
  allowedRegistryHosts: string[];
  vulnDb?: string;
  feeds?: { importPaths?: string[]; config?: SyncConfig };
  jobDefaults?: { expireInSeconds?: number; retryLimit?: number; retryDelaySeconds?: number };
  notifications: { allowedHosts: string[]; retry?: { firstDelaySeconds: number } };
  schedules?: { feedSyncIntervalSeconds?: number; watchSweepSeconds?: number };
}> {
  const schedules = {
    ...(values.feedSyncInterval !== undefined ? { feedSyncIntervalSeconds: values.feedSyncInterval } : {}),
    ...(values.watchSweep !== undefined ? { watchSweepSeconds: values.watchSweep } : {}),
  };
  const jobDefaults = {
    ...(values.jobExpire !== undefined ? { expireInSeconds: values.jobExpire } : {}),
    ...(values.jobRetries !== undefined ? { retryLimit: values.jobRetries } : {}),
    ...(values.jobRetryDelay !== undefined ? { retryDelaySeconds: values.jobRetryDelay } : {}),
  };
  let config: SyncConfig | undefined;
  if (values.syncConfig !== undefined) {
    const { loadSyncConfig } = await import('../vulndb/sync/index.js');
    config = loadSyncConfig(values.syncConfig);
  }
  const feeds = {
    ...(values.feedsFrom.length > 0 ? { importPaths: values.feedsFrom } : {}),
    ...(config ? { config } : {}),
  };
  return {
    insecureRegistries: values.insecureRegistry,
    allowedRegistryHosts: values.allowRegistryHost,
    notifications: {
      allowedHosts: values.allowWebhookHost,
      ...(values.webhookRetryDelay !== undefined
        ? { retry: { firstDelaySeconds: values.webhookRetryDelay } }
        : {}),
    },
    ...(values.vulnDb !== undefined ? { vulnDb: values.vulnDb } : {}),
    ...(Object.keys(feeds).length > 0 ? { feeds } : {}),
    ...(Object.keys(jobDefaults).length > 0 ? { jobDefaults } : {}),
    ...(Object.keys(schedules).length > 0 ? { schedules } : {}),
  };
}

/** Resolves when SIGINT or SIGTERM arrives (once). */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
