import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFeeds, type ImportSummary } from '../../src/vulndb/import/index.js';
import { FEED_PARSERS } from '../../src/vulndb/providers/registry.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const VULNDB = fileURLToPath(new URL('../../../shared/data/vulndb/', import.meta.url));

/** Feeds that must import without a single rejected record (folder → namespace it fills). */
const CLEAN: [string, string][] = [
  ['osv/go', 'go'],
  ['osv/crates.io', 'crates.io'],
  ['osv/pypi', 'pypi'],
  ['osv/almalinux', 'almalinux:9'],
  ['osv/npm-ghsa-sample', 'npm'],
  ['npm-security-wg', 'npm'],
  ['rubysec', 'rubygems'],
  ['packagist', 'packagist'],
];

function total(summary: ImportSummary): number {
  return Object.values(summary.records).reduce((a, b) => a + b, 0);
}

describe.skipIf(!existsSync(VULNDB))('acceptance: import all of shared/data/vulndb', () => {
  const dir = tempDir('customs-vulndb-acceptance-');

  it('imports every feed into one database and reports the rate', async () => {
    const store = openSqliteStore(join(dir, 'all.sqlite'));
    const summary = await importFeeds(store, [VULNDB], { parsers: FEED_PARSERS });
    const records = total(summary);
    console.log(
      `vulndb acceptance: ${records} records from ${summary.files} files (${summary.skipped} skipped) in ` +
        `${summary.seconds.toFixed(1)} s = ${Math.round(records / summary.seconds)} records/s; ` +
        `per provider ${JSON.stringify(summary.records)}; rejected ${JSON.stringify(
          Object.fromEntries(Object.entries(summary.rejected).map(([p, r]) => [p, r.count])),
        )}`,
    );
    expect(records).toBeGreaterThan(25_000);
    const status = await store.status();
    expect(status.kev.entries).toBe(1404);
    expect(status.epss.scores).toBeGreaterThan(0);
    const namespaces = await store.namespaces();
    for (const [, namespace] of CLEAN) expect(namespaces).toContain(namespace);
    await store.close();
  });

  it.each(CLEAN)('%s imports with zero rejected records', async (folder) => {
    const store = openSqliteStore(':memory:');
    const summary = await importFeeds(store, [join(VULNDB, folder)], { parsers: FEED_PARSERS });
    expect(total(summary)).toBeGreaterThan(0);
    expect(summary.rejected).toEqual({});
    await store.close();
  });
});
