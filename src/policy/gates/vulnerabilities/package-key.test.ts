import { describe, expect, it } from 'vitest';
import { gateContext, policySbom, triggerOf } from '../../../../test/helpers/policy-sbom.js';
import type { ParamValue } from '../types.js';
import { vulnerabilitiesGate } from './index.js';
import { packageKey } from './package-key.js';
import {
  CRITICAL_VECTOR,
  cvss,
  scanReport,
  vulnMatch,
  type MatchOptions,
} from './testdata/scan-report-builder.js';

const packageTrigger = triggerOf(vulnerabilitiesGate, 'package');

function only(options: MatchOptions, params: Record<string, ParamValue> = {}) {
  const scan = scanReport([vulnMatch(options)]);
  const firings = packageTrigger.evaluate(gateContext(policySbom(), { scan }), {
    package_type: 'all',
    ...params,
  });
  expect(firings).toHaveLength(1);
  return firings[0]!;
}

describe('vulnerabilities/package trigger ids', () => {
  it.each<[string, MatchOptions['pkg'], string]>([
    ['deb: the name', { name: 'openssl', type: 'deb' }, 'CVE-2023-0001+openssl'],
    [
      'rpm: the name',
      { name: 'openssl-libs', type: 'rpm', paths: ['/var/lib/rpm/rpmdb.sqlite'] },
      'CVE-2023-0001+openssl-libs',
    ],
    [
      'apk: the name',
      { name: 'libcrypto3', type: 'apk', paths: ['/lib/apk/db/installed'] },
      'CVE-2023-0001+libcrypto3',
    ],
    [
      'java: the location basename',
      {
        name: 'commons-lang3',
        version: '3.12.0',
        type: 'java',
        paths: ['/opt/app/lib/commons-lang3-3.12.0.jar'],
      },
      'CVE-2023-0001+commons-lang3-3.12.0.jar',
    ],
    [
      'java nested in a war: the basename after the last slash',
      { name: 'commons-lang3', type: 'java', paths: ['/opt/app/app.war:WEB-INF/lib/commons-lang3.jar'] },
      'CVE-2023-0001+commons-lang3.jar',
    ],
    [
      'gem: the gemspec basename',
      {
        name: 'rack',
        version: '2.2.4',
        type: 'gem',
        paths: ['/usr/share/rubygems-integration/all/specifications/rack-2.2.4.gemspec'],
      },
      'CVE-2023-0001+rack-2.2.4.gemspec',
    ],
    [
      'npm: the package.json directory',
      {
        name: 'lodash',
        version: '4.17.11',
        type: 'npm',
        paths: ['/srv/app/node_modules/lodash/package.json'],
      },
      'CVE-2023-0001+lodash',
    ],
    [
      'npm scoped: the last directory only',
      {
        name: '@sindresorhus/is',
        version: '0.7.0',
        type: 'npm',
        paths: ['/srv/app/node_modules/@sindresorhus/is/package.json'],
      },
      'CVE-2023-0001+is',
    ],
    [
      'npm without a location: name-version',
      { name: 'lodash', version: '4.17.11', type: 'npm', paths: [] },
      'CVE-2023-0001+lodash-4.17.11',
    ],
    [
      'npm with a bare file name: name-version',
      { name: 'lodash', version: '4.17.11', type: 'npm', paths: ['package.json'] },
      'CVE-2023-0001+lodash-4.17.11',
    ],
    [
      'npm at the root: name-version',
      { name: 'lodash', version: '4.17.11', type: 'npm', paths: ['/package.json'] },
      'CVE-2023-0001+lodash-4.17.11',
    ],
    [
      'java without a location: name-version',
      { name: 'log4j-core', version: '2.14.1', type: 'java', paths: [] },
      'CVE-2023-0001+log4j-core-2.14.1',
    ],
    [
      'python: name-version whatever the path',
      {
        name: 'requests',
        version: '2.28.1',
        type: 'python',
        paths: ['/usr/lib/python3/dist-packages/requests-2.28.1.dist-info/METADATA'],
      },
      'CVE-2023-0001+requests-2.28.1',
    ],
    [
      'go binary: name-version',
      {
        name: 'github.com/opencontainers/umoci',
        version: 'v0.4.7',
        type: 'go',
        paths: ['/usr/local/bin/umoci'],
      },
      'CVE-2023-0001+github.com/opencontainers/umoci-v0.4.7',
    ],
  ])('%s', (_, pkg, triggerId) => {
    const firing = only({ pkg });
    expect(firing.triggerId).toBe(triggerId);
    expect(firing.identity).toBe(triggerId);
  });

  it('keys the package alone, whatever the vulnerability', () => {
    expect(
      packageKey({ name: 'x', version: '1', type: 'npm', locations: [{ path: '/a/b/package.json' }] }),
    ).toBe('b');
  });
});

