import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openServiceStore, withSqliteFileLock } from '../../../src/server/store/index.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { digestOf, sbomWith } from './fixtures.js';

const dir = tempDir('customs-shared-sqlite-');

/** Lets the store's transaction get going (BEGIN IMMEDIATE and its first awaits). */
async function hops(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

describe('another connection on the store’s SQLite file in the same process', () => {
  const big = sbomWith(...Array.from({ length: 2000 }, (_, i): [string, string] => [`pkg-${i}`, '1']));

  async function race(useLock: boolean): Promise<unknown> {
    const file = join(dir, `${useLock ? 'locked' : 'raw'}.db`);
    const store = await openServiceStore({ sqlitePath: file });
    const raw = new Database(file);
    raw.pragma('busy_timeout = 300');
    raw.exec('CREATE TABLE queue_probe (v INTEGER)');
    const write = () => raw.prepare('INSERT INTO queue_probe VALUES (1)').run();
    try {
      const put = store.analyses.putSbom(digestOf(1), big, '2026-01-01T00:00:00Z');
      const other = (async () => {
        await hops(8);
        return useLock ? withSqliteFileLock(file, write) : write();
      })();
      const outcome = await Promise.allSettled([put, other]);
      return outcome.map((o) => o.status);
    } finally {
      raw.close();
      await store.close();
    }
  }

  it('stalls and fails when it writes during a store transaction without the file lock', async () => {
    expect(await race(false)).toEqual(['fulfilled', 'rejected']);
  });

  it('waits its turn under withSqliteFileLock', async () => {
    expect(await race(true)).toEqual(['fulfilled', 'fulfilled']);
  });
});
