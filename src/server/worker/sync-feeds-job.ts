import { FeedFormatError } from '../../errors/index.js';
import type { VulnerabilityData } from '../../usecases/types.js';
import { openStore } from '../../vulndb/default-path.js';
import type { VulnStore } from '../../vulndb/store/types.js';
import type { JobContext } from '../queue/types.js';
import type { PackageChanges } from '../../vulndb/store/types.js';
import { mergeChanges, queueAffectedImages } from './affected-images.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * `sync-feeds`: brings the vulnerability data up to date the way `customs db` does: imports the
 * configured local feed paths (`db import`), else downloads the providers (`db update`). Both are
 * safe to repeat: an import replaces each provider's records, a sync resumes where a killed one
 * stopped. A run in which nothing could be read fails the job (it is retried). New data queues
 * the re-evaluation of the stored images holding a package whose data changed (see queueAffectedImages).
 */
export async function syncFeedsJob(deps: WorkerDeps, job: JobContext<'sync-feeds'>): Promise<void> {
  const settings = deps.feeds ?? {};
  const { FEED_PARSERS } = await import('../../vulndb/providers/registry.js');
  job.signal.throwIfAborted();
  if (settings.importPaths && settings.importPaths.length > 0) {
    const paths = settings.importPaths;
    const { importFeeds } = await import('../../vulndb/import/index.js');
    const changes: PackageChanges[] = [];
    const summary = await withWritableStore(deps.vulnData, (store) =>
      importFeeds(store, paths, { parsers: FEED_PARSERS, onChanges: (c) => changes.push(c) }),
    );
    if (Object.keys(summary.records).length === 0)
      throw new FeedFormatError(`nothing could be imported from ${paths.join(', ')}`);
    deps.log?.info({ jobId: job.id, records: summary.records }, 'feeds imported');
    await requeueAfterSync(deps, job.id, changes);
    return;
  }
  const { DEFAULT_SYNC_CONFIG, syncDatabase, syncLocation } = await import('../../vulndb/sync/index.js');
  const changes: PackageChanges[] = [];
  const options = {
    onChanges: (c: PackageChanges) => changes.push(c),
    config: settings.config ?? DEFAULT_SYNC_CONFIG,
    parsers: FEED_PARSERS,
    ...(settings.providers ? { providers: settings.providers } : {}),
  };
  const result =
    typeof deps.vulnData === 'string'
      ? await syncLocation(deps.vulnData, options)
      : await syncDatabase(deps.vulnData, options);
  deps.log?.info(
    { jobId: job.id, done: result.done.map((d) => d.unit), failed: result.failed.map((f) => f.unit) },
    'feeds synced',
  );
  if (result.done.length === 0 && result.failed.length > 0)
    throw new FeedFormatError(
      `every feed source failed: ${result.failed.map((f) => `${f.unit}: ${f.reason}`).join('; ')}`,
    );
  if (result.done.length > 0) await requeueAfterSync(deps, job.id, changes);
}

async function requeueAfterSync(deps: WorkerDeps, jobId: string, changes: PackageChanges[]): Promise<void> {
  if (!deps.queue) return;
  const outcome = await queueAffectedImages(deps.store, deps.queue, mergeChanges(changes), 'feeds updated');
  deps.log?.info({ jobId, ...outcome }, 'images queued for re-evaluation');
}

async function withWritableStore<T>(
  data: VulnerabilityData,
  use: (store: VulnStore) => Promise<T>,
): Promise<T> {
  if (typeof data !== 'string') return use(data);
  const store = await openStore(data);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
