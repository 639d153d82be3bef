import { startDeliveryLoop } from '../notifications/delivery-loop.js';
import type { JobQueue } from '../queue/types.js';
import { analyzeImageJob } from './analyze-image-job.js';
import { evaluateImageJob } from './evaluate-image-job.js';
import { startReconciler } from './reconcile-analyses.js';
import { syncFeedsJob } from './sync-feeds-job.js';
import type { WorkerDeps } from './worker-deps.js';

export interface WorkerOptions {
  /** Images analyzed at once by this process (default 1); evaluations get as many, syncs one. */
  concurrency?: number;
  /** How often images no job will settle are looked for (default 60 s; see reconcileAnalyses). */
  reconcileIntervalSeconds?: number;
}

export interface RunningHandlers {
  /** Stops the reconciler and the notification loop; the handlers stop with the queue. */
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
  deps = deps.queue ? deps : { ...deps, queue };
  await queue.work('analyze-image', (job) => analyzeImageJob(deps, job), { concurrency });
  await queue.work('evaluate-image', (job) => evaluateImageJob(deps, job), { concurrency });
  await queue.work('sync-feeds', (job) => syncFeedsJob(deps, job), { concurrency: 1 });
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
    },
  };
}
