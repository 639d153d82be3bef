import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PgBossQueue } from '../../../src/server/queue/pg-boss/pg-boss-queue.js';
import { createScratchDatabase } from '../../../src/vulndb/store/testing/scratch-postgres.js';
import { queueConformance } from './queue-conformance.js';

// A fresh database for this file on the local server; each test gets its own pg-boss schema.
const scratch = await createScratchDatabase();
let schemas = 0;

describe.skipIf(!scratch)('pg-boss queue (PostgreSQL)', () => {
  afterAll(async () => scratch?.drop());

  queueConformance(async () => {
    const schema = `boss_${++schemas}`;
    return () =>
      new PgBossQueue({
        databaseUrl: scratch!.url,
        schema,
        pollIntervalSeconds: 0.5,
        maintenanceIntervalSeconds: 1,
      });
  });

  describe('its tables', () => {
    let client: pg.Client;
    beforeAll(async () => {
      client = new pg.Client({ connectionString: scratch!.url });
      await client.connect();
    });
    afterAll(async () => client.end());

    it('creates one queue per job name, with the retry and expiry defaults', async () => {
      const queue = new PgBossQueue({ databaseUrl: scratch!.url, schema: 'boss_queues' });
      await queue.start();
      await queue.stop();
      const { rows } = await client.query<{
        name: string;
        policy: string;
        retry_limit: number;
        expire_seconds: number;
      }>(
        "SELECT name, policy, retry_limit, expire_seconds FROM boss_queues.queue WHERE name NOT LIKE '\\_\\_pgboss\\_\\_%' ORDER BY name",
      );
      expect(rows).toEqual([
        { name: 'analyze-image', policy: 'standard', retry_limit: 3, expire_seconds: 900 },
        { name: 'evaluate-image', policy: 'standard', retry_limit: 3, expire_seconds: 900 },
        { name: 'poll-repository', policy: 'standard', retry_limit: 3, expire_seconds: 900 },
        { name: 'poll-tag', policy: 'standard', retry_limit: 3, expire_seconds: 900 },
        { name: 'poll-watches', policy: 'singleton', retry_limit: 3, expire_seconds: 900 },
        { name: 'sync-feeds', policy: 'standard', retry_limit: 3, expire_seconds: 900 },
      ]);
    });

    it('keeps one open job per key when many enqueue at once', async () => {
      const queues = [1, 2, 3].map(() => new PgBossQueue({ databaseUrl: scratch!.url, schema: 'boss_race' }));
      for (const q of queues) await q.start();
      const ids = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          queues[i % 3]!.enqueue(
            'analyze-image',
            { digest: 'sha256:race', accountId: `a${i}` },
            { singletonKey: 'sha256:race' },
          ),
        ),
      );
      expect(new Set(ids).size).toBe(1);
      const { rows } = await client.query('SELECT count(*)::int AS n FROM boss_race.job');
      expect(rows[0]).toEqual({ n: 1 });
      for (const q of queues) await q.stop();
    });

    it('says which database it could not reach', async () => {
      const queue = new PgBossQueue({ databaseUrl: 'postgres://127.0.0.1:1/nothing' });
      await expect(queue.start()).rejects.toThrow(/cannot start the job queue \(pg-boss\)/);
    });
  });
});
