import { describe, expect, it } from 'vitest';
import { gateContext, policySbom, triggerOf } from '../../../../test/helpers/policy-sbom.js';
import type { ParamValue } from '../types.js';
import { vulnerabilitiesGate } from './index.js';
import {
  CRITICAL_VECTOR,
  MEDIUM_VECTOR,
  cvss,
  scanReport,
  vulnMatch,
  type MatchOptions,
} from './testdata/scan-report-builder.js';

// gateContext's clock: 2026-06-01T00:00:00Z.
const packageTrigger = triggerOf(vulnerabilitiesGate, 'package');
const LODASH_PATH = '/srv/app/node_modules/lodash/package.json';
const npm: MatchOptions['pkg'] = { name: 'lodash', version: '4.17.11', type: 'npm', paths: [LODASH_PATH] };
const nvd98 = cvss(CRITICAL_VECTOR, 9.8, 'nvd');
const nvd55 = cvss(MEDIUM_VECTOR, 5.5, 'nvd@nist.gov');
const ghsa98 = cvss(CRITICAL_VECTOR, 9.8, 'ghsa');
const nvdV2 = { version: '2.0', vector: 'AV:N/AC:L/Au:N/C:C/I:C/A:C', baseScore: 10, source: 'nvd' };

function fires(options: MatchOptions, params: Record<string, ParamValue>): boolean {
  const context = gateContext(policySbom(), { scan: scanReport([vulnMatch(options)]) });
  const firings = packageTrigger.evaluate(context, { package_type: 'all', ...params });
  expect(firings.length).toBeLessThanOrEqual(1);
  return firings.length === 1;
}

type Case = [string, MatchOptions, Record<string, ParamValue>, boolean];

const severityCases: Case[] = [
  ['default (> unknown): high fires', {}, {}, true],
  ['default (> unknown): unknown does not', { severity: 'unknown' }, {}, false],
  ['default (> unknown): negligible fires', { severity: 'negligible' }, {}, true],
  ['a word off the scale ranks as unknown', { severity: 'bogus' as 'high' }, {}, false],
  ['= medium: medium', { severity: 'medium' }, { severity_comparison: '=', severity: 'medium' }, true],
  ['= medium: high', {}, { severity_comparison: '=', severity: 'medium' }, false],
  ['!= medium: high', {}, { severity_comparison: '!=', severity: 'medium' }, true],
  ['!= medium: medium', { severity: 'medium' }, { severity_comparison: '!=', severity: 'medium' }, false],
  ['< high: medium', { severity: 'medium' }, { severity_comparison: '<', severity: 'high' }, true],
  ['< high: high', {}, { severity_comparison: '<', severity: 'high' }, false],
  ['<= high: high', {}, { severity_comparison: '<=', severity: 'high' }, true],
  ['<= high: critical', { severity: 'critical' }, { severity_comparison: '<=', severity: 'high' }, false],
  ['>= high: high', {}, { severity_comparison: '>=', severity: 'high' }, true],
  ['>= high: medium', { severity: 'medium' }, { severity_comparison: '>=', severity: 'high' }, false],
  ['> high: high', {}, { severity_comparison: '>', severity: 'high' }, false],
  ['> high: critical', { severity: 'critical' }, { severity_comparison: '>', severity: 'high' }, true],
];

const classCases: Case[] = [
  ['os: a deb package', {}, { package_type: 'os' }, true],
  ['os: an rpm package', { pkg: { type: 'rpm' } }, { package_type: 'os' }, true],
  ['os: an apk package', { pkg: { type: 'apk' } }, { package_type: 'os' }, true],
  ['os: an npm package', { pkg: npm }, { package_type: 'os' }, false],
  ['non-os: an npm package', { pkg: npm }, { package_type: 'non-os' }, true],
  ['non-os: a binary', { pkg: { type: 'binary' } }, { package_type: 'non-os' }, true],
  ['non-os: a deb package', {}, { package_type: 'non-os' }, false],
  ['all: an npm package', { pkg: npm }, { package_type: 'all' }, true],
];

