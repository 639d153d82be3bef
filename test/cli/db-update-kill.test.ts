// SIGKILL during `customs db update`: the built CLI syncs a large OSV ecosystem from a local feed
// server and is killed at points through the download and the import. After every kill the
// database is the one it was before (or, for a kill after the commit, the whole new one: never a
// part), the next run removes what the killed one left, and a run left alone completes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../../src/vulndb/import/testing/zip-writer.js';
import { CUSTOMS_BIN, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const RECORDS = 30_000;
const dir = tempDir('customs-db-kill-');
const db = join(dir, 'vulndb.sqlite');
const configFile = join(dir, 'sync.json');
let server: Server;
let zip: Buffer;
let downloads = 0;

const osv = (i: number): string =>
  JSON.stringify({
    id: `GO-2024-${i}`,
    modified: '2024-05-01T00:00:00Z',
    affected: [
      {
        package: { ecosystem: 'Go', name: `example.com/m${i}` },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `1.${i}.0` }] }],
      },
    ],
  });

beforeAll(async () => {
  const entries: Record<string, string> = {};
  for (let i = 0; i < RECORDS; i++) entries[`GO-2024-${i}.json`] = osv(i);
  zip = makeZip(entries);
  server = createServer((req, res) => {
    if (req.url === '/osv/Go/all.zip') {
      downloads++;
      // Sent in pieces over about a second, so that a kill can land in the download.
      res.writeHead(200, { 'content-length': zip.length, 'content-type': 'application/zip' });
      const pieces = 20;
      const size = Math.ceil(zip.length / pieces);
      let sent = 0;
      const next = () => {
        if (sent >= zip.length || res.destroyed) return res.end();
        res.write(zip.subarray(sent, sent + size));
        sent += size;
        setTimeout(next, 50);
      };
      next();
      return;
    }
    if (req.url === '/osv/Go/modified_id.csv') {
      res.end('2024-05-01T00:00:00Z,GO-2024-0\n');
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  writeFileSync(configFile, JSON.stringify({ osv: { url: `${base}/osv`, ecosystems: ['Go'] } }));
  // The database as it was before: one record imported from a folder.
  const feed = join(dir, 'feed');
  mkdirSync(feed);
  writeFileSync(join(feed, 'GO-1999-1.json'), osv(-1).replace('GO-2024--1', 'GO-1999-1'));
  expect(runCli(['db', 'import', feed, '--db', db]).code).toBe(0);
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function vulnerabilities(): number {
  const r = runCli(['db', 'status', '--db', db, '-o', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const status = JSON.parse(r.stdout) as { providers: { vulnerabilities: number }[] };
  return status.providers.reduce((n, p) => n + p.vulnerabilities, 0);
}

/** Runs `db update`, killing it `afterMs` after it starts (undefined: lets it finish). */
async function update(afterMs?: number): Promise<{ killed: boolean; code: number | null; stdout: string }> {
  const child = spawn(
    process.execPath,
    [CUSTOMS_BIN, 'db', 'update', '--db', db, '--provider', 'osv', '--config', configFile],
    { env: { ...process.env, CUSTOMS_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', () => undefined);
  const closed = once(child, 'close');
  if (afterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), afterMs);
  const [code, signal] = (await closed) as [number | null, string | null];
  return { killed: signal === 'SIGKILL', code, stdout };
}

describe('db update killed part-way', () => {
  it('leaves the previous database or the whole new one, cleans up after itself, and completes', async () => {
    const before = vulnerabilities();
    expect(before).toBe(1);
    const seen = new Set<number>();
    let killedInside = 0;
    let lastKillInside = false;
    for (const afterMs of [300, 800, 1300, 1800, 2500, 3500]) {
      const run = await update(afterMs);
      const now = vulnerabilities();
      seen.add(now);
      lastKillInside = run.killed && now === before;
      if (lastKillInside) killedInside++;
      // Never a part of the new data.
      expect([before, before + RECORDS, RECORDS]).toContain(now);
      if (now !== before) break;
    }
    expect(killedInside, [...seen].join(', ')).toBeGreaterThanOrEqual(2);
    const last = await update();
    expect(last.killed).toBe(false);
    expect(last.code, last.stdout).toBe(0);
    // The run after a kill finds what it left (a partial download or database) and removes it.
    if (lastKillInside) expect(last.stdout).toMatch(/removed [1-9]\d* work files? left by killed runs/);
    expect(last.stdout).toMatch(/osv:Go: 30,000 records/);
    expect([before + RECORDS, RECORDS]).toContain(vulnerabilities());
    // Nothing of the killed runs is left beside the database.
    expect(readdirSync(dir).filter((n) => n.startsWith('customs-sync-'))).toEqual([]);
    expect(downloads).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
