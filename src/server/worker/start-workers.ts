import type { JobQueue } from '../queue/types.js';
import { analyzeImageJob } from './analyze-image-job.js';
import { evaluateImageJob } from './evaluate-image-job.js';
import { syncFeedsJob } from './sync-feeds-job.js';
import type { WorkerDeps } from './worker-deps.js';

export interface WorkerOptions {
  /** Images analyzed at once by this process (default 1); evaluations get as many, syncs one. */
  concurrency?: number;
}

/**
 * Registers every job's handler on a started queue. The queue runs them until it is stopped;
 * stop() gives running jobs back to the queue for another worker.
 */
export async function startWorkers(
  queue: JobQueue,
  deps: WorkerDeps,
  options: WorkerOptions = {},
): Promise<void> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  deps = deps.queue ? deps : { ...deps, queue };
  await queue.work('analyze-image', (job) => analyzeImageJob(deps, job), { concurrency });
  await queue.work('evaluate-image', (job) => evaluateImageJob(deps, job), { concurrency });
  await queue.work('sync-feeds', (job) => syncFeedsJob(deps, job), { concurrency: 1 });
}
