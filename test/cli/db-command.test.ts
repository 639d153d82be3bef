import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const OSV = (id: string, name: string, fixed: string): string =>
  JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified: '2024-01-01T00:00:00Z',
    summary: `${name} flaw`,
    affected: [
      {
        package: { ecosystem: 'npm', name },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }],
      },
    ],
  });

function oneLineError(r: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
}

describe('customs db', () => {
  const dir = tempDir('customs-db-cli-');
  const feed = join(dir, 'feed');
  mkdirSync(feed);
  writeFileSync(join(feed, 'GHSA-1.json'), OSV('GHSA-1111-2222-3333', 'left-pad', '1.3.0'));
  writeFileSync(join(feed, 'GHSA-2.json'), OSV('GHSA-4444-5555-6666', 'lodash', '4.17.21'));
  writeFileSync(join(feed, 'README.md'), '# advisories');
  const db = join(dir, 'vulndb.sqlite');

  it('imports a folder and prints records, skipped files; status as table and JSON', () => {
    const r = runCli(['db', 'import', feed, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imported 2 records from 3 files/);
    expect(r.stdout).toMatch(/^ {2}osv: 2$/m);
    expect(r.stdout).toMatch(/skipped 1 files/);
    const table = runCli(['db', 'status', '--db', db]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^osv +2 +2 +0 /m);
    const json = JSON.parse(runCli(['db', 'status', '-o', 'json', '--db', db]).stdout) as {
      schemaVersion: number;
      providers: { provider: string; vulnerabilities: number }[];
    };
    expect(json.schemaVersion).toBe(1);
    expect(json.providers).toMatchObject([{ provider: 'osv', vulnerabilities: 2 }]);
  });

  it('exports a signed bundle and installs it elsewhere; a tampered bundle is refused', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const priv = join(dir, 'sign.pem');
    const pub = join(dir, 'verify.pem');
    writeFileSync(priv, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }));
    const bundle = join(dir, 'bundle.tar');
    const e = runCli(['db', 'export', bundle, '--db', db, '--sign-key', priv]);
    expect(e.stderr).toBe('');
    expect(e.stdout).toMatch(/sha256:[0-9a-f]{64}, signed/);
    const target = join(dir, 'installed.sqlite');
    const i = runCli(['db', 'import', bundle, '--db', target, '--verify-key', pub]);
    expect(i.stderr).toBe('');
    expect(runCli(['db', 'status', '-o', 'json', '--db', target]).stdout).toMatch(/"vulnerabilities": 2/);
    const bytes = readFileSync(bundle);
    const at = bytes.indexOf(Buffer.from('SQLite format 3'));
    bytes[at + 4096] = bytes[at + 4096]! ^ 0xff;
    const tampered = join(dir, 'tampered.tar');
    writeFileSync(tampered, bytes);
    const before = readFileSync(target);
    oneLineError(
      runCli(['db', 'import', tampered, '--db', target]),
      /^customs: .*vulndb\.sqlite: digest mismatch/,
    );
    expect(readFileSync(target).equals(before)).toBe(true);
    const { publicKey: otherKey } = generateKeyPairSync('ed25519');
    const other = join(dir, 'other.pem');
    writeFileSync(other, otherKey.export({ type: 'spki', format: 'pem' }));
    oneLineError(
      runCli(['db', 'import', bundle, '--db', target, '--verify-key', other]),
      /signature does not match/,
    );
  });

  it('bad input: one line, exit 1', () => {
    oneLineError(
      runCli(['db', 'import', join(dir, 'missing'), '--db', db]),
      /missing: no such file or directory$/,
    );
    const corrupt = join(dir, 'corrupt.zip');
    writeFileSync(corrupt, 'PK\u0003\u0004 not a zip at all');
    const r = runCli(['db', 'import', corrupt, '--db', join(dir, 'c.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/rejected 1 from \(unreadable\)/);
    oneLineError(r, /^customs: nothing could be imported from/);
    oneLineError(
      runCli(['db', 'import', feed, '--db', join(dir, 'no', 'such', 'dir', 'x.sqlite')]),
      /directory .* does not exist/,
    );
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    if (process.getuid?.() !== 0) {
      oneLineError(runCli(['db', 'import', feed, '--db', join(locked, 'x.sqlite')]), /not writable/);
    }
    const notDb = join(dir, 'not-a-db.sqlite');
    writeFileSync(notDb, 'hello, this is text and not SQLite at all'.repeat(40));
    oneLineError(runCli(['db', 'status', '--db', notDb]), /is not an SQLite database/);
    oneLineError(
      runCli(['db', 'status', '--db', join(dir, 'absent.sqlite')]),
      /no vulnerability database at .*customs db update/,
    );
    oneLineError(
      runCli(['db', 'status', '--db', 'postgres://u:secret@127.0.0.1:1/x']),
      /^customs: cannot connect to PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x: ECONNREFUSED/,
    );
    oneLineError(
      runCli(['db', 'export', join(dir, 'x.tar'), '--db', 'postgres://127.0.0.1/x']),
      /works on an SQLite database file/,
    );
  });
});

describe('customs db update that fails', () => {
  const dir = tempDir('customs-db-update-fail-');
  // Every source on a closed port: what an offline machine sees.
  const offline = {
    CUSTOMS_KEV_URL: 'http://127.0.0.1:9/kev.json',
    CUSTOMS_EPSS_URL: 'http://127.0.0.1:9/epss.csv.gz',
  };

  it('creates no database file the first time, and says what to do in one line', () => {
    const db = join(dir, 'first.sqlite');
    const r = runCli(['db', 'update', '--db', db, '--provider', 'kev', 'epss'], offline);
    oneLineError(
      r,
      /every source failed, so no database was created at .*first\.sqlite: .*HTTPS_PROXY.*customs db import/,
    );
    expect(r.stdout).toMatch(/kev: FAILED: .* \(no data for it\)/);
    expect(r.stdout).not.toMatch(/previous data kept/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the previous data of a database that had some, and says so', () => {
    const feed = join(dir, 'feed');
    mkdirSync(feed);
    writeFileSync(join(feed, 'GHSA-1.json'), OSV('GHSA-1111-2222-3333', 'left-pad', '1.3.0'));
    const db = join(dir, 'kept.sqlite');
    expect(runCli(['db', 'import', feed, '--db', db]).code).toBe(0);
    const r = runCli(['db', 'update', '--db', db, '--provider', 'osv', 'kev'], {
      ...offline,
      CUSTOMS_OSV_URL: 'http://127.0.0.1:9/osv',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/osv:npm: FAILED: .* \(previous data kept\)/);
    expect(r.stdout).toMatch(/kev: FAILED: .* \(no data for it\)/);
    const status = JSON.parse(runCli(['db', 'status', '--db', db, '-o', 'json']).stdout) as {
      providers: { provider: string; vulnerabilities: number }[];
    };
    expect(status.providers.map((p) => [p.provider, p.vulnerabilities])).toEqual([['osv', 1]]);
  });

  it('removes the work files a killed run left beside the database, not a live run’s', () => {
    const cache = join(dir, 'cache');
    mkdirSync(cache);
    // A pid that is not running (above the kernel's pid_max of 2^22), and this test's own.
    const dead = join(cache, 'customs-sync-4194305-work-abc');
    mkdirSync(join(dead, 'unit-x'), { recursive: true });
    writeFileSync(join(dead, 'unit-x', 'feed.json'), 'x'.repeat(1000));
    writeFileSync(join(cache, 'customs-sync-4194306-new.sqlite'), 'partial');
    const live = join(cache, `customs-sync-${process.pid}-work-def`);
    mkdirSync(live);
    const r = runCli(['db', 'update', '--db', join(cache, 'vulndb.sqlite'), '--provider', 'kev'], offline);
    expect(r.stdout).toMatch(/removed 2 work files left by killed runs/);
    expect(readdirSync(cache).sort()).toEqual([`customs-sync-${process.pid}-work-def`]);
  });
});
