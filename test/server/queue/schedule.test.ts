// schedule(): a scheduled job is queued on its interval, and never runs twice at once, however
// many queues (processes) schedule it: the in-process queue by its singleton key, pg-boss by its
// cron (one instance fires each slot) and the singleton queue of `poll-watches`.
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { cronEvery } from '../../../src/server/queue/job-defaults.js';
import { InProcessQueue } from '../../../src/server/queue/in-process/in-process-queue.js';
import { PgBossQueue } from '../../../src/server/queue/pg-boss/pg-boss-queue.js';
import type { JobQueue } from '../../../src/server/queue/types.js';
import { createScratchDatabase } from '../../../src/vulndb/store/testing/scratch-postgres.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { until } from './queue-conformance.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A handler that takes `ms`, counting runs and the most running at once across every queue. */
function overlapProbe(ms: number) {
  const probe = { runs: [] as number[], running: 0, most: 0 };
  const handler = async (): Promise<void> => {
    probe.runs.push(Date.now());
    probe.running++;
    probe.most = Math.max(probe.most, probe.running);
    await sleep(ms);
    probe.running--;
  };
  return { probe, handler };
}

describe('schedule() on the in-process queue', () => {
  it('queues the job every interval, and stops with unschedule()', async () => {
    const queue = new InProcessQueue({
      sqlitePath: join(tempDir('sched-'), 'customs.db'),
      pollIntervalMs: 50,
    });
    await queue.start();
    const { probe, handler } = overlapProbe(10);
    await queue.work('poll-watches', handler);
    const started = Date.now();
    await queue.schedule('poll-watches', {}, { everySeconds: 1 });
    await until(async () => probe.runs.length >= 3, 6000);
    expect(probe.runs[0]! - started).toBeGreaterThanOrEqual(900); // the first after one interval
    for (let i = 1; i < probe.runs.length; i++)
      expect(probe.runs[i]! - probe.runs[i - 1]!).toBeGreaterThanOrEqual(800);
    await queue.unschedule('poll-watches');
    const count = probe.runs.length;
    await sleep(1500);
    expect(probe.runs.length).toBe(count);
    await queue.stop({ timeoutMs: 1000 });
  }, 15_000);

  it('runs it one at a time when two queues on one file both schedule it', async () => {
    const file = join(tempDir('sched-'), 'customs.db');
    const queues = [1, 2].map(
      () => new InProcessQueue({ sqlitePath: file, pollIntervalMs: 50, ownsFile: false }),
    );
    const { probe, handler } = overlapProbe(1300); // longer than the interval
    for (const q of queues) {
      await q.start();
      await q.work('poll-watches', handler, { concurrency: 2 });
      await q.schedule('poll-watches', {}, { everySeconds: 0.5 });
    }
    await sleep(4500);
    expect(probe.runs.length).toBeGreaterThanOrEqual(2);
    expect(probe.most).toBe(1);
    // A watch's poll is one open job, whichever process queues it.
    const a = await queues[0]!.enqueue(
      'poll-tag',
      { accountId: 'a', watchId: 'w' },
      { singletonKey: 'watch:w' },
    );
    const b = await queues[1]!.enqueue(
      'poll-tag',
      { accountId: 'a', watchId: 'w' },
      { singletonKey: 'watch:w' },
    );
    expect(b).toBe(a);
    for (const q of queues) await q.stop({ timeoutMs: 2000 });
  }, 15_000);
});

describe('cron of a pg-boss schedule', () => {
  it('rounds intervals to minutes, hours or days', () => {
    expect(cronEvery(1)).toBe('* * * * *');
    expect(cronEvery(60)).toBe('* * * * *');
    expect(cronEvery(300)).toBe('*/5 * * * *');
    expect(cronEvery(3600)).toBe('0 */1 * * *');
    expect(cronEvery(6 * 3600)).toBe('0 */6 * * *');
    expect(cronEvery(7 * 24 * 3600)).toBe('0 0 * * *');
  });
});

const scratch = await createScratchDatabase();

describe.skipIf(!scratch)('schedule() on pg-boss (PostgreSQL)', () => {
  const queues: JobQueue[] = [];
  afterAll(async () => {
    for (const q of queues) await q.stop({ timeoutMs: 1000 }).catch(() => undefined);
    await scratch?.drop();
  });

  it('fires a schedule two instances registered once per slot, one run at a time', async () => {
    for (let i = 0; i < 2; i++)
      queues.push(
        new PgBossQueue({
          databaseUrl: scratch!.url,
          schema: 'boss_sched',
          pollIntervalSeconds: 0.5,
          cronMonitorIntervalSeconds: 1,
        }),
      );
    const { probe, handler } = overlapProbe(2000);
    for (const q of queues) {
      await q.start();
      await q.work('poll-watches', handler, { concurrency: 2 });
      await q.schedule('poll-watches', {}, { everySeconds: 60 });
    }
    // `* * * * *` is due at once (its last slot began under a minute ago): one job per minute
    // slot, though both instances look every second (a test crossing a minute sees two slots).
    await until(async () => probe.runs.length >= 1, 30_000);
    await sleep(4000);
    const client = new pg.Client({ connectionString: scratch!.url });
    await client.connect();
    const jobs = await client.query<{ name: string; slot: Date | null }>(
      `SELECT name, singleton_on AS slot FROM boss_sched.job WHERE name IN ('poll-watches', '__pgboss__send-it')`,
    );
    await client.end();
    const slots = new Set(jobs.rows.filter((r) => r.name !== 'poll-watches').map((r) => String(r.slot)));
    const fired = jobs.rows.filter((r) => r.name === 'poll-watches').length;
    expect(slots.size).toBeGreaterThanOrEqual(1);
    expect(fired).toBe(slots.size);
    expect(probe.runs.length).toBeGreaterThanOrEqual(1);
    expect(probe.runs.length).toBeLessThanOrEqual(fired);
    expect(probe.most).toBe(1);
    await queues[0]!.unschedule('poll-watches');
  }, 60_000);
});
