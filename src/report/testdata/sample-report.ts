import { sampleSbom } from '../../format/cyclonedx-json/testdata/sample-sbom.js';
import type { Match, ScanReport } from '../../scan/types.js';

/** A small but complete scan report for the format tests: two matches and one VEX-suppressed. */
export function sampleReport(): ScanReport {
  const sbom = sampleSbom();
  const [first, second] = sbom.packages;
  if (!first || !second) throw new Error('the sample SBOM needs two packages');
  const pkg = (p: typeof first): Match['package'] => ({
    id: p.id,
    name: p.name,
    version: p.version,
    type: p.type,
    ...(p.purl ? { purl: p.purl } : {}),
    locations: p.locations,
  });
  const glibc: Match = {
    vulnerability: {
      id: 'CVE-2023-4911',
      severity: 'high',
      aliases: ['DSA-5514-1'],
      fix: { state: 'fixed', versions: ['2.36-9+deb12u3'] },
      cvss: [
        {
          version: '3.1',
          vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
          baseScore: 7.8,
          source: 'nvd',
        },
      ],
      epss: { cve: 'CVE-2023-4911', score: 0.71, percentile: 0.98, date: '2026-11-20' },
      kev: { cve: 'CVE-2023-4911', dateAdded: '2023-11-21', dueDate: '2023-12-12' },
      summary: 'Looney Tunables: buffer overflow in ld.so <script>',
      references: ['https://security-tracker.debian.org/tracker/CVE-2023-4911'],
    },
    package: pkg(first),
    details: {
      kind: 'distro',
      namespace: 'debian:12',
      searchedName: 'glibc',
      searchedVersion: first.version,
      constraint: '< 2.36-9+deb12u3',
      provider: 'debian',
    },
  };
  const other: Match = {
    vulnerability: {
      id: 'CVE-2024-0001',
      severity: 'medium',
      aliases: [],
      fix: { state: 'not-fixed', versions: [] },
      cvss: [],
      references: [],
    },
    package: pkg(second),
    details: {
      kind: 'distro',
      namespace: 'debian:12',
      searchedName: second.name,
      searchedVersion: second.version,
      constraint: 'all versions',
      provider: 'debian',
    },
  };
  const suppressed = {
    ...other,
    vulnerability: { ...other.vulnerability, id: 'CVE-2024-0002' },
    reason: { by: 'vex' as const, justification: 'vulnerable_code_not_in_execute_path' },
  };
  return {
    schema: 'customs-scan/1',
    descriptor: { name: 'customs', version: '0.1.0', timestamp: '2026-01-02T03:04:05.000Z' },
    source: sbom.source,
    distro: sbom.distro,
    matches: [glibc, other],
    ignoredMatches: [suppressed],
    database: {
      location: 'sqlite:/tmp/vulndb.sqlite',
      schemaVersion: 1,
      providers: [
        {
          provider: 'debian',
          vulnerabilities: 2,
          affected: 2,
          lastSync: '2026-01-01T00:00:00.000Z',
          rejected: 0,
        },
      ],
      epss: { scores: 1, date: '2026-11-20' },
      kev: { entries: 1 },
      lastSync: '2026-01-01T00:00:00.000Z',
    },
    warnings: ['an example warning'],
    sbom,
  };
}
