import { describe, expect, it } from 'vitest';
import {
  affected,
  MemoryVulnStore,
  pkg,
  sbomWith,
  vulnerability,
} from '../../test/helpers/memory-vuln-store.js';
import { parseIgnoreRules } from './ignore/index.js';
import { scanSbom } from './scan-sbom.js';
import { failsOn, highestSeverity } from './severity.js';
import { parseVex } from './vex/index.js';

const NOW = new Date('2026-06-15T12:00:00Z');

function store(lastSync = '2026-06-14T00:00:00Z'): MemoryVulnStore {
  return new MemoryVulnStore({
    lastSync,
    vulnerabilities: [
      vulnerability('GHSA-jf85-cpcp-j695', { aliases: ['CVE-2019-10744'], severity: 'critical' }),
      vulnerability('GHSA-vh95-rmgr-6w4m', { aliases: ['CVE-2020-7598'], severity: 'medium' }),
      vulnerability('CVE-2099-0001', { severity: 'low' }),
    ],
    affected: [
      affected('GHSA-jf85-cpcp-j695', 'npm', 'lodash', {
        scheme: 'semver',
        ranges: [{ fixed: '4.17.12' }],
        fixedVersions: ['4.17.12'],
      }),
      affected('GHSA-vh95-rmgr-6w4m', 'npm', 'minimist', {
        scheme: 'semver',
        ranges: [{ fixed: '1.2.2' }],
        fixedVersions: ['1.2.2'],
      }),
      affected('CVE-2099-0001', 'npm', 'minimist', {
        scheme: 'semver',
        ranges: [{ introduced: '0' }],
        fixState: 'not-fixed',
      }),
    ],
  });
}

const lodash = pkg('npm', 'lodash', '4.17.11', {
  purl: 'pkg:npm/lodash@4.17.11',
  locations: [{ path: '/srv/app/node_modules/lodash/package.json' }],
});
const minimist = pkg('npm', 'minimist', '1.2.0', {
  purl: 'pkg:npm/minimist@1.2.0',
  locations: [{ path: '/usr/lib/node_modules/minimist/package.json' }],
});
const sbom = sbomWith([lodash, minimist], null);
const ids = (list: { vulnerability: { id: string } }[]): string[] => list.map((m) => m.vulnerability.id);

describe('scanSbom', () => {
  it('reports matches most severe first, with no warnings for a fresh database', async () => {
    const report = await scanSbom(sbom, store(), { now: NOW });
    expect(ids(report.matches)).toEqual(['GHSA-jf85-cpcp-j695', 'GHSA-vh95-rmgr-6w4m', 'CVE-2099-0001']);
    expect(report.warnings).toEqual([]);
    expect(report.schema).toBe('customs-scan/1');
    expect(highestSeverity(report)).toBe('critical');
  });

  it('warns when the newest sync is older than 5 days', async () => {
    const report = await scanSbom(sbom, store('2026-06-01T00:00:00Z'), { now: NOW });
    expect(report.warnings).toEqual([
      'the vulnerability database was last synced 14 days ago (2026-06-01T00:00:00Z): run `customs db update`',
    ]);
  });

  it('--only-fixed sets unfixed matches aside with their reason', async () => {
    const report = await scanSbom(sbom, store(), { now: NOW, onlyFixed: true });
    expect(ids(report.matches)).toEqual(['GHSA-jf85-cpcp-j695', 'GHSA-vh95-rmgr-6w4m']);
    expect(report.ignoredMatches.map((m) => [m.vulnerability.id, m.reason.by])).toEqual([
      ['CVE-2099-0001', 'only-fixed'],
    ]);
  });

  it('ignore rules apply by alias and location until they expire, then warn', async () => {
    const rules = parseIgnoreRules(
      [
        'ignore:',
        '  - vulnerability: CVE-2019-10744',
        '    package: { location: "/srv/app/**" }',
        '    expires: 2026-06-15',
        '    reason: not reachable',
        '  - vulnerability: GHSA-vh95-rmgr-6w4m',
        '    expires: 2026-06-14',
      ].join('\n'),
      'ignore.yaml',
    );
    const report = await scanSbom(sbom, store(), { now: NOW, ignoreRules: rules });
    expect(ids(report.matches)).toEqual(['GHSA-vh95-rmgr-6w4m', 'CVE-2099-0001']);
    expect(report.ignoredMatches.map((m) => m.reason)).toEqual([
      { by: 'ignore-rule', rule: 'ignore.yaml#1', justification: 'not reachable', expires: '2026-06-15' },
    ]);
    expect(report.warnings).toEqual([
      'ignore rule ignore.yaml#2 (GHSA-vh95-rmgr-6w4m) expired on 2026-06-14: it no longer ignores anything',
    ]);
  });

  it('VEX not_affected removes the match with its justification; affected keeps it', async () => {
    const vex = parseVex(
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        statements: [
          {
            vulnerability: { name: 'CVE-2019-10744' },
            products: [
              {
                '@id': `pkg:oci/img@${sbom.source.digest}`,
                subcomponents: [{ '@id': 'pkg:npm/lodash@4.17.11' }],
              },
            ],
            status: 'not_affected',
            justification: 'vulnerable_code_not_in_execute_path',
          },
          {
            vulnerability: { name: 'GHSA-vh95-rmgr-6w4m' },
            products: [{ '@id': 'pkg:npm/minimist' }],
            status: 'affected',
          },
          {
            vulnerability: { name: 'CVE-2099-0001' },
            products: [{ '@id': 'pkg:npm/other@1.0.0' }],
            status: 'not_affected',
          },
        ],
      }),
      'doc.vex.json',
    );
    const report = await scanSbom(sbom, store(), { now: NOW, vex });
    expect(ids(report.matches)).toEqual(['GHSA-vh95-rmgr-6w4m', 'CVE-2099-0001']);
    expect(report.ignoredMatches.map((m) => [m.vulnerability.id, m.reason])).toEqual([
      [
        'GHSA-jf85-cpcp-j695',
        {
          by: 'vex',
          rule: 'doc.vex.json#1 not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
        },
      ],
    ]);
  });

  it('CycloneDX VEX resolved statements are honoured through bom-refs', async () => {
    const vex = parseVex(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        components: [{ 'bom-ref': 'mm', name: 'minimist', purl: 'pkg:npm/minimist@1.2.0' }],
        vulnerabilities: [
          {
            id: 'CVE-2099-0001',
            analysis: { state: 'resolved', detail: 'patched in place' },
            affects: [{ ref: 'mm' }],
          },
        ],
      }),
      'cdx.json',
    );
    const report = await scanSbom(sbom, store(), { now: NOW, vex });
    expect(report.ignoredMatches.map((m) => [m.vulnerability.id, m.reason.justification])).toEqual([
      ['CVE-2099-0001', 'patched in place'],
    ]);
  });

  it('fail-on compares the highest remaining severity', async () => {
    const report = await scanSbom(sbom, store(), { now: NOW });
    expect(failsOn(report, 'critical')).toBe(true);
    const rest = await scanSbom(sbomWith([minimist], null), store(), { now: NOW });
    expect(failsOn(rest, 'high')).toBe(false);
    expect(failsOn(rest, 'medium')).toBe(true);
    expect(failsOn({ matches: [] }, 'negligible')).toBe(false);
  });
});