const nvdCvssCases: Case[] = [
  ['base >= 9.8 on NVD 9.8', { cvss: [nvd98] }, { cvss_v3_base_score: 9.8 }, true],
  ['base >= 9.9 on NVD 9.8', { cvss: [nvd98] }, { cvss_v3_base_score: 9.9 }, false],
  ['base takes the highest NVD v3 entry', { cvss: [nvd55, nvd98] }, { cvss_v3_base_score: 9 }, true],
  ['nvd@nist.gov is NVD', { cvss: [nvd55] }, { cvss_v3_base_score: 5.5 }, true],
  ['a vendor score is not NVD', { cvss: [ghsa98] }, { cvss_v3_base_score: 1 }, false],
  ['v2 entries do not count', { cvss: [nvdV2] }, { cvss_v3_base_score: 1 }, false],
  ['no v3 entry is -1: < 0 holds', {}, { cvss_v3_base_score: 0, cvss_v3_base_score_comparison: '<' }, true],
  ['no v3 entry is -1: = -1 holds', {}, { cvss_v3_base_score: -1, cvss_v3_base_score_comparison: '=' }, true],
  [
    'base != 9.8 on 9.8',
    { cvss: [nvd98] },
    { cvss_v3_base_score: 9.8, cvss_v3_base_score_comparison: '!=' },
    false,
  ],
  ['exploitability >= 3.9 (3.9)', { cvss: [nvd98] }, { cvss_v3_exploitability_score: 3.9 }, true],
  ['exploitability >= 2 (1.8)', { cvss: [nvd55] }, { cvss_v3_exploitability_score: 2 }, false],
  ['exploitability max over entries', { cvss: [nvd98, nvd55] }, { cvss_v3_exploitability_score: 3.9 }, true],
  [
    'impact > 5.9 (5.9)',
    { cvss: [nvd98] },
    { cvss_v3_impact_score: 5.9, cvss_v3_impact_score_comparison: '>' },
    false,
  ],
  [
    'impact <= 3.6 (3.6)',
    { cvss: [nvd55] },
    { cvss_v3_impact_score: 3.6, cvss_v3_impact_score_comparison: '<=' },
    true,
  ],
  ['all three must hold', { cvss: [nvd98] }, { cvss_v3_base_score: 9, cvss_v3_impact_score: 6 }, false],
];

const vendorCvssCases: Case[] = [
  ['vendor base >= 9 on GHSA 9.8', { cvss: [ghsa98] }, { vendor_cvss_v3_base_score: 9 }, true],
  ['vendor base ignores NVD', { cvss: [nvd98] }, { vendor_cvss_v3_base_score: 9 }, false],
  [
    'an unsourced score is a vendor one',
    { cvss: [{ version: '3.1', vector: CRITICAL_VECTOR, baseScore: 9.8 }] },
    { vendor_cvss_v3_base_score: 9 },
    true,
  ],
  ['vendor exploitability >= 3.9', { cvss: [ghsa98] }, { vendor_cvss_v3_exploitability_score: 3.9 }, true],
  [
    'vendor exploitability < 3.9',
    { cvss: [ghsa98] },
    { vendor_cvss_v3_exploitability_score: 3.9, vendor_cvss_v3_exploitability_score_comparison: '<' },
    false,
  ],
  ['vendor impact >= 6 (5.9)', { cvss: [ghsa98] }, { vendor_cvss_v3_impact_score: 6 }, false],
  ['vendor impact >= 5.9 (5.9)', { cvss: [ghsa98] }, { vendor_cvss_v3_impact_score: 5.9 }, true],
];

const fixCases: Case[] = [
  ['fix_available=true: fixed', {}, { fix_available: true }, true],
  ['fix_available=true: not fixed', { fixState: 'not-fixed' }, { fix_available: true }, false],
  ['fix_available=true: only blank fix versions', { fixVersions: [''] }, { fix_available: true }, false],
  ['fix_available=false: not fixed', { fixState: 'not-fixed' }, { fix_available: false }, true],
  ['fix_available=false: fixed', {}, { fix_available: false }, false],
  ['fix_available as text "FALSE"', {}, { fix_available: 'FALSE' }, false],
  ['vendor_only (default): won’t-fix is dropped', { fixState: 'wont-fix' }, {}, false],
  ['vendor_only=false: won’t-fix fires', { fixState: 'wont-fix' }, { vendor_only: false }, true],
  ['vendor_only=true: not-fixed fires', { fixState: 'not-fixed' }, { vendor_only: true }, true],
];

