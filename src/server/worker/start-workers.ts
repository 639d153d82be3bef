import { startDeliveryLoop } from '../notifications/delivery-loop.js';
import type { JobPayloads, JobQueue } from '../queue/types.js';
import { analyzeImageJob } from './analyze-image-job.js';
import { evaluateImageJob } from './evaluate-image-job.js';
import { startReconciler } from './reconcile-analyses.js';
import { syncFeedsJob } from './sync-feeds-job.js';
import { makeWatcherDeps, pollWatchJob, pollWatchesJob } from '../watchers/index.js';
import { CheckBundleCache } from '../services/check-bundle-cache.js';
import { VulnerabilityReader } from './vulnerability-reader.js';
import type { WorkerDeps } from './worker-deps.js';

export interface WorkerOptions {
  /** Images analyzed at once by this process (default 1); evaluations get as many, syncs one. */
  concurrency?: number;
  /** How often images no job will settle are looked for (default 60 s; see reconcileAnalyses). */
  reconcileIntervalSeconds?: number;
  /**
   * How often due watches are looked for (the `poll-watches` schedule; default 60 s, 0 stops
   * it). pg-boss rounds it up to whole minutes.
   */
  watchSweepSeconds?: number;
  /** A scheduled `sync-feeds` every this many seconds (default 0: only when asked). */
  feedSyncIntervalSeconds?: number;
}

export interface RunningHandlers {
  /**
   * Stops the reconciler and the notification loop and closes the vulnerability data kept open
   * (a job still reading keeps it until it ends); the handlers stop with the queue.
   */
  stop(): Promise<void>;
}

/**
 * Registers every job's handler on a started queue. The queue runs them until it is stopped;
 * stop() gives running jobs back to the queue for another worker. Also starts the reconciler
 * that settles images whose job died with its last worker, and the loop that delivers the
 * notification outbox (every worker process runs one; the row claim keeps them apart).
 */
export async function startWorkers(
  queue: JobQueue,
  deps: WorkerDeps,
  options: WorkerOptions = {},
): Promise<RunningHandlers> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const reader = deps.vulnReader ? undefined : new VulnerabilityReader(deps.vulnData);
  deps = {
    ...deps,
    queue: deps.queue ?? queue,
    bundles: deps.bundles ?? new CheckBundleCache(),
    ...(reader ? { vulnReader: reader } : {}),
  };
  await queue.work('analyze-image', (job) => analyzeImageJob(deps, job), { concurrency });
  await queue.work('evaluate-image', (job) => evaluateImageJob(deps, job), { concurrency });
  await queue.work('sync-feeds', (job) => syncFeedsJob(deps, job), { concurrency: 1 });
  const watchers = makeWatcherDeps({ ...deps, queue });
  await queue.work('poll-watches', async (job) => void (await pollWatchesJob(watchers, job)));
  await queue.work('poll-tag', (job) => pollWatchJob(watchers, job), { concurrency });
  await queue.work('poll-repository', (job) => pollWatchJob(watchers, job), { concurrency: 1 });
  await scheduleOrNot(queue, 'poll-watches', {}, options.watchSweepSeconds ?? 60);
  await scheduleOrNot(queue, 'sync-feeds', { requestedBy: 'schedule' }, options.feedSyncIntervalSeconds ?? 0);
  const interval = options.reconcileIntervalSeconds ?? 60;
  const reconciler = startReconciler(deps.store, queue, {
    intervalSeconds: interval,
    graceSeconds: Math.min(30, interval),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.log ? { log: deps.log } : {}),
  });
  const deliveries = startDeliveryLoop(
    {
      store: deps.store,
      secretBox: deps.secretBox,
      ...(deps.log ? { log: deps.log } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    },
    deps.notifications ?? {},
  );
  return {
    async stop() {
      await Promise.all([reconciler.stop(), deliveries.stop()]);
      await reader?.close();
    },
  };
}

async function scheduleOrNot<N extends 'poll-watches' | 'sync-feeds'>(
  queue: JobQueue,
  name: N,
  data: JobPayloads[N],
  everySeconds: number,
): Promise<void> {
  if (everySeconds > 0) await queue.schedule(name, data, { everySeconds });
  else await queue.unschedule(name);
}
