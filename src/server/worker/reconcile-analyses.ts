import type { JobQueue } from '../queue/types.js';
import type { ServiceStore } from '../store/types.js';
import { setAnalysisStatus } from './analysis-events.js';
import type { WorkerLog } from './worker-deps.js';

export interface ReconcileOptions {
  /** Images whose status changed more recently than this are left alone (their job may be starting). */
  graceSeconds: number;
  /** Most images looked at per pass. */
  limit?: number;
  now?: () => Date;
  log?: WorkerLog;
}

export interface ReconcileOutcome {
  /** Images whose last job was dead-lettered without the handler marking them (a worker killed on the last attempt). */
  failed: string[];
  /** Images left waiting with no job at all (the API stopped between storing and queuing), queued again. */
  requeued: string[];
}

/**
 * Settles images that no job will settle. The analyze handler marks an image analysis_failed
 * itself when its last attempt throws, but not when the worker dies during the last attempt: the
 * queue then fails the job with no handler running, and the image would show 'analyzing' for
 * ever. This finds those images and gives them the job's reason. Safe to run in every worker at
 * once: each step is idempotent and a queued job is never duplicated (singleton key).
 */
export async function reconcileAnalyses(
  store: ServiceStore,
  queue: JobQueue,
  options: ReconcileOptions,
): Promise<ReconcileOutcome> {
  const now = options.now ?? (() => new Date());
  const before = new Date(now().getTime() - options.graceSeconds * 1000).toISOString();
  const outcome: ReconcileOutcome = { failed: [], requeued: [] };
  for (const image of await store.images.unsettled(before, options.limit ?? 500)) {
    const job = await queue.lastByKey('analyze-image', image.digest);
    if (job && (job.state === 'queued' || job.state === 'active' || job.state === 'retry')) continue;
    if (job?.state === 'failed' || job?.state === 'cancelled') {
      const reason = job.error ?? `the analysis job was ${job.state}`;
      await setAnalysisStatus(
        { store, ...(options.log ? { log: options.log } : {}) },
        image.digest,
        image.status,
        'analysis_failed',
        {
          at: now().toISOString(),
          failureReason: reason,
        },
      );
      outcome.failed.push(image.digest);
      options.log?.warn({ digest: image.digest, jobId: job.id, reason }, 'image analysis dead-lettered');
      continue;
    }
    // No job, or one that completed without leaving the image analyzed: analyze it (again).
    await queue.enqueue(
      'analyze-image',
      { digest: image.digest, accountId: image.accountId },
      { singletonKey: image.digest },
    );
    outcome.requeued.push(image.digest);
    options.log?.info({ digest: image.digest, status: image.status }, 'image analysis queued again');
  }
  return outcome;
}

/** Runs `reconcileAnalyses` now and then every `intervalSeconds` until stopped; errors are logged, not thrown. */
export function startReconciler(
  store: ServiceStore,
  queue: JobQueue,
  options: ReconcileOptions & { intervalSeconds: number },
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const pass = (): void => {
    running = reconcileAnalyses(store, queue, options).catch((err: unknown) =>
      options.log?.warn({ err }, 'reconciling analyses failed'),
    );
  };
  pass();
  const timer = setInterval(pass, options.intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