const published = { published: '2026-05-01T00:00:00Z' }; // 31 days before the clock
const fixedOn = { fixPublished: '2026-05-25T00:00:00Z' }; // 7 days before
const ageCases: Case[] = [
  ['creation: 31 days old, limit 30', published, { max_days_since_creation: 30 }, true],
  ['creation: 31 days old, limit 31 (boundary)', published, { max_days_since_creation: 31 }, true],
  ['creation: 31 days old, limit 32', published, { max_days_since_creation: 32 }, false],
  [
    'creation: one second short of 31 days',
    { published: '2026-05-01T00:00:01Z' },
    { max_days_since_creation: 31 },
    false,
  ],
  ['creation: unknown date fires', {}, { max_days_since_creation: 3650 }, true],
  ['creation: unreadable date fires', { published: 'soon' }, { max_days_since_creation: 3650 }, true],
  ['fix: 7 days old, limit 7', fixedOn, { fix_available: true, max_days_since_fix: 7 }, true],
  ['fix: 7 days old, limit 8', fixedOn, { fix_available: true, max_days_since_fix: 8 }, false],
  ['fix: limit ignored without fix_available', fixedOn, { max_days_since_fix: 8 }, true],
  ['fix: unknown fix date fires', {}, { fix_available: true, max_days_since_fix: 8 }, true],
];

const npmAt = (...paths: string[]): MatchOptions => ({ pkg: { ...npm, paths } });
const pathCases: Case[] = [
  [
    'path regex anchored at the start: /srv/app',
    npmAt(LODASH_PATH),
    { package_path_exclude: /\/srv\/app/ },
    false,
  ],
  ['path regex not found at the start', npmAt(LODASH_PATH), { package_path_exclude: /node_modules/ }, true],
  ['path regex .*node_modules', npmAt(LODASH_PATH), { package_path_exclude: /.*node_modules/ }, false],
  ['path regex given as text', npmAt(LODASH_PATH), { package_path_exclude: '/srv/.*' }, false],
  [
    'any location excludes',
    npmAt('/usr/lib/x/package.json', LODASH_PATH),
    { package_path_exclude: /\/srv/ },
    false,
  ],
  ['os packages are never path-excluded', {}, { package_path_exclude: /\/var/ }, true],
];

describe('vulnerabilities/package parameters', () => {
  it.each(severityCases)('severity %s', (_, match, params, expected) => {
    expect(fires(match, params)).toBe(expected);
  });
  it.each(classCases)('package_type %s', (_, match, params, expected) => {
    expect(fires(match, params)).toBe(expected);
  });
  it.each(nvdCvssCases)('NVD CVSS %s', (_, match, params, expected) => {
    expect(fires(match, params)).toBe(expected);
  });
  it.each(vendorCvssCases)('vendor CVSS %s', (_, match, params, expected) => {
    expect(fires(match, params)).toBe(expected);
  });
  it.each(fixCases)('%s', (_, match, params, expected) => {
    expect(fires(match, params)).toBe(expected);
  });
  it.each(ageCases)('max_days_since_%s', (_, match, params, expected) => {
    expect(fires(match, params)).toBe(expected);
  });
  it.each(pathCases)('package_path_exclude: %s', (_, match, params, expected) => {
    expect(fires(match, params)).toBe(expected);
  });

  it('needs every given condition: the first failing one stops the match', () => {
    const match: MatchOptions = { cvss: [nvd98, ghsa98], ...published, ...fixedOn };
    const all = {
      severity_comparison: '>=',
      severity: 'high',
      cvss_v3_base_score: 9,
      fix_available: true,
      max_days_since_creation: 30,
      max_days_since_fix: 7,
      vendor_cvss_v3_base_score: 9,
    };
    expect(fires(match, all)).toBe(true);
    for (const [name, value] of Object.entries({
      severity: 'critical',
      cvss_v3_base_score: 9.9,
      fix_available: false,
      max_days_since_creation: 40,
      max_days_since_fix: 8,
      vendor_cvss_v3_base_score: 9.9,
    })) {
      expect(fires(match, { ...all, [name]: value }), name).toBe(false);
    }
  });

  it('fires once per passing match, and not at all without a scan', () => {
    const scan = scanReport([
      vulnMatch(),
      vulnMatch({ id: 'CVE-2023-0002', severity: 'low' }),
      vulnMatch({ id: 'CVE-2023-0003', severity: 'unknown' }),
      vulnMatch(), // the same match twice collapses
    ]);
    const firings = packageTrigger.evaluate(gateContext(policySbom(), { scan }), { package_type: 'all' });
    expect(firings.map((f) => f.triggerId)).toEqual(['CVE-2023-0001+openssl', 'CVE-2023-0002+openssl']);
    expect(packageTrigger.evaluate(gateContext(), { package_type: 'all' })).toEqual([]);
  });
});
