import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { StoreError } from '../../../errors/index.js';
import { withSqliteFileLock } from '../../store/sql/sqlite-driver.js';
import { DEFAULT_STOP_TIMEOUT_MS, JOB_DEFAULTS, failureMessage, scheduleKey } from '../job-defaults.js';
import { RunningJobs } from '../running-jobs.js';
import { IntervalSchedules } from './interval-schedules.js';
import { jobById, jobCounts, lastJobByKey } from './job-queries.js';
import type {
  JobHandler,
  JobInfo,
  JobName,
  JobOptions,
  JobPayloads,
  JobQueue,
  JobState,
  ScheduleOptions,
} from '../types.js';
import type { JobRow } from './job-row.js';
import {
  completeJob,
  deleteOldJobs,
  expiredActiveJobs,
  failJobAttempt,
  giveJobBack,
} from './job-transitions.js';
import { migrateQueueSchema } from './queue-schema.js';
import { prepared } from './statement-cache.js';

export interface InProcessQueueOptions {
  /** The SQLite file (the service store's, in the embedded mode), or an open connection to it. */
  sqlitePath: string | Database.Database;
  /** How often idle workers look for due jobs (retries coming due, jobs from other connections). */
  pollIntervalMs?: number;
  /**
   * This process is the file's only user (the embedded mode, the default): jobs an earlier run
   * left active are given back at start (the run counted as failed) instead of after their expiry.
   */
  ownsFile?: boolean;
  /** Finished jobs are kept this long (completed) or longer (failed, cancelled: 14 days). */
  keepCompletedMs?: number;
  defaults?: Partial<typeof JOB_DEFAULTS>;
  /** Errors of the background loop (the file became unwritable); the queue keeps trying. */
  onError?: (err: unknown) => void;
}

interface Registration {
  handler: JobHandler<JobName>;
  concurrency: number;
  running: number;
}

const OPEN_STATES = "('queued', 'retry', 'active')";
const KEEP_FAILED_MS = 14 * 24 * 3600_000;

