import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/errors/index.js';
import { openServiceStore } from '../../../src/server/store/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

const dir = tempDir('customs-open-store-');

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: Error) => err,
  );
}

describe('openServiceStore', () => {
  it('creates the SQLite file and its directory, in WAL mode', async () => {
    const file = join(dir, 'new', 'data', 'customs.db');
    const store = await openServiceStore({ sqlitePath: file });
    expect(store.kind).toBe('sqlite');
    await store.accounts.create({ name: 'a', role: 'admin' });
    await store.close();
    const again = await openServiceStore({ sqlitePath: file });
    expect((await again.accounts.list()).map((a) => a.name)).toEqual(['a']);
    await again.close();
    await expect(again.ping()).rejects.toThrow(/is closed$/);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('says in one line that a SQLite path cannot be opened', async () => {
    const directory = join(dir, 'is-a-dir');
    mkdirSync(directory);
    const err = await failure(openServiceStore({ sqlitePath: directory }));
    expect(err).toBeInstanceOf(StoreError);
    expect(err.message).toMatch(new RegExp(`^cannot open SQLite store ${directory}: `));
    expect(err.message).not.toContain('\n');
  });

  it('says in one line that PostgreSQL cannot be reached, without the password', async () => {
    const err = await failure(
      openServiceStore({ databaseUrl: 'postgres://customs:s3cret-pw@127.0.0.1:1/customs' }),
    );
    expect(err).toBeInstanceOf(StoreError);
    expect(err.message).toMatch(
      /^cannot connect to PostgreSQL store 127\.0\.0\.1:1\/customs: .*ECONNREFUSED/,
    );
    expect(err.message).not.toContain('s3cret-pw');
    expect(err.message).not.toContain('\n');
  });
});
