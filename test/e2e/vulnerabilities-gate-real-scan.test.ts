// The package trigger on a real scan: a one-record OSV database and the polyglot image's SBOM.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triggerOf } from '../helpers/policy-sbom.js';
import { getTestImages } from '../images/index.js';
import { scanSbom } from '../../src/scan/index.js';
import type { ScanReport } from '../../src/scan/types.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { importFeeds } from '../../src/vulndb/import/index.js';
import { FEED_PARSERS } from '../../src/vulndb/providers/registry.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import type { GateContext } from '../../src/policy/gates/types.js';
import { vulnerabilitiesGate } from '../../src/policy/gates/vulnerabilities/index.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const ID = 'GHSA-test-lodash-0001';

/** A lodash prototype-pollution-style record: npm lodash < 4.17.12, CVSS 3.1 7.4 (high). */
const OSV_RECORD = {
  schema_version: '1.4.0',
  id: ID,
  modified: '2024-01-01T00:00:00Z',
  published: '2019-07-10T00:00:00Z',
  aliases: ['CVE-2019-10744'],
  summary: 'Prototype pollution in lodash (test record)',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.12' }] }],
    },
  ],
  references: [{ type: 'ADVISORY', url: 'https://example.test/advisories/lodash' }],
};

let dir: string;
let context: GateContext;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'customs-vuln-gate-'));
  await writeFile(join(dir, `${ID}.json`), JSON.stringify(OSV_RECORD));
  const store = openSqliteStore(join(dir, 'vulns.db'));
  let scan: ScanReport;
  try {
    const summary = await importFeeds(store, [join(dir, `${ID}.json`)], { parsers: FEED_PARSERS, now: NOW });
    expect(summary.records).toEqual({ osv: 1 });
    const { polyglot } = getTestImages().images;
    const sbom = await generateSbom(`oci-dir:${polyglot.ociDir}:${polyglot.tag}`);
    scan = await scanSbom(sbom, store, { now: NOW });
  } finally {
    await store.close();
  }
  context = { sbom: scan.sbom, scan, now: NOW };
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('vulnerabilities/package on a real scan of the polyglot image', () => {
  const packageTrigger = triggerOf(vulnerabilitiesGate, 'package');

  it('fires for the app’s lodash 4.17.11 at severity >= high, keyed by its directory', () => {
    const lodash = context.scan?.matches.filter((m) => m.vulnerability.id === ID) ?? [];
    expect(lodash.map((m) => [m.package.version, m.vulnerability.severity])).toEqual([['4.17.11', 'high']]);
    const firings = packageTrigger.evaluate(context, {
      package_type: 'all',
      severity_comparison: '>=',
      severity: 'high',
    });
    expect(firings.map((f) => f.triggerId)).toEqual([`${ID}+lodash`]);
    expect(firings[0]?.message).toMatch(
      /^HIGH Vulnerability found in non-os package type \(npm\) - \/srv\/app\/node_modules\/lodash\/package\.json \(fixed in: 4\.17\.12\)\(GHSA-test-lodash-0001 - https:\/\/github\.com\/advisories\/GHSA-test-lodash-0001\)$/,
    );
  });

  it('does not fire for it with fix_available=false, nor above high, nor for OS packages', () => {
    const base = { package_type: 'all', severity_comparison: '>=', severity: 'high' };
    expect(packageTrigger.evaluate(context, { ...base, fix_available: false })).toEqual([]);
    expect(packageTrigger.evaluate(context, { ...base, severity: 'critical' })).toEqual([]);
    expect(packageTrigger.evaluate(context, { ...base, package_type: 'os' })).toEqual([]);
  });

  it('blacklists it by its CVE alias, sees the database fresh, and no Debian data', () => {
    const blacklist = triggerOf(vulnerabilitiesGate, 'blacklist');
    expect(blacklist.evaluate(context, { vulnerability_ids: ['CVE-2019-10744'] })).toHaveLength(1);
    const stale = triggerOf(vulnerabilitiesGate, 'stale_feed_data');
    expect(stale.evaluate(context, { max_days_since_sync: 1 })).toEqual([]);
    // The database holds npm data only: the image's Debian packages went unchecked.
    const unavailable = triggerOf(vulnerabilitiesGate, 'vulnerability_data_unavailable');
    expect(unavailable.evaluate(context, {}).map((f) => f.identity)).toEqual(['debian:12']);
  });
});
