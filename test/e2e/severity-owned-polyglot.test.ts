// The polyglot image through the built CLI with a small database in the feeds' own formats (a
// Debian tracker export and an NVD CVE API 2.0 page): ruby-rack owns the rack gem's files, so a
// ruby-rack CVE is one row on the deb with the deb fix; a Debian record without urgency takes
// NVD's score, says so, and trips --fail-on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Match } from '../../src/scan/types.js';
import { runCli } from '../helpers/run-cli.js';
import { getTestImages } from '../images/index.js';

const CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const FIX = '2.2.22-0+deb12u99';

const TRACKER = {
  'ruby-rack': {
    'CVE-2099-0001': {
      releases: { bookworm: { status: 'resolved', fixed_version: FIX, urgency: 'not yet assigned' } },
    },
    'CVE-2099-0002': { releases: { bookworm: { status: 'resolved', fixed_version: FIX, urgency: 'low' } } },
  },
};

const NVD = {
  format: 'NVD_CVE',
  version: '2.0',
  vulnerabilities: ['CVE-2099-0001', 'CVE-2099-0002'].map((id) => ({
    cve: {
      id,
      metrics: {
        cvssMetricV31: [
          {
            source: 'nvd@nist.gov',
            type: 'Primary',
            cvssData: { version: '3.1', vectorString: CRITICAL, baseScore: 9.8 },
          },
        ],
      },
    },
  })),
};

describe('severity sources and owned packages on the polyglot image (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'customs-sev-e2e-'));
  const db = join(dir, 'vuln.db');
  const { polyglot } = getTestImages().images;
  const image = `oci-dir:${polyglot.ociDir}:${polyglot.tag}`;
  let matches: Match[];
  let failOn: ReturnType<typeof runCli>;

  beforeAll(() => {
    writeFileSync(join(dir, 'tracker.json'), JSON.stringify(TRACKER));
    writeFileSync(join(dir, 'nvd.json'), JSON.stringify(NVD));
    const imported = runCli(['db', 'import', join(dir, 'tracker.json'), join(dir, 'nvd.json'), '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
    const scan = runCli(['scan', image, '--db', db, '-o', 'json']);
    expect(scan.code, scan.stderr).toBe(0);
    matches = (JSON.parse(scan.stdout) as { matches: Match[] }).matches;
    failOn = runCli(['scan', image, '--db', db, '-o', 'table', '--fail-on', 'critical']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each ruby-rack CVE once, on the deb, with the deb fix (not on the rack gem it owns)', () => {
    const rows = matches
      .map((m) => [m.package.name, m.package.type, m.vulnerability.id, m.vulnerability.fix.versions.join()])
      .sort();
    expect(rows).toEqual([
      ['ruby-rack', 'deb', 'CVE-2099-0001', FIX],
      ['ruby-rack', 'deb', 'CVE-2099-0002', FIX],
    ]);
  });

  it("takes NVD's 9.8 for the record without urgency and keeps Debian's own word for the other", () => {
    const by = (id: string) => matches.find((m) => m.vulnerability.id === id)!.vulnerability;
    expect([by('CVE-2099-0001').severity, by('CVE-2099-0001').severitySource]).toEqual([
      'critical',
      {
        source: 'nvd',
        id: 'CVE-2099-0001',
        cvss: { version: '3.1', vector: CRITICAL, baseScore: 9.8, source: 'nvd@nist.gov' },
      },
    ]);
    expect([by('CVE-2099-0002').severity, by('CVE-2099-0002').severitySource]).toEqual([
      'low',
      { source: 'debian', id: 'CVE-2099-0002' },
    ]);
  });

  it('--fail-on critical fails on the borrowed severity, and the table marks where it came from', () => {
    expect(failOn.code, failOn.stderr).toBe(2);
    expect(failOn.stderr).toMatch(/\b1 vulnerability at or above critical\b/);
    const line = failOn.stdout.split('\n').find((l) => l.includes('CVE-2099-0001'));
    expect(line).toMatch(/critical \(nvd\)/);
    expect(failOn.stdout.split('\n').find((l) => l.includes('CVE-2099-0002'))).toMatch(/\blow\s*$/);
  });
});
