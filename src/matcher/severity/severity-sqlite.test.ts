// Severity fallbacks through the real SQLite store: feeds in their own formats (Debian tracker,
// NVD CVE API 2.0, OSV) imported by the real parsers, then a scan.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkg, sbomWith } from '../../../test/helpers/memory-vuln-store.js';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import { scanSbom } from '../../scan/scan-sbom.js';
import { countFailing, failsOn } from '../../scan/severity.js';
import type { ScanReport } from '../../scan/types.js';
import { importFeeds } from '../../vulndb/import/index.js';
import { debianTrackerParser } from '../../vulndb/providers/debian/index.js';
import { nvdParser } from '../../vulndb/providers/nvd/nvd-parser.js';
import { osvParser } from '../../vulndb/providers/osv/index.js';
import { openSqliteStore } from '../../vulndb/store/sqlite/index.js';
import type { VulnStore } from '../../vulndb/store/types.js';

const CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const HIGH = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H';

const fixedIn = (version: string, urgency: string) => ({
  releases: { bookworm: { status: 'resolved', fixed_version: version, urgency } },
});

const TRACKER = {
  zlib: {
    // No urgency of its own: NVD's 9.8 decides.
    'CVE-2024-0001': fixedIn('1:1.2.13.dfsg-1+deb12u1', 'not yet assigned'),
    // Its own urgency: kept, although NVD says 9.8.
    'CVE-2024-0002': fixedIn('1:1.2.13.dfsg-1+deb12u1', 'low'),
    // Nothing anywhere rates it.
    'CVE-2024-0009': fixedIn('1:1.2.13.dfsg-1+deb12u1', 'not yet assigned'),
  },
};

const nvdEntry = (id: string, vector: string, baseScore: number) => ({
  cve: {
    id,
    published: '2024-01-01T00:00:00.000',
    metrics: {
      cvssMetricV31: [
        {
          source: 'nvd@nist.gov',
          type: 'Primary',
          cvssData: { version: '3.1', vectorString: vector, baseScore },
        },
      ],
    },
  },
});

const NVD = {
  format: 'NVD_CVE',
  version: '2.0',
  vulnerabilities: [
    nvdEntry('CVE-2024-0001', CRITICAL, 9.8),
    nvdEntry('CVE-2024-0002', CRITICAL, 9.8),
    nvdEntry('CVE-2024-0003', HIGH, 7.5),
  ],
};

const goRecord = (id: string, aliases: string[], fixed: string) => ({
  schema_version: '1.6.0',
  id,
  aliases,
  modified: '2024-01-01T00:00:00Z',
  affected: [
    {
      package: { ecosystem: 'Go', name: 'example.com/m' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }],
    },
  ],
});

const GHSA = {
  schema_version: '1.6.0',
  id: 'GHSA-2222-3333-4444',
  aliases: ['CVE-2024-0004'],
  modified: '2024-01-01T00:00:00Z',
  database_specific: { severity: 'MODERATE' },
  affected: [
    {
      package: { ecosystem: 'npm', name: 'unrelated' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }],
    },
  ],
};

describe('severity fallbacks on a SQLite database', () => {
  const dir = tempDir('customs-severity-');
  let store: VulnStore;
  let report: ScanReport;

  beforeAll(async () => {
    const feeds = join(dir, 'feeds');
    mkdirSync(feeds);
    writeFileSync(join(feeds, 'tracker.json'), JSON.stringify(TRACKER));
    writeFileSync(join(feeds, 'nvd.json'), JSON.stringify(NVD));
    writeFileSync(
      join(feeds, 'GO-2024-0001.json'),
      JSON.stringify(goRecord('GO-2024-0001', ['CVE-2024-0003'], '1.2.0')),
    );
    writeFileSync(
      join(feeds, 'GO-2024-0002.json'),
      JSON.stringify(goRecord('GO-2024-0002', ['GHSA-2222-3333-4444'], '1.3.0')),
    );
    writeFileSync(join(feeds, 'GHSA-2222-3333-4444.json'), JSON.stringify(GHSA));
    store = openSqliteStore(join(dir, 'vuln.db'));
    await importFeeds(store, [feeds], { parsers: [debianTrackerParser, nvdParser, osvParser] });
    const zlib = pkg('deb', 'zlib1g', '1:1.2.13.dfsg-1', {
      metadata: { package: 'zlib1g', source: 'zlib', version: '1:1.2.13.dfsg-1' },
    });
    const module = pkg('go', 'example.com/m', 'v1.0.0');
    report = await scanSbom(sbomWith([zlib, module], { id: 'debian', versionId: '12' }), store);
  });
  afterAll(async () => store.close());

  const row = (id: string) => {
    const m = report.matches.find((x) => x.vulnerability.id === id);
    return m && [m.vulnerability.severity, m.vulnerability.severitySource];
  };

  it('a Debian record without urgency takes NVD CVSS 9.8: critical, source nvd, with the vector', () => {
    expect(row('CVE-2024-0001')).toEqual([
      'critical',
      {
        source: 'nvd',
        id: 'CVE-2024-0001',
        cvss: { version: '3.1', vector: CRITICAL, baseScore: 9.8, source: 'nvd@nist.gov' },
      },
    ]);
  });

  it("a Debian record's own urgency wins over NVD", () => {
    expect(row('CVE-2024-0002')).toEqual(['low', { source: 'debian', id: 'CVE-2024-0002' }]);
  });

  it("Go records borrow NVD's score through their CVE alias, else GHSA's word", () => {
    expect(row('GO-2024-0001')).toEqual([
      'high',
      {
        source: 'nvd',
        id: 'CVE-2024-0003',
        cvss: { version: '3.1', vector: HIGH, baseScore: 7.5, source: 'nvd@nist.gov' },
      },
    ]);
    expect(row('GO-2024-0002')).toEqual(['medium', { source: 'ghsa', id: 'GHSA-2222-3333-4444' }]);
  });

  it('a record nothing rates stays unknown', () => {
    expect(row('CVE-2024-0009')).toEqual(['unknown', undefined]);
  });

  it('--fail-on counts the resolved severities', () => {
    expect(failsOn(report, 'critical')).toBe(true);
    expect(countFailing(report, 'critical')).toBe(1);
    expect(countFailing(report, 'high')).toBe(2);
    expect(countFailing(report, 'low')).toBe(4);
  });
});
