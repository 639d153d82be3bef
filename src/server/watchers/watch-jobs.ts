import { failureMessage } from '../queue/job-defaults.js';
import type { JobContext, JobName } from '../queue/types.js';
import type { WatchRecord } from '../store/types.js';
import { pollRepository } from './poll-repository.js';
import { pollTag } from './poll-tag.js';
import { nextCheck, type WatcherDeps } from './watcher-deps.js';

/** How many due watches one sweep queues (the rest wait for the next sweep). */
const SWEEP_BATCH = 1000;

/** The job that polls a watch, and its singleton key: one open poll per watch across the cluster. */
export function pollJobOf(watch: Pick<WatchRecord, 'id' | 'kind'>): {
  name: Extract<JobName, 'poll-tag' | 'poll-repository'>;
  singletonKey: string;
} {
  return { name: watch.kind === 'tag' ? 'poll-tag' : 'poll-repository', singletonKey: `watch:${watch.id}` };
}

/** Queues the poll of one watch (or answers the id of the one already open). */
export async function queuePoll(deps: Pick<WatcherDeps, 'queue'>, watch: WatchRecord): Promise<string> {
  const { name, singletonKey } = pollJobOf(watch);
  return deps.queue.enqueue(name, { accountId: watch.accountId, watchId: watch.id }, { singletonKey });
}

/** `poll-watches`: every active watch whose next check has come gets its poll queued. */
export async function pollWatchesJob(deps: WatcherDeps, job: JobContext<'poll-watches'>): Promise<number> {
  const due = await deps.store.watches.due(deps.now().toISOString(), SWEEP_BATCH);
  for (const watch of due) {
    job.signal.throwIfAborted();
    await queuePoll(deps, watch);
  }
  return due.length;
}

/**
 * `poll-tag` and `poll-repository`: one watch's poll. A failed poll (the registry is down, the
 * credential is refused) is recorded on the watch and tried again at its next interval, not
 * retried at once: the interval is the watch's retry.
 */
export async function pollWatchJob(
  deps: WatcherDeps,
  job: JobContext<'poll-tag' | 'poll-repository'>,
): Promise<void> {
  const watch = await deps.store.watches.get(job.data.accountId, job.data.watchId);
  if (!watch || !watch.active) return; // deleted or paused since it was queued
  try {
    if (watch.kind === 'tag') await pollTag(deps, watch, job.signal);
    else await pollRepository(deps, watch, job.signal);
  } catch (err) {
    if (job.signal.aborted) throw err;
    const message = failureMessage(err);
    const at = deps.now();
    await deps.store.watches.recordCheck(watch.accountId, watch.id, {
      at: at.toISOString(),
      nextCheckAt: nextCheck(at, watch),
      lastError: message,
    });
    deps.log?.warn({ watchId: watch.id, jobId: job.id, error: message }, 'watch poll failed');
  }
}
