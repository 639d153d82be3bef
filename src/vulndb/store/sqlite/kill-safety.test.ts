import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-dir.js';
import { openSqliteStore } from './index.js';
import { syntheticRecord } from './testing/kill-writer.js';

const CHILD = fileURLToPath(new URL('./testing/kill-child.mjs', import.meta.url));
const BIG = 60_000;

/** Every row of every table, hashed in a fixed order: "the database equals its before-state". */
function contentDigest(file: string): { digest: string; integrity: string } {
  const db = new Database(file, { readonly: true });
  const hash = createHash('sha256');
  const tables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  for (const table of tables) {
    hash.update(`#${table}\n`);
    const lines = db
      .prepare(`SELECT * FROM ${table}`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
    for (const line of lines) hash.update(`${line}\n`);
  }
  const integrity = (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string })
    .integrity_check;
  db.close();
  return { digest: hash.digest('hex'), integrity };
}

/** Runs the child writer and SIGKILLs it when its stdout shows `when`. */
function runAndKill(file: string, when: string): Promise<{ signal: NodeJS.Signals | null; saw: boolean }> {
  return new Promise((resolve, reject) => {
    // A small page cache makes the writer spill into the database file mid-transaction, so the
    // kill leaves a hot journal that the next opener must roll back.
    const env = { ...process.env, CUSTOMS_SQLITE_CACHE_KIB: '1024' };
    const child = spawn(process.execPath, [CHILD, file, String(BIG), 'second'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    let out = '';
    let saw = false;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!saw && out.split('\n').includes(when)) {
        saw = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!saw && code !== 0) reject(new Error(`child failed before '${when}': ${stderr}`));
      else resolve({ signal, saw });
    });
  });
}

describe('SQLite store under SIGKILL', () => {
  const dir = tempDir('customs-kill-');
  const file = join(dir, 'vulndb.sqlite');

  it('prepares a before-state', async () => {
    const store = openSqliteStore(file);
    const session = await store.begin();
    for (let i = 0; i < 500; i++) {
      const { v, affected } = syntheticRecord(i, 'first');
      await session.putVulnerability(v, affected);
    }
    await session.recordProvider({ provider: 'synthetic', lastSync: '2024-01-01T00:00:00Z', rejected: 0 });
    await session.commit();
    await store.close();
  });

  it.each(['wrote 0', 'wrote 10000', 'wrote 30000', 'wrote 58000'])(
    'a kill at "%s" leaves the previous database intact',
    async (when) => {
      const before = contentDigest(file);
      const { signal, saw } = await runAndKill(file, when);
      expect(saw).toBe(true);
      expect(signal).toBe('SIGKILL');
      if (when !== 'wrote 0') expect(existsSync(`${file}-journal`)).toBe(true);
      // The read-only open (the scan path) rolls the hot journal back before reading.
      await openSqliteStore(file, { readonly: true }).close();
      if (when !== 'wrote 0') expect(existsSync(`${file}-journal`)).toBe(false);
      const after = contentDigest(file);
      expect(after.integrity).toBe('ok');
      expect(after.digest).toBe(before.digest);
      const store = openSqliteStore(file, { readonly: true });
      const status = await store.status();
      expect(status.providers[0]).toMatchObject({
        provider: 'synthetic',
        vulnerabilities: 500,
        lastSync: '2024-01-01T00:00:00Z',
      });
      expect((await store.affectedBy('npm', 'pkg-7-1'))[0]?.fixedVersions).toEqual(['5.1.7']);
      await store.close();
    },
  );

  it('a kill as COMMIT starts leaves either the old or the whole new state, never a mix', async () => {
    const before = contentDigest(file);
    await runAndKill(file, 'commit');
    await openSqliteStore(file, { readonly: true }).close();
    const after = contentDigest(file);
    expect(after.integrity).toBe('ok');
    const store = openSqliteStore(file, { readonly: true });
    const count = (await store.status()).providers[0]?.vulnerabilities;
    await store.close();
    if (after.digest !== before.digest) expect(count).toBe(BIG);
    else expect(count).toBe(500);
  });
});
