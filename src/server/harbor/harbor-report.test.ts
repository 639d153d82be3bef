import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Match } from '../../model/match.js';
import type { ScanReport } from '../../scan/types.js';
import { harborReport } from './harbor-report.js';
import { acceptedReportType, HARBOR_MIME } from './mime-types.js';
import { HARBOR_SPEC_REPORT as specReport } from '../../../test/helpers/harbor-spec.js';

function match(
  id: string,
  fields: Partial<Match['vulnerability']>,
  name = 'libc6',
  version = '2.36-9',
): Match {
  return {
    vulnerability: {
      id,
      severity: 'unknown',
      aliases: [],
      fix: { state: 'not-fixed', versions: [] },
      cvss: [],
      references: [`https://security-tracker.debian.org/tracker/${id}`],
      ...fields,
    },
    package: { id: `pkg-${name}`, name, version, type: 'deb', locations: [] },
    details: {
      kind: 'distro',
      namespace: 'debian:12',
      searchedName: name,
      searchedVersion: version,
      constraint: '< 2.36-9+deb12u4',
      provider: 'debian',
    },
  };
}

function scanOf(matches: Match[]): ScanReport {
  return { matches } as unknown as ScanReport;
}

const artifact = { repository: 'library/app', digest: `sha256:${'a'.repeat(64)}`, tag: 'v1' };
const scanner = { name: 'Customs', vendor: 'Customs', version: '0.1.0' };

describe('harborReport', () => {
  const report = harborReport(
    scanOf([
      match('CVE-2024-1', {
        severity: 'high',
        fix: { state: 'fixed', versions: ['2.36-9+deb12u4', '2.37-1'] },
        summary: 'overflow',
        cvss: [
          { version: '2.0', vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P', baseScore: 7.5 },
          { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', baseScore: 7.5 },
        ],
        kev: { dateAdded: '2024-01-01' } as never,
      }),
      match('CVE-2024-2', { severity: 'negligible' }, 'zlib1g', '1:1.2.13'),
    ]),
    artifact,
    scanner,
    '2026-12-07T00:00:00.000Z',
  );

  it('fits the spec and says the highest severity', () => {
    const validate = new Ajv({ strict: false }).compile(specReport);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.severity).toBe('High');
    expect(report.artifact).toEqual(artifact);
  });

  it('gives the first fixed version, the CVSS scores and where the data came from', () => {
    const [first, second] = report.vulnerabilities;
    expect(first).toMatchObject({
      id: 'CVE-2024-1',
      package: 'libc6',
      version: '2.36-9',
      fix_version: '2.36-9+deb12u4',
      severity: 'High',
      description: 'overflow',
      preferred_cvss: { score_v3: 7.5, score_v2: 7.5, vector_v2: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' },
      vendor_attributes: { fix_state: 'fixed', namespace: 'debian:12', kev: true },
    });
    expect(second?.fix_version).toBeUndefined();
    expect(second?.preferred_cvss).toBeUndefined();
    expect(second?.severity).toBe('Negligible');
  });

  it('is Unknown overall for an image without vulnerabilities', () => {
    expect(harborReport(scanOf([]), artifact, scanner, 'now').severity).toBe('Unknown');
  });
});

describe('acceptedReportType', () => {
  it.each([
    [undefined, 'harbor'],
    ['*/*', 'harbor'],
    [HARBOR_MIME.vulnerabilityReport, 'harbor'],
    ['application/vnd.security.vulnerability.report;version=1.1', 'harbor'],
    [HARBOR_MIME.legacyVulnerabilityReport, 'harbor'],
    [HARBOR_MIME.rawReport, 'raw'],
    ['text/html, application/vnd.scanner.adapter.vuln.report.raw', 'raw'],
    ['application/vnd.security.vulnerability.report; version=9.9', undefined],
    ['application/vnd.security.sbom.report+json; version=1.0', undefined],
  ])('%s → %s', (accept, type) => {
    expect(acceptedReportType(accept)).toBe(type);
  });
});
