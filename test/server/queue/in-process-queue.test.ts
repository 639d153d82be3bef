import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../../src/server/queue/in-process/in-process-queue.js';
import { QUEUE_SCHEMA_VERSION } from '../../../src/server/queue/in-process/queue-schema.js';
import { openServiceStore } from '../../../src/server/store/index.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { digestOf, sbomWith } from '../store/fixtures.js';
import { queueConformance, until } from './queue-conformance.js';

describe('in-process queue (SQLite)', () => {
  queueConformance(async () => {
    const file = join(tempDir('queue-'), 'customs.db');
    return () => new InProcessQueue({ sqlitePath: file, pollIntervalMs: 100 });
  });

  it('gives back, on start, a job an earlier process left running, counting the attempt', async () => {
    const file = join(tempDir('queue-'), 'customs.db');
    const dead = new InProcessQueue({ sqlitePath: file, pollIntervalMs: 100 });
    await dead.start();
    const id = await dead.enqueue(
      'analyze-image',
      { digest: 'sha256:d', accountId: 'a' },
      { retryDelaySeconds: 0 },
    );
    let late = false;
    await dead.work('analyze-image', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      late = true;
    });
    await until(async () => (await dead.get(id))?.state === 'active');

    const restarted = new InProcessQueue({ sqlitePath: file, pollIntervalMs: 100 });
    await restarted.start();
    expect(await restarted.get(id)).toMatchObject({
      state: 'retry',
      attempts: 1,
      error: 'the worker stopped before the job finished',
    });
    const attempts: number[] = [];
    await restarted.work('analyze-image', async (job) => {
      attempts.push(job.attempt);
      await Promise.resolve();
    });
    await until(async () => (await restarted.get(id))?.state === 'completed');
    await until(() => Promise.resolve(late), 5000);
    // The orphaned run's late finish records nothing: the job is the new run's.
    expect(await restarted.get(id)).toMatchObject({ state: 'completed', attempts: 2 });
    expect(attempts).toEqual([2]);
    await dead.stop({ timeoutMs: 100 });
    await restarted.stop();
  });

  it('keeps its tables beside the store, versioned, and refuses a newer version', async () => {
    const file = join(tempDir('queue-'), 'customs.db');
    const other = new Database(file);
    other.exec('CREATE TABLE accounts (id TEXT PRIMARY KEY)');
    other.close();
    const queue = new InProcessQueue({ sqlitePath: file });
    await queue.start();
    await queue.stop();
    await queue.stop();
    const db = new Database(file);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual(['accounts', 'queue_jobs', 'queue_schema']);
    db.prepare('UPDATE queue_schema SET version = ?').run(QUEUE_SCHEMA_VERSION + 1);
    db.close();
    await expect(new InProcessQueue({ sqlitePath: file }).start()).rejects.toThrow(/newer than this Customs/);
  });

  it('shares the store’s file: its writes wait for the store’s transactions instead of stalling them', async () => {
    const file = join(tempDir('queue-'), 'customs.db');
    const store = await openServiceStore({ sqlitePath: file });
    const queue = new InProcessQueue({ sqlitePath: file, pollIntervalMs: 50 });
    await queue.start();
    const big = sbomWith(...Array.from({ length: 2000 }, (_, i): [string, string] => [`pkg-${i}`, '1']));
    const done: string[] = [];
    await queue.work(
      'analyze-image',
      async (job) => {
        done.push(job.data.digest);
        await store.analyses.putSbom(job.data.digest, big, '2026-01-01T00:00:00Z');
      },
      { concurrency: 2 },
    );
    const ids = await Promise.all(
      [1, 2, 3, 4].map((n) => queue.enqueue('analyze-image', { digest: digestOf(n), accountId: 'a' })),
    );
    await until(
      async () => (await Promise.all(ids.map((id) => queue.get(id)))).every((j) => j?.state === 'completed'),
      20_000,
    );
    expect(done.sort()).toEqual([1, 2, 3, 4].map(digestOf).sort());
    expect((await store.analyses.getSbom(digestOf(3)))?.packages).toHaveLength(2000);
    await queue.stop();
    await store.close();
  });
});
