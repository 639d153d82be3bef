// Matching reads the SBOM, never the image: an SBOM stored once is re-scanned when the
// vulnerability data changes, with the image gone, and gives what scanning the image gives.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFeeds } from '../../src/vulndb/import/index.js';
import { FEED_PARSERS } from '../../src/vulndb/providers/registry.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { getTestImages } from '../images/index.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const dir = tempDir('customs-rescan-');
const db = join(dir, 'vulns.db');

function osv(id: string, name: string, fixed: string): object {
  return {
    schema_version: '1.4.0',
    id,
    modified: '2024-01-01T00:00:00Z',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [
      {
        package: { ecosystem: 'npm', name },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }],
      },
    ],
  };
}

/** Imports a feed snapshot (it replaces the provider's previous records). */
async function importFeed(records: { id: string }[]): Promise<void> {
  const files = records.map((record) => {
    const file = join(dir, `${record.id}.json`);
    writeFileSync(file, JSON.stringify(record));
    return file;
  });
  const store = openSqliteStore(db);
  try {
    await importFeeds(store, files, { parsers: FEED_PARSERS, now: NOW });
  } finally {
    await store.close();
  }
}

type Report = { matches: { vulnerability: { id: string }; package: { name: string; version: string } }[] };
const found = (json: string): string[] =>
  (JSON.parse(json) as Report).matches
    .map((m) => `${m.vulnerability.id} ${m.package.name}@${m.package.version}`)
    .sort();

let image: string;
let sbomFile: string;

beforeAll(() => {
  const { polyglot } = getTestImages().images;
  const layout = join(dir, 'oci');
  cpSync(polyglot.ociDir, layout, { recursive: true });
  image = `oci-dir:${layout}:${polyglot.tag}`;
  sbomFile = join(dir, 'polyglot.sbom.json');
});

describe('re-scanning a stored SBOM', () => {
  it('finds what scanning the image finds, then what new data adds, without the image', async () => {
    const lodash = osv('GHSA-test-lodash-0001', 'lodash', '4.17.12') as { id: string };
    await importFeed([lodash]);
    const fromImage = runCli(['scan', image, '--db', db, '-o', 'json', '--no-cache']);
    expect(fromImage.code, fromImage.stderr).toBe(0);
    const sbom = runCli(['sbom', image, '-o', `json=${sbomFile}`, '--no-cache']);
    expect(sbom.code, sbom.stderr).toBe(0);
    rmSync(join(dir, 'oci'), { recursive: true }); // the image is gone from here on

    const first = runCli(['scan', `sbom:${sbomFile}`, '--db', db, '-o', 'json']);
    expect(first.code, first.stderr).toBe(0);
    expect(found(first.stdout)).toEqual(found(fromImage.stdout));
    expect(found(first.stdout)).toContain('GHSA-test-lodash-0001 lodash@4.17.11');

    // The feed changes: the stored SBOM answers the new data.
    await importFeed([lodash, osv('GHSA-test-minimist-0002', 'minimist', '1.2.6') as { id: string }]);
    const second = runCli(['scan', `sbom:${sbomFile}`, '--db', db, '-o', 'json']);
    expect(second.code, second.stderr).toBe(0);
    expect(found(second.stdout)).toEqual(
      [...found(first.stdout), 'GHSA-test-minimist-0002 minimist@1.2.0'].sort(),
    );
  });
});
