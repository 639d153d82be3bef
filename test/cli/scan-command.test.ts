import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { affected, pkg, sbomWith, vulnerability } from '../helpers/memory-vuln-store.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let db: string;
let sbomFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'customs-scan-cli-'));
  db = path.join(dir, 'vuln.db');
  const store = openSqliteStore(db);
  const session = await store.begin();
  await session.putVulnerability(
    vulnerability('GHSA-jf85-cpcp-j695', { aliases: ['CVE-2019-10744'], severity: 'critical' }),
    [
      affected('GHSA-jf85-cpcp-j695', 'npm', 'lodash', {
        scheme: 'semver',
        ranges: [{ introduced: '0', fixed: '4.17.12' }],
        fixedVersions: ['4.17.12'],
      }),
    ],
  );
  await session.putVulnerability(vulnerability('CVE-2099-0001', { severity: 'low' }), [
    affected('CVE-2099-0001', 'npm', 'minimist', {
      scheme: 'semver',
      ranges: [{ introduced: '0' }],
      fixState: 'not-fixed',
    }),
  ]);
  await session.recordProvider({ provider: 'test', lastSync: new Date().toISOString(), rejected: 0 });
  await session.commit();
  await store.close();
  const sbom = sbomWith(
    [
      pkg('npm', 'lodash', '4.17.11', { purl: 'pkg:npm/lodash@4.17.11' }),
      pkg('npm', 'minimist', '1.2.0', { purl: 'pkg:npm/minimist@1.2.0' }),
    ],
    null,
  );
  sbomFile = path.join(dir, 'app.sbom.json');
  writeFileSync(sbomFile, JSON.stringify(sbom));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('customs scan', () => {
  it('prints the table and exits 0 without --fail-on', () => {
    const r = runCli(['scan', `sbom:${sbomFile}`, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+INSTALLED\s+FIXED-IN\s+TYPE\s+VULNERABILITY\s+SEVERITY\s+EPSS\s+KEV$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 6))).toEqual([
      ['lodash', '4.17.11', '4.17.12', 'npm', 'GHSA-jf85-cpcp-j695', 'critical'],
      ['minimist', '1.2.0', 'npm', 'CVE-2099-0001', 'low'],
    ]);
  });

  it('exits 2 when a match at or above --fail-on remains, 0 when none does', () => {
    const high = runCli(['scan', `sbom:${sbomFile}`, '--db', db, '--fail-on', 'high']);
    expect(high.code).toBe(2);
    expect(high.stderr).toBe('customs: 1 vulnerability at or above high (--fail-on high)\n');
    const low = runCli(['scan', `sbom:${sbomFile}`, '--db', db, '--fail-on', 'low']);
    expect(low.code).toBe(2);
    expect(low.stderr).toBe('customs: 2 vulnerabilities at or above low (--fail-on low)\n');
    expect(
      runCli(['scan', `sbom:${sbomFile}`, '--db', db, '--fail-on', 'low', '--only-fixed', '-o', 'json']).code,
    ).toBe(2);
    const vex = path.join(dir, 'lodash.vex.json');
    writeFileSync(
      vex,
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        statements: [
          {
            vulnerability: { name: 'CVE-2019-10744' },
            products: [{ '@id': 'pkg:npm/lodash@4.17.11' }],
            status: 'not_affected',
            justification: 'inline_mitigations_already_exist',
          },
        ],
      }),
    );
    const r = runCli(['scan', `sbom:${sbomFile}`, '--db', db, '--fail-on', 'medium', '--vex', vex]);
    expect(r.code).toBe(0);
    // Diagnostics on stderr, as grype does: `scan > report.txt` holds only the report.
    expect(r.stderr).toBe(
      'customs: 1 matches ignored (VEX, ignore rules, --only-fixed); -o json lists them\n',
    );
    expect(r.stdout).not.toContain('ignored');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('writes JSON (without the SBOM) to a file, with --only-fixed matches set aside', () => {
    const out = path.join(dir, 'report.json');
    const r = runCli(['scan', `sbom:${sbomFile}`, '--db', db, '--only-fixed', '-o', `json=${out}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown> & {
      matches: { vulnerability: { id: string } }[];
      ignoredMatches: { vulnerability: { id: string }; reason: { by: string } }[];
    };
    expect(report.schema).toBe('customs-scan/1');
    expect('sbom' in report).toBe(false);
    expect(report.matches.map((m) => m.vulnerability.id)).toEqual(['GHSA-jf85-cpcp-j695']);
    expect(report.ignoredMatches.map((m) => [m.vulnerability.id, m.reason.by])).toEqual([
      ['CVE-2099-0001', 'only-fixed'],
    ]);
  });

  it('a missing database is one actionable line and exit 1', () => {
    const missing = path.join(dir, 'nope.db');
    const r = runCli(['scan', `sbom:${sbomFile}`, '--db', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `customs: no vulnerability database at ${missing}: run \`customs db update\` or \`customs db import PATH\`\n`,
    );
  });

  it('an empty database, or one without data for the image, does not pass --fail-on', async () => {
    const empty = path.join(dir, 'empty.db');
    await openSqliteStore(empty).close();
    const r = runCli(['scan', `sbom:${sbomFile}`, '--db', empty, '--fail-on', 'high']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^customs: the vulnerability database at .*empty\.db holds no data, so --fail-on high cannot pass: run `customs db update`.*customs db import.*customs db export/,
    );
    // Without a gate it is a report like any other, with the warning.
    const report = runCli(['scan', `sbom:${sbomFile}`, '--db', empty]);
    expect(report.code).toBe(0);
    expect(report.stdout).toBe('No vulnerabilities found\n');
    expect(report.stderr).toMatch(/warning: the vulnerability database .* holds no data/);

    // A database with npm data only, for an image of Python packages.
    const python = path.join(dir, 'python.sbom.json');
    writeFileSync(
      python,
      JSON.stringify(sbomWith([pkg('python', 'django', '3.2.0', { purl: 'pkg:pypi/django@3.2.0' })], null)),
    );
    const other = runCli(['scan', `sbom:${python}`, '--db', db, '--fail-on', 'high']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /^customs: the vulnerability database at .* holds no data for this image: none of its 1 packages could be checked, so --fail-on high cannot pass/,
    );
  });

  it.each([
    [['--fail-on', 'severe'], '--fail-on severe: choose from negligible, low, medium, high, critical'],
    [['-o', 'yaml'], 'unknown output format "yaml"'],
    [['--ignore', '/nonexistent/ignore.yaml'], '--ignore /nonexistent/ignore.yaml: cannot read it (ENOENT)'],
  ])('bad input %j → one line, exit 1', (args, message) => {
    const r = runCli(['scan', `sbom:${sbomFile}`, '--db', db, ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });
});