/**
 * The embedded mode's queue: jobs are rows of the SQLite file, so they survive a restart. The
 * same rules as the pg-boss queue: retries with a doubling delay, a job active past its expiry is
 * given back (or failed on its last attempt), one open job per singleton key, and a failed job
 * keeps its last error.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private db: Database.Database | undefined;
  private readonly ownsConnection: boolean;
  private readonly registrations = new Map<JobName, Registration>();
  private readonly running = new RunningJobs();
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private readonly schedules = new IntervalSchedules();
  private readonly defaults: typeof JOB_DEFAULTS;
  private poller: NodeJS.Timeout | undefined;
  private wakeScheduled = false;
  private pumping = false;
  private pumpAgain = false;
  private stopping = false;
  private lastCleanup = 0;

  constructor(private readonly options: InProcessQueueOptions) {
    this.ownsConnection = typeof options.sqlitePath === 'string';
    this.defaults = { ...JOB_DEFAULTS, ...options.defaults };
  }

  async start(): Promise<void> {
    if (this.db) return;
    try {
      const db =
        typeof this.options.sqlitePath === 'string'
          ? new Database(this.options.sqlitePath)
          : this.options.sqlitePath;
      if (this.ownsConnection) {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
      }
      this.db = db;
      await this.write(() => migrateQueueSchema(db), 'create its tables');
    } catch (err) {
      if (this.ownsConnection) this.db?.close();
      this.db = undefined;
      if (err instanceof StoreError) throw err;
      throw new StoreError(
        `cannot open the job queue in ${String(this.options.sqlitePath)}: ${failureMessage(err)}`,
        {
          cause: err,
        },
      );
    }
    if (this.options.ownsFile !== false) {
      // Whatever an earlier run left active has no worker any more.
      const orphans = prepared(
        this.connection(),
        "SELECT id, lease FROM queue_jobs WHERE state = 'active'",
      ).all() as { id: string; lease: string }[];
      for (const job of orphans)
        await this.failAttempt(job.id, job.lease, 'the worker stopped before the job finished');
    }
    this.poller = setInterval(() => this.tick(), this.options.pollIntervalMs ?? 500);
    this.poller.unref();
  }

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], options: JobOptions = {}): Promise<string> {
    const db = this.connection();
    const key = options.singletonKey ?? null;
    const insert = db.transaction((): string => {
      if (key !== null) {
        const open = prepared(
          db,
          `SELECT id FROM queue_jobs WHERE name = ? AND singleton_key = ? AND state IN ${OPEN_STATES}`,
        ).get(name, key) as { id: string } | undefined;
        if (open) return open.id;
      }
      const id = randomUUID();
      prepared(
        db,
        `INSERT INTO queue_jobs (id, name, data, state, retry_limit, retry_delay_ms, expire_in_ms, singleton_key, run_after, created_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        name,
        JSON.stringify(data),
        options.retryLimit ?? this.defaults.retryLimit,
        Math.round((options.retryDelaySeconds ?? this.defaults.retryDelaySeconds) * 1000),
        Math.round((options.expireInSeconds ?? this.defaults.expireInSeconds) * 1000),
        key,
        Date.now(),
        new Date().toISOString(),
      );
      return id;
    });
    const id = await this.write(() => insert.immediate(), 'enqueue a job');
    this.wake();
    return id;
  }

  async work<N extends JobName>(
    name: N,
    handler: JobHandler<N>,
    options: { concurrency?: number } = {},
  ): Promise<void> {
    this.connection();
    this.registrations.set(name, {
      handler: handler as unknown as JobHandler<JobName>,
      concurrency: Math.max(1, options.concurrency ?? 1),
      running: 0,
    });
    this.wake();
  }

  /**
   * A timer of this process queues the job every interval under its schedule's singleton key, so
   * a run still open (queued, retrying or running) is not doubled, and two queues on one file
   * that both schedule it still run one job at a time.
   */
  async schedule<N extends JobName>(name: N, data: JobPayloads[N], options: ScheduleOptions): Promise<void> {
    this.connection();
    this.schedules.set(name, options.everySeconds, () => {
      if (this.stopping || !this.db) return;
      this.background(async () => {
        await this.enqueue(name, data, { singletonKey: scheduleKey(name) });
      });
    });
  }

  async unschedule(name: JobName): Promise<void> {
    this.schedules.clear(name);
  }

  async get(id: string): Promise<JobInfo | undefined> {
    return jobById(this.connection(), id);
  }

  async lastByKey(name: JobName, singletonKey: string): Promise<JobInfo | undefined> {
    return lastJobByKey(this.connection(), name, singletonKey);
  }

  async counts(): Promise<Record<JobName, Partial<Record<JobState, number>>>> {
    return jobCounts(this.connection());
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.db || this.stopping) return;
    this.stopping = true;
    clearInterval(this.poller);
    this.schedules.clearAll();
    const stuck = await this.running.drain(options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
    // Handlers that ignored their signal: their jobs go back all the same.
    for (const lease of stuck) await this.giveBack(lease);
    for (const timer of this.expiryTimers.values()) clearTimeout(timer);
    this.expiryTimers.clear();
    if (this.ownsConnection) this.db.close();
    this.db = undefined;
  }

  // ── the work loop ─────────────────────────────────────────────────────────────────────────

  /** Schedules a look for work on the next turn of the event loop (an enqueue, a finished job). */
  private wake(): void {
    if (this.wakeScheduled || this.stopping) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.pump();
    });
  }

  private tick(): void {
    if (this.stopping || !this.db) return;
    this.background(async () => {
      await this.expireAbandoned();
      await this.cleanup();
    });
    this.pump();
  }

  private background(work: () => Promise<void>): void {
    work().catch((err: unknown) => this.options.onError?.(err));
  }

  private pump(): void {
    if (this.stopping || !this.db) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    this.background(async () => {
      try {
        do {
          this.pumpAgain = false;
          await this.claimAll();
        } while (this.pumpAgain && !this.stopping);
      } finally {
        this.pumping = false;
      }
    });
  }

  private async claimAll(): Promise<void> {
    for (const [name, reg] of this.registrations) {
      while (reg.running < reg.concurrency && !this.stopping && this.db) {
        const row = await this.claim(name);
        if (!row) break;
        if (this.stopping) {
          await this.giveBack(row.lease!); // taken while stop() began: not this run's any more
          break;
        }
        reg.running++;
        void this.execute(reg, row)
          .catch((err: unknown) => this.options.onError?.(err))
          .finally(() => {
            reg.running--;
            this.wake();
          });
      }
    }
  }

  private claim(name: JobName): Promise<JobRow | undefined> {
    const db = this.connection();
    const lease = randomUUID();
    const claim = db.transaction((): JobRow | undefined => {
      const next = prepared(
        db,
        `SELECT id FROM queue_jobs WHERE name = ? AND state IN ('queued', 'retry') AND run_after <= ?
           ORDER BY run_after, created_at LIMIT 1`,
      ).get(name, Date.now()) as { id: string } | undefined;
      if (!next) return undefined;
      return prepared(
        db,
        `UPDATE queue_jobs SET state = 'active', attempts = attempts + 1, started_at = ?, lease = ?
           WHERE id = ? RETURNING *`,
      ).get(Date.now(), lease, next.id) as JobRow;
    });
    return this.write(() => claim.immediate(), 'take a job');
  }

  private async execute(reg: Registration, row: JobRow): Promise<void> {
    const lease = row.lease!;
    const timer = setTimeout(() => {
      this.expiryTimers.delete(lease);
      this.running.abort(lease, 'expired');
      if (this.db)
        this.background(async () =>
          this.failAttempt(
            row.id,
            lease,
            `the job expired after ${row.expire_in_ms / 1000}s in the active state`,
          ),
        );
    }, row.expire_in_ms);
    this.expiryTimers.set(lease, timer);
    const outcome = await this.running.run(lease, (signal) =>
      reg.handler({
        id: row.id,
        data: JSON.parse(row.data) as JobPayloads[JobName],
        attempt: row.attempts,
        lastAttempt: row.attempts > row.retry_limit,
        signal,
      }),
    );
    clearTimeout(timer);
    this.expiryTimers.delete(lease);
    if (!this.db) return;
    if (outcome.cause === 'expired') return; // already given back or failed by the timer
    if (outcome.cause === 'stopping') await this.giveBack(lease);
    else if ('error' in outcome) await this.failAttempt(row.id, lease, failureMessage(outcome.error));
    else await this.write(() => completeJob(this.connection(), row.id, lease, new Date()), 'complete a job');
  }

  /** A failed run: retried after the doubling delay, or failed for good when it was the last one. */
  private async failAttempt(id: string, lease: string, message: string): Promise<void> {
    await this.write(
      () => failJobAttempt(this.connection(), id, lease, message, Date.now()),
      'record a failed job',
    );
  }

  /** The queue stopped under a running job: it goes back as it was, the attempt not counted. */
  private async giveBack(lease: string): Promise<void> {
    await this.write(() => giveJobBack(this.connection(), lease, Date.now()), 'give a job back');
  }

  /** Jobs active past their expiry whose worker is not this process (it died, or it is another one). */
  private async expireAbandoned(): Promise<void> {
    for (const row of expiredActiveJobs(this.connection(), Date.now())) {
      if (this.expiryTimers.has(row.lease)) continue;
      await this.failAttempt(
        row.id,
        row.lease,
        `the job expired after ${row.expire_in_ms / 1000}s in the active state`,
      );
    }
  }

  private async cleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    const keep = this.options.keepCompletedMs ?? 24 * 3600_000;
    await this.write(
      () => deleteOldJobs(this.connection(), new Date(now - keep), new Date(now - KEEP_FAILED_MS)),
      'remove old jobs',
    );
  }

  private connection(): Database.Database {
    if (!this.db) throw new StoreError('the job queue is not started (or already stopped)');
    return this.db;
  }

  /**
   * A write, under the store's lock on the file when the queue opened it by path: the service
   * store's transactions on the same file (in this process) and the queue's take turns, so a
   * busy wait here never blocks the thread while a store transaction waits to commit.
   */
  private async write<T>(work: () => T, what: string): Promise<T> {
    const guarded = (): T => {
      try {
        return work();
      } catch (err) {
        if (err instanceof StoreError) throw err;
        throw new StoreError(`job queue: cannot ${what}: ${failureMessage(err)}`, { cause: err });
      }
    };
    const file = this.options.sqlitePath;
    return typeof file === 'string' ? withSqliteFileLock(file, guarded) : guarded();
  }
}
