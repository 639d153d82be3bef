import { describe, expect, it } from 'vitest';
import type { Match, ScanReport } from '../../scan/types.js';
import type { Severity } from '../../vulndb/model.js';
import { tableReport } from './table-report.js';

function match(
  name: string,
  id: string,
  severity: Severity,
  fix: Match['vulnerability']['fix'],
  extra: Partial<Match['vulnerability']> = {},
): Match {
  return {
    vulnerability: { id, severity, aliases: [], fix, cvss: [], references: [], ...extra },
    package: { id: name, name, version: '1.0', type: 'deb', locations: [] },
    details: {
      kind: 'distro',
      namespace: 'debian:12',
      searchedName: name,
      searchedVersion: '1.0',
      constraint: '<2',
      provider: 't',
    },
  };
}

function report(matches: Match[], ignored = 0): ScanReport {
  return {
    matches,
    ignoredMatches: Array.from({ length: ignored }, () => ({ ...matches[0]!, reason: { by: 'vex' } })),
    warnings: [],
  } as unknown as ScanReport;
}

describe('table report', () => {
  it('lists matches most severe first with fix, EPSS and KEV columns', () => {
    const text = tableReport.encode(
      report([
        match('zlib', 'CVE-3', 'low', { state: 'not-fixed', versions: [] }),
        match(
          'openssl',
          'CVE-1',
          'critical',
          { state: 'fixed', versions: ['3.0.15-1~deb12u1'] },
          {
            epss: { cve: 'CVE-1', score: 0.9731, percentile: 0.998, date: '2026-01-01' },
            kev: { cve: 'CVE-1', dateAdded: '2026-01-01' },
          },
        ),
        match('tar', 'CVE-2', 'medium', { state: 'wont-fix', versions: [] }),
      ]),
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+INSTALLED\s+FIXED-IN\s+TYPE\s+VULNERABILITY\s+SEVERITY\s+EPSS\s+KEV$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ['openssl', '1.0', '3.0.15-1~deb12u1', 'deb', 'CVE-1', 'critical', '97.3% (p99)', 'yes'],
      ['tar', '1.0', "(won't fix)", 'deb', 'CVE-2', 'medium'],
      ['zlib', '1.0', 'deb', 'CVE-3', 'low'],
    ]);
  });

  it("says when nothing was found, and holds only the report (diagnostics are the caller's)", async () => {
    expect(tableReport.encode(report([]))).toBe('No vulnerabilities found\n');
    const text = tableReport.encode(
      report([match('a', 'CVE-1', 'low', { state: 'fixed', versions: ['2'] })], 2),
    );
    expect(text).not.toMatch(/ignored/);
    expect(text.trimEnd().split('\n')).toHaveLength(2);
    const { sampleReport } = await import('../testdata/sample-report.js');
    expect(tableReport.encode(sampleReport())).not.toMatch(/warning/);
    expect(tableReport.encode({ ...sampleReport(), matches: [] })).toBe('No vulnerabilities found\n');
  });

  it('says compactly where a borrowed severity came from, and nothing for a record rating itself', () => {
    const fixed = { state: 'fixed' as const, versions: ['2'] };
    const cvss = { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8 };
    const text = tableReport.encode(
      report([
        match('zlib', 'CVE-1', 'critical', fixed, { severitySource: { source: 'nvd', id: 'CVE-1', cvss } }),
        match('tar', 'DEBIAN-CL-CVE-2-tar', 'high', fixed, {
          severitySource: { source: 'nvd', id: 'CVE-2', cvss: { ...cvss, baseScore: 7.5 } },
        }),
        match('gzip', 'GO-3', 'medium', fixed, { severitySource: { source: 'ghsa', id: 'GHSA-x' } }),
        match('xz', 'CVE-4', 'low', fixed, { severitySource: { source: 'debian', id: 'CVE-4' } }),
      ]),
    );
    expect(
      text
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s{2,}/)[5]),
    ).toEqual(['critical (nvd)', 'high (nvd)', 'medium (ghsa)', 'low']);
  });
});
