import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { defaultDatabasePath, isPostgresLocation, openStore } from './default-path.js';

describe('database location', () => {
  it('uses XDG_CACHE_HOME when it is an absolute path, else ~/.cache', () => {
    expect(defaultDatabasePath({ XDG_CACHE_HOME: '/var/cache/me' })).toBe(
      '/var/cache/me/customs/vulndb.sqlite',
    );
    expect(defaultDatabasePath({ XDG_CACHE_HOME: 'relative' })).toBe(
      join(homedir(), '.cache/customs/vulndb.sqlite'),
    );
    expect(defaultDatabasePath({})).toBe(join(homedir(), '.cache/customs/vulndb.sqlite'));
  });

  it('tells PostgreSQL URLs from paths', () => {
    expect(isPostgresLocation('postgres://u@h/db')).toBe(true);
    expect(isPostgresLocation('postgresql://h/db')).toBe(true);
    expect(isPostgresLocation('./postgres.sqlite')).toBe(false);
  });

  it('opens an SQLite file by path, and refuses a missing one read-only', async () => {
    const dir = tempDir();
    const store = await openStore(join(dir, 'a.sqlite'));
    expect(store.location).toBe(`sqlite:${join(dir, 'a.sqlite')}`);
    await store.close();
    await expect(openStore(join(dir, 'missing.sqlite'), { readonly: true })).rejects.toThrow(
      /no vulnerability database at .*customs db update/,
    );
    await expect(openStore(join(dir, 'no-dir', 'x.sqlite'))).rejects.toThrow(/directory .* does not exist/);
  });

  it('reports a refused PostgreSQL connection as one line', async () => {
    await expect(openStore('postgres://nobody:secret@127.0.0.1:1/x')).rejects.toThrow(
      /^cannot connect to PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/x: ECONNREFUSED/,
    );
  });
});
