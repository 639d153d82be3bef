import PgBoss from 'pg-boss';
import pg from 'pg';
import { StoreError } from '../../../errors/index.js';
import {
  DEFAULT_STOP_TIMEOUT_MS,
  JOB_DEFAULTS,
  JOB_NAMES,
  cronEvery,
  failureMessage,
  scheduleKey,
} from '../job-defaults.js';
import { RunningJobs } from '../running-jobs.js';
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
import { jobState, pgBossJobInfo } from './pg-boss-job.js';

export interface PgBossQueueOptions {
  databaseUrl: string;
  /** The PostgreSQL schema pg-boss keeps its tables in. */
  schema?: string;
  /** How often an idle worker asks for a job (pg-boss's minimum is 0.5 s). */
  pollIntervalSeconds?: number;
  /** How often expired jobs are given back (by whichever process runs pg-boss's maintenance). */
  maintenanceIntervalSeconds?: number;
  defaults?: Partial<typeof JOB_DEFAULTS>;
  /** How often this instance checks whether a cron schedule is due (1–45 s, default 30). */
  cronMonitorIntervalSeconds?: number;
  /** Errors pg-boss reports from its background work (a lost connection); it keeps trying. */
  onError?: (err: unknown) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The queue when PostgreSQL is the store: pg-boss, shared by every API and worker process. Each
 * job name is a pg-boss queue; retries back off exponentially; a job
 * whose worker died expires and is retried; a job out of retries stays in pg-boss's failed state
 * with its error in the output (the dead letter), readable through get().
 */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private boss: PgBoss | undefined;
  private pool: pg.Pool | undefined;
  private readonly schema: string;
  private readonly defaults: typeof JOB_DEFAULTS;
  private readonly workers = new Map<JobName, string[]>();
  private readonly running = new RunningJobs();
  private readonly activeNames = new Map<string, JobName>();
  private stopped = false;

  constructor(private readonly options: PgBossQueueOptions) {
    this.schema = options.schema ?? 'pgboss';
    if (!/^[a-z_][a-z0-9_]*$/.test(this.schema))
      throw new StoreError(`not a usable schema name: ${this.schema}`);
    this.defaults = { ...JOB_DEFAULTS, ...options.defaults };
  }