describe('vulnerabilities/package messages', () => {
  it('uses Anchore’s wording for an OS package with a fix', () => {
    expect(only({}).message).toBe(
      'HIGH Vulnerability found in os package type (dpkg) - openssl (fixed in: 3.0.8)(CVE-2023-0001 - https://nvd.nist.gov/vuln/detail/CVE-2023-0001)',
    );
  });

  it('names a non-os package by its path and links a GHSA to GitHub', () => {
    const message = only({
      id: 'GHSA-jf85-cpcp-j695',
      severity: 'critical',
      fixState: 'not-fixed',
      pkg: {
        name: 'lodash',
        version: '4.17.11',
        type: 'npm',
        paths: ['/srv/app/node_modules/lodash/package.json'],
      },
    }).message;
    expect(message).toBe(
      'CRITICAL Vulnerability found in non-os package type (npm) - /srv/app/node_modules/lodash/package.json (GHSA-jf85-cpcp-j695 - https://github.com/advisories/GHSA-jf85-cpcp-j695)',
    );
  });

  it('lists every fix version, and calls apk packages apkg', () => {
    const message = only({ fixVersions: ['3.0.8', '3.1.1'], pkg: { type: 'apk', name: 'libssl3' } }).message;
    expect(message).toContain(
      'in os package type (apkg) - libssl3 (fixed in: 3.0.8, 3.1.1)(CVE-2023-0001 - ',
    );
  });

  it('links other ids to their first reference, else N/A', () => {
    expect(
      only({ id: 'DSA-5417-1', references: ['', 'https://www.debian.org/security/2023/dsa-5417'] }).message,
    ).toMatch(/\(DSA-5417-1 - https:\/\/www\.debian\.org\/security\/2023\/dsa-5417\)$/);
    expect(only({ id: 'DSA-5417-1' }).message).toMatch(/\(DSA-5417-1 - N\/A\)$/);
  });

  it('adds the scores and dates the rule tested, NVD scores, dates, then vendor scores', () => {
    const message = only(
      {
        cvss: [cvss(CRITICAL_VECTOR, 9.8, 'nvd'), cvss(CRITICAL_VECTOR, 9.8, 'ghsa')],
        published: '2026-01-10T12:00:00Z',
        fixPublished: '2026-02-01T00:00:00Z',
      },
      {
        cvss_v3_base_score: 9,
        cvss_v3_impact_score: 5,
        fix_available: true,
        max_days_since_creation: 30,
        max_days_since_fix: 30,
        vendor_cvss_v3_exploitability_score: 3,
      },
    ).message;
    expect(message).toBe(
      'HIGH Vulnerability found in os package type (dpkg) - openssl (fixed in: 3.0.8)' +
        '(cvss_v3_base_score=9.8 cvss_v3_impact_score=5.9)' +
        '(max_days_since_creation=2026-01-10 max_days_since_fix=2026-02-01)' +
        '(vendor_cvss_v3_exploitability_score=3.9)' +
        '(CVE-2023-0001 - https://nvd.nist.gov/vuln/detail/CVE-2023-0001)',
    );
  });
});
