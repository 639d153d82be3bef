/**
 * The service's jobs. With PostgreSQL they go through pg-boss (many processes, many machines);
 * in the embedded mode through an in-process queue kept in the SQLite store (jobs survive a
 * restart). Handlers must be idempotent: a job can run again after a worker dies mid-job.
 */
export interface JobPayloads {
  /** Analyze one image (by manifest digest) and store its SBOM, scan and the holders' evaluations. */
  'analyze-image': { digest: string; accountId: string };
  /** Re-scan a stored SBOM and re-evaluate it (feed change, policy change). */
  'evaluate-image': { digest: string; accountId: string; reason: string };
  /** Bring the vulnerability data up to date. */
  'sync-feeds': { requestedBy?: string };
  /** Look for watches whose interval has passed and queue one poll for each (a scheduled job). */
  'poll-watches': Record<string, never>;
  /** HEAD one watched tag's manifest; a new digest is added, analyzed and told (tag_update). */
  'poll-tag': { accountId: string; watchId: string };
  /** List one watched repository's tags; tags not seen before are added and analyzed. */
  'poll-repository': { accountId: string; watchId: string };
}

export type JobName = keyof JobPayloads;

export type JobState = 'queued' | 'active' | 'retry' | 'completed' | 'failed' | 'cancelled';

export interface JobOptions {
  /** At most one queued-or-active job with this key per job name (an image is analyzed once). */
  singletonKey?: string;
  /** Retries after the first attempt (default 3). */
  retryLimit?: number;
  /** First retry delay; doubles each time (default 5 s). */
  retryDelaySeconds?: number;
  /** A job still active after this long is given back to the queue (its worker is presumed dead). */
  expireInSeconds?: number;
}

/** How often a scheduled job is queued. */
export interface ScheduleOptions {
  /**
   * The interval. The in-process queue keeps it to the second; pg-boss schedules by cron, so it
   * is rounded up to whole minutes (at least one), hours past 59 minutes, a day past 23 hours.
   */
  everySeconds: number;
}

export interface JobInfo<N extends JobName = JobName> {
  id: string;
  name: N;
  data: JobPayloads[N];
  state: JobState;
  attempts: number;
  /** The last failure's message (for a failed job: why it was dead-lettered). */
  error?: string;
  createdAt: string;
  completedAt?: string;
}

export interface JobContext<N extends JobName> {
  id: string;
  data: JobPayloads[N];
  /** 1 on the first run. */
  attempt: number;
  /** True when no retry follows if this run fails. */
  lastAttempt: boolean;
  /** Aborted when the queue stops or the job expires. */
  signal: AbortSignal;
}

export type JobHandler<N extends JobName> = (job: JobContext<N>) => Promise<void>;

export interface JobQueue {
  readonly kind: 'in-process' | 'pg-boss';
  start(): Promise<void>;
  /** The new job's id, or the id of the queued/active job holding the same singleton key. */
  enqueue<N extends JobName>(name: N, data: JobPayloads[N], options?: JobOptions): Promise<string>;
  work<N extends JobName>(name: N, handler: JobHandler<N>, options?: { concurrency?: number }): Promise<void>;
  /**
   * Queues `name` every interval, at most one open job at a time (its singleton key is
   * `schedule:<name>`), once across every process that schedules it: pg-boss's cron (one
   * schedule per name, fired by one instance), or this process's timer for the in-process queue
   * (the one process that owns the file). A second call replaces the interval and data.
   */
  schedule<N extends JobName>(name: N, data: JobPayloads[N], options: ScheduleOptions): Promise<void>;
  /** Stops queuing `name` on a schedule (nothing when it has none). */
  unschedule(name: JobName): Promise<void>;
  get(id: string): Promise<JobInfo | undefined>;
  /** The newest job of this name with this singleton key, in any state (kept ones only). */
  lastByKey(name: JobName, singletonKey: string): Promise<JobInfo | undefined>;
  /** Jobs waiting or running, per name (for metrics and readiness). */
  counts(): Promise<Record<JobName, Partial<Record<JobState, number>>>>;
  /** Stops taking jobs; waits for running ones up to the timeout, then aborts them. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}
