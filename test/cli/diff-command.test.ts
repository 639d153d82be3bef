// `customs diff A B` on the real test images: bookworm, and polyglot built on top of it. The
// packages and files it reports are checked against each image's own `customs sbom -o json`,
// the configuration against the images' config blobs, vulnerabilities against a feed imported here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageDrift } from '../../src/drift/types.js';
import { importFeeds } from '../../src/vulndb/import/index.js';
import { FEED_PARSERS } from '../../src/vulndb/providers/registry.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { getTestImages } from '../images/index.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('customs-diff-');
const db = join(dir, 'vulns.db');
const cacheEnv = { CUSTOMS_CACHE_DIR: join(dir, 'cache') };

type SbomJson = {
  packages: { type: string; name: string; version: string }[];
  files: { path: string; modeText: string; sha256?: string }[];
};

let bookworm: string;
let polyglot: string;
let drift: ImageDrift;

function sbomOf(image: string): SbomJson {
  const r = runCli(['sbom', image, '-q', '-o', 'json', '--files', 'all', '--file-digests'], cacheEnv);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SbomJson;
}

beforeAll(async () => {
  const images = getTestImages().images;
  bookworm = `oci-dir:${images.bookworm.ociDir}:${images.bookworm.tag}`;
  polyglot = `oci-dir:${images.polyglot.ociDir}:${images.polyglot.tag}`;
  // lodash is in polyglot only; a record for it is a vulnerability the later image introduces.
  const record = {
    schema_version: '1.4.0',
    id: 'GHSA-test-diff-0001',
    modified: '2024-01-01T00:00:00Z',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [
      {
        package: { ecosystem: 'npm', name: 'lodash' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
      },
    ],
  };
  const file = join(dir, 'GHSA-test-diff-0001.json');
  writeFileSync(file, JSON.stringify(record));
  const store = openSqliteStore(db);
  await importFeeds(store, [file], { parsers: FEED_PARSERS });
  await store.close();
  const out = join(dir, 'drift.json');
  const r = runCli(['diff', bookworm, polyglot, '-q', '--db', db, '-o', `json=${out}`], cacheEnv);
  expect(r.code, r.stderr).toBe(0);
  drift = JSON.parse(readFileSync(out, 'utf8')) as ImageDrift;
}, 300_000);

describe('customs diff', () => {
  it('lists the packages the later image added, as the two SBOMs tell them apart', () => {
    const key = (p: { type: string; name: string }) => `${p.type} ${p.name}`;
    const before = new Set(sbomOf(bookworm).packages.map(key));
    const after = new Set(sbomOf(polyglot).packages.map(key));
    const added = [...after].filter((k) => !before.has(k)).sort();
    const removed = [...before].filter((k) => !after.has(k)).sort();
    expect(drift.schema).toBe('customs-diff/1');
    expect(drift.packages.added.map(key).sort()).toEqual(added);
    expect(drift.packages.removed.map(key).sort()).toEqual(removed);
    expect(added.length).toBeGreaterThan(100);
  });

  it('lists every file added, removed or changed, with the setuid copy of bash among the added', () => {
    const before = new Map(sbomOf(bookworm).files.map((f) => [f.path, f]));
    const after = new Map(sbomOf(polyglot).files.map((f) => [f.path, f]));
    expect(drift.files.added.map((f) => f.path).sort()).toEqual(
      [...after.keys()].filter((p) => !before.has(p)).sort(),
    );
    expect(drift.files.removed.map((f) => f.path).sort()).toEqual(
      [...before.keys()].filter((p) => !after.has(p)).sort(),
    );
    const suid = drift.files.added.find((f) => f.path === '/usr/local/bin/suid-sh');
    expect(suid?.modeText).toBe('4755');
    expect(suid?.sha256).toBe(after.get('/bin/bash')?.sha256 ?? after.get('/usr/bin/bash')?.sha256);
    for (const change of drift.files.changed) {
      const [a, b] = [before.get(change.path), after.get(change.path)];
      expect(a && b, change.path).toBeTruthy();
      if (change.changes.includes('content')) expect(a!.sha256).not.toBe(b!.sha256);
    }
  });

  it('names the configuration changes: user, ports, env, command', () => {
    const field = (name: string, key?: string) =>
      drift.config.find((c) => c.field === name && (key === undefined || c.key === key));
    expect(field('user')?.after).toBe('appuser');
    expect(field('env', 'NODE_ENV')).toEqual({ field: 'env', key: 'NODE_ENV', after: 'production' });
    expect(field('exposedPorts', '3000/tcp')?.after).toBe('3000/tcp');
    expect(field('cmd')?.after).toBe(JSON.stringify(['node', 'server.js']));
  });

  it('lists the vulnerability the later image introduced and none fixed', () => {
    expect(drift.vulnerabilities?.introduced.map((v) => `${v.id} ${v.packageName}`)).toEqual([
      'GHSA-test-diff-0001 lodash',
    ]);
    expect(drift.vulnerabilities?.fixed).toEqual([]);
  });

  it('finds nothing between an image and itself, and exits 2 only for the kinds asked for', () => {
    const same = runCli(['diff', bookworm, bookworm, '-q', '--no-vulnerabilities'], cacheEnv);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('no changes');
    const gate = runCli(
      [
        'diff',
        bookworm,
        polyglot,
        '-q',
        '--no-vulnerabilities',
        '--fail-on-drift',
        'package_removed,package_added',
      ],
      cacheEnv,
    );
    expect(gate.code).toBe(2);
    expect(gate.stderr).toMatch(/drift found: package_added \d+/);
    const quiet = runCli(
      ['diff', bookworm, bookworm, '-q', '--no-vulnerabilities', '--fail-on-drift', 'package_added'],
      cacheEnv,
    );
    expect(quiet.code).toBe(0);
  });

  it('refuses an unknown kind of change in one line', () => {
    const r = runCli(['diff', bookworm, polyglot, '--fail-on-drift', 'colour_changed'], cacheEnv);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unknown kind colour_changed');
  });
});