  async start(): Promise<void> {
    if (this.boss) return;
    const boss = new PgBoss({
      connectionString: this.options.databaseUrl,
      schema: this.schema,
      application_name: 'customs',
      // Cron schedules (schedule()): every instance may check them, one fires each.
      schedule: true,
      cronMonitorIntervalSeconds: this.options.cronMonitorIntervalSeconds ?? 30,
      cronWorkerIntervalSeconds: Math.min(5, this.options.cronMonitorIntervalSeconds ?? 5),
      maintenanceIntervalSeconds: this.options.maintenanceIntervalSeconds ?? 30,
    });
    boss.on('error', (err) => this.options.onError?.(err));
    this.pool = new pg.Pool({
      connectionString: this.options.databaseUrl,
      max: 2,
      application_name: 'customs',
    });
    this.pool.on('error', (err) => this.options.onError?.(err));
    try {
      await boss.start();
      for (const name of JOB_NAMES) await this.createQueue(boss, name);
    } catch (err) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      await this.pool.end().catch(() => undefined);
      throw new StoreError(`cannot start the job queue (pg-boss): ${failureMessage(err)}`, { cause: err });
    }
    this.boss = boss;
  }

  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], options: JobOptions = {}): Promise<string> {
    const boss = this.started();
    const send: PgBoss.SendOptions = {
      retryLimit: options.retryLimit ?? this.defaults.retryLimit,
      retryDelay: Math.max(1, Math.round(options.retryDelaySeconds ?? this.defaults.retryDelaySeconds)),
      retryBackoff: true,
      expireInSeconds: Math.max(1, Math.round(options.expireInSeconds ?? this.defaults.expireInSeconds)),
    };
    const key = options.singletonKey;
    let id: string | null;
    try {
      id =
        key === undefined
          ? await boss.send(name, data, send)
          : await this.sendSingleton(name, data, send, key);
    } catch (err) {
      throw new StoreError(`cannot enqueue a ${name} job: ${failureMessage(err)}`, { cause: err });
    }
    if (id === null) throw new StoreError(`pg-boss refused a ${name} job for ${key ?? 'no key'}`);
    for (const worker of this.workers.get(name) ?? []) boss.notifyWorker(worker);
    return id;
  }

  /**
   * One open job per key: under a transaction-scoped advisory lock on (name, key), return the
   * queued/retrying/active job holding the key, or insert the new one in the same transaction.
   * (pg-boss's own policies do not give this: `stately` allows a queued job beside an active one,
   * and gates keyless jobs too.)
   */
  private async sendSingleton(
    name: JobName,
    data: object,
    send: PgBoss.SendOptions,
    key: string,
  ): Promise<string | null> {
    const client = await this.pool!.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `customs-job:${name}:${key}`,
      ]);
      const open = await client.query<{ id: string }>(
        `SELECT id FROM ${this.schema}.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' LIMIT 1`,
        [name, key],
      );
      const id =
        open.rows[0]?.id ??
        (await this.started().send(name, data, {
          ...send,
          singletonKey: key,
          db: { executeSql: (text, values) => client.query(text, values) },
        }));
      await client.query('COMMIT');
      return id;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async work<N extends JobName>(
    name: N,
    handler: JobHandler<N>,
    options: { concurrency?: number } = {},
  ): Promise<void> {
    const boss = this.started();
    const ids: string[] = [];
    const concurrency = Math.max(1, options.concurrency ?? 1);
    for (let i = 0; i < concurrency; i++) {
      ids.push(
        await boss.work<JobPayloads[N]>(
          name,
          {
            batchSize: 1,
            includeMetadata: true,
            pollingIntervalSeconds: this.options.pollIntervalSeconds ?? 2,
          },
          async ([job]) => {
            if (job) await this.runJob(name, job, handler);
          },
        ),
      );
    }
    this.workers.set(name, [...(this.workers.get(name) ?? []), ...ids]);
  }

  private async runJob<N extends JobName>(
    name: N,
    job: PgBoss.JobWithMetadata<JobPayloads[N]>,
    handler: JobHandler<N>,
  ): Promise<void> {
    // pg-boss fails the run itself when it outlives its expiry; the handler is told to stop.
    const timer = setTimeout(() => this.running.abort(job.id, 'expired'), job.expireInSeconds * 1000);
    this.activeNames.set(job.id, name);
    const outcome = await this.running.run(job.id, (signal) =>
      handler({
        id: job.id,
        data: job.data,
        attempt: job.retryCount + 1,
        lastAttempt: job.retryCount >= job.retryLimit,
        signal,
      }),
    );
    clearTimeout(timer);
    this.activeNames.delete(job.id);
    if (outcome.cause === 'stopping') {
      await this.giveBack(name, job.id);
      return; // pg-boss then completes nothing: the job is no longer active
    }
    if ('error' in outcome)
      throw outcome.error instanceof Error ? outcome.error : new Error(failureMessage(outcome.error));
  }

  /** A stopping worker's job goes back to the queue as it was, the cut-short run not counted. */
  private async giveBack(name: JobName, id: string): Promise<void> {
    await this.pool
      ?.query(
        `UPDATE ${this.schema}.job
         SET state = CASE WHEN retry_count = 0 THEN 'created' ELSE 'retry' END::${this.schema}.job_state,
           started_on = NULL, start_after = now()
         WHERE name = $1 AND id = $2 AND state = 'active'`,
        [name, id],
      )
      .catch((err: unknown) => this.options.onError?.(err));
  }

  /**
   * pg-boss's cron: the schedule is a row of its schema (one per name, shared by the cluster);
   * whichever instance's clock check comes first queues the job, at most once a minute.
   */
  async schedule<N extends JobName>(name: N, data: JobPayloads[N], options: ScheduleOptions): Promise<void> {
    const boss = this.started();
    try {
      await boss.schedule(name, cronEvery(options.everySeconds), data, {
        tz: 'UTC',
        singletonKey: scheduleKey(name),
        retryLimit: this.defaults.retryLimit,
        retryDelay: Math.max(1, Math.round(this.defaults.retryDelaySeconds)),
        retryBackoff: true,
        expireInSeconds: Math.max(1, Math.round(this.defaults.expireInSeconds)),
      });
    } catch (err) {
      throw new StoreError(`cannot schedule ${name}: ${failureMessage(err)}`, { cause: err });
    }
  }

  async unschedule(name: JobName): Promise<void> {
    await this.started().unschedule(name);
  }

  async get(id: string): Promise<JobInfo | undefined> {
    const boss = this.started();
    if (!UUID.test(id)) return undefined;
    for (const name of JOB_NAMES) {
      const job = await boss.getJobById<unknown>(name, id, { includeArchive: true });
      if (job) return pgBossJobInfo(job);
    }
    return undefined;
  }

  async lastByKey(name: JobName, singletonKey: string): Promise<JobInfo | undefined> {
    this.started();
    // Finished jobs move to the archive table after a while; both are read.
    const { rows } = await this.pool!.query<{ id: string }>(
      `SELECT id FROM (
         SELECT id, created_on FROM ${this.schema}.job WHERE name = $1 AND singleton_key = $2
         UNION ALL
         SELECT id, created_on FROM ${this.schema}.archive WHERE name = $1 AND singleton_key = $2
       ) jobs ORDER BY created_on DESC LIMIT 1`,
      [name, singletonKey],
    );
    return rows[0] ? this.get(rows[0].id) : undefined;
  }

  async counts(): Promise<Record<JobName, Partial<Record<JobState, number>>>> {
    this.started();
    const { rows } = await this.pool!.query<{
      name: JobName;
      state: PgBoss.JobWithMetadata['state'];
      n: number;
    }>(
      `SELECT name, state, COUNT(*)::int AS n FROM ${this.schema}.job WHERE name = ANY($1) GROUP BY name, state`,
      [JOB_NAMES],
    );
    const counts = Object.fromEntries(JOB_NAMES.map((n) => [n, {}])) as Record<
      JobName,
      Partial<Record<JobState, number>>
    >;
    for (const row of rows) counts[row.name][jobState(row.state)] = row.n;
    return counts;
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    const boss = this.boss;
    if (!boss || this.stopped) return;
    this.stopped = true;
    for (const ids of this.workers.values()) for (const id of ids) await boss.offWork({ id });
    const stuck = await this.running.drain(options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
    for (const id of stuck) {
      const name = this.activeNames.get(id);
      if (name) await this.giveBack(name, id);
    }
    await boss.stop({ graceful: true, wait: true, timeout: 1000 });
    await this.pool?.end();
  }

  private started(): PgBoss {
    if (!this.boss || this.stopped) throw new StoreError('the job queue is not started (or already stopped)');
    return this.boss;
  }

  private async createQueue(boss: PgBoss, name: JobName): Promise<void> {
    if (await boss.getQueue(name)) return;
    await boss.createQueue(name, {
      name,
      // A scheduled sweep runs once at a time across the cluster (pg-boss's singleton queue).
      policy: name === 'poll-watches' ? 'singleton' : 'standard',
      retryLimit: this.defaults.retryLimit,
      retryDelay: Math.max(1, Math.round(this.defaults.retryDelaySeconds)),
      retryBackoff: true,
      expireInSeconds: Math.max(1, Math.round(this.defaults.expireInSeconds)),
    });
  }
}
