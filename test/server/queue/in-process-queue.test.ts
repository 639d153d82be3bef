import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../../src/server/queue/in-process/in-process-queue.js';
import { QUEUE_SCHEMA_VERSION } from '../../../src/server/queue/in-process/queue-schema.js';
import { tempDir } from '../../helpers/temp-dir.js';
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
});
