import { describe, expect, it } from 'vitest';
import { gateContext, policySbom, triggerOf } from '../../../../test/helpers/policy-sbom.js';
import type { ParamValue } from '../types.js';
import { vulnerabilitiesGate } from './index.js';
import { scanReport, vulnMatch } from './testdata/scan-report-builder.js';

const scan = scanReport([
  vulnMatch({ id: 'CVE-2023-0001' }),
  vulnMatch({
    id: 'GHSA-jf85-cpcp-j695',
    aliases: ['CVE-2019-10744'],
    pkg: { name: 'lodash', version: '4.17.11', type: 'npm' },
  }),
  vulnMatch({ id: 'CVE-2005-2541', fixState: 'wont-fix', pkg: { name: 'tar' } }),
]);
const context = gateContext(policySbom(), { scan });

function messages(trigger: string, params: Record<string, ParamValue>): string[] {
  return triggerOf(vulnerabilitiesGate, trigger)
    .evaluate(context, params)
    .map((f) => f.message);
}

describe('vulnerabilities/blacklist', () => {
  it.each<[string, Record<string, ParamValue>, string[]]>([
    [
      'a matched id',
      { vulnerability_ids: ['CVE-2023-0001'] },
      ['Denied vulnerabilities matched: CVE-2023-0001'],
    ],
    [
      'every matched id once, in the order listed, unmatched left out',
      { vulnerability_ids: ['CVE-2099-0001', 'GHSA-jf85-cpcp-j695', 'CVE-2023-0001', 'CVE-2023-0001'] },
      ['Denied vulnerabilities matched: GHSA-jf85-cpcp-j695, CVE-2023-0001'],
    ],
    [
      'an alias of a matched vulnerability',
      { vulnerability_ids: ['CVE-2019-10744'] },
      ['Denied vulnerabilities matched: CVE-2019-10744'],
    ],
    [
      'ids in any case',
      { vulnerability_ids: ['cve-2023-0001'] },
      ['Denied vulnerabilities matched: cve-2023-0001'],
    ],
    [
      'the csv as text',
      { vulnerability_ids: 'CVE-2099-1, CVE-2023-0001' },
      ['Denied vulnerabilities matched: CVE-2023-0001'],
    ],
    ['nothing listed matched', { vulnerability_ids: ['CVE-2099-0001'] }, []],
    ['won’t-fix left out by default', { vulnerability_ids: ['CVE-2005-2541'] }, []],
    [
      'won’t-fix kept with vendor_only=false',
      { vulnerability_ids: ['CVE-2005-2541'], vendor_only: false },
      ['Denied vulnerabilities matched: CVE-2005-2541'],
    ],
  ])('%s', (_, params, expected) => {
    expect(messages('blacklist', params)).toEqual(expected);
    expect(messages('denylist', params)).toEqual(expected);
  });

  it('keeps its identity when the list is reordered', () => {
    const ids = (list: string[]) =>
      triggerOf(vulnerabilitiesGate, 'blacklist')
        .evaluate(context, { vulnerability_ids: list })
        .map((f) => f.identity);
    expect(ids(['GHSA-jf85-cpcp-j695', 'CVE-2023-0001'])).toEqual(
      ids(['CVE-2023-0001', 'GHSA-jf85-cpcp-j695']),
    );
  });

  it('does not fire without a scan', () => {
    const trigger = triggerOf(vulnerabilitiesGate, 'blacklist');
    expect(trigger.evaluate(gateContext(), { vulnerability_ids: ['CVE-2023-0001'] })).toEqual([]);
  });
});

describe('vulnerabilities gate', () => {
  it('has Anchore’s triggers, denylist beside blacklist, with its parameter defaults', () => {
    expect(vulnerabilitiesGate.triggers.map((t) => t.name)).toEqual([
      'package',
      'stale_feed_data',
      'vulnerability_data_unavailable',
      'blacklist',
      'denylist',
    ]);
    const params = triggerOf(vulnerabilitiesGate, 'package').params;
    const defaults = Object.fromEntries(params.filter((p) => p.default).map((p) => [p.name, p.default]));
    expect(defaults).toEqual({
      severity_comparison: '>',
      severity: 'unknown',
      cvss_v3_base_score_comparison: '>=',
      cvss_v3_exploitability_score_comparison: '>=',
      cvss_v3_impact_score_comparison: '>=',
      vendor_only: 'true',
      vendor_cvss_v3_base_score_comparison: '>=',
      vendor_cvss_v3_exploitability_score_comparison: '>=',
      vendor_cvss_v3_impact_score_comparison: '>=',
    });
    expect(params.filter((p) => p.required).map((p) => p.name)).toEqual(['package_type']);
    expect(params).toHaveLength(20);
  });
});
