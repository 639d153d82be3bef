import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import { npmSecurityWgParser } from './index.js';
import { lowerBounds } from './npm-record.js';

function file(path: string, content: unknown) {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return { location: path, name: path.split('/').pop() ?? path, content: Buffer.from(text) };
}

function parse(path: string, content: unknown): FeedItem[] {
  return [...(npmSecurityWgParser.parse(file(path, content)) as Iterable<FeedItem>)];
}

const npmAdvisory = {
  id: 7,
  title: 'Prototype pollution',
  overview: 'Objects can be polluted.',
  created_at: '2018-02-17',
  updated_at: '2018-04-09',
  publish_date: '2018-04-01',
  module_name: 'merge-things',
  cves: ['CVE-2018-1', 'CVE-2018-2'],
  vulnerable_versions: '<1.0.3 || >=2.0.0 <2.0.1',
  patched_versions: '>=1.0.3 <2.0.0 || >= 2.0.1',
  references: ['https://example.test/r'],
  cvss_vector: 'CVSS:3.0/AV:N/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:L',
  cvss_score: 2,
};

const coreAdvisory = {
  cve: ['CVE-2016-1669'],
  ref: 'https://example.test/node',
  vulnerable: '>=6.0.0 <6.2.0 || 5.x || 4.x',
  patched: '^4.4.6 || ^5.12.0',
  description: 'Buffer overflow in V8',
  overview: 'A bug.',
  severity: 'high',
};

describe('npmSecurityWgParser.detect', () => {
  it('claims numbered npm and core records, never index.json', () => {
    expect(npmSecurityWgParser.detect(file('vuln/npm/7.json', npmAdvisory))).toBe(true);
    expect(npmSecurityWgParser.detect(file('vuln/core/24.json', coreAdvisory))).toBe(true);
    expect(npmSecurityWgParser.detect(file('vuln/npm/index.json', { 7: npmAdvisory }))).toBe(false);
    expect(npmSecurityWgParser.detect(file('vuln/npm/8.json', { id: 'GHSA-1', modified: 'x' }))).toBe(false);
  });
});

describe('npmSecurityWgParser.parse', () => {
  it('keeps an npm module range as a constraint; NSWG id with the CVEs as aliases', () => {
    const [item] = parse('vuln/npm/7.json', npmAdvisory);
    if (item?.kind !== 'vulnerability') throw new Error(JSON.stringify(item));
    expect(item.vulnerability).toMatchObject({
      id: 'NSWG-ECO-7',
      aliases: ['CVE-2018-1', 'CVE-2018-2'],
      summary: 'Prototype pollution',
      severity: 'low',
      published: '2018-04-01',
      modified: '2018-04-09',
      provider: 'nodejs-security-wg',
    });
    expect(item.vulnerability.cvss).toEqual([expect.objectContaining({ version: '3.0', baseScore: 2 })]);
    expect(item.affected).toEqual([
      {
        vulnerabilityId: 'NSWG-ECO-7',
        namespace: 'npm',
        package: 'merge-things',
        scheme: 'semver',
        ranges: [],
        constraints: ['<1.0.3 || >=2.0.0 <2.0.1'],
        fixState: 'fixed',
        fixedVersions: ['1.0.3', '2.0.1'],
        provider: 'nodejs-security-wg',
      },
    ]);
  });

  it('uses the single CVE as id and the score when there is no vector', () => {
    const one = {
      ...npmAdvisory,
      cves: ['CVE-2019-9'],
      cvss_vector: null,
      cvss_score: 9.8,
      patched_versions: null,
    };
    const [item] = parse('vuln/npm/9.json', one);
    if (item?.kind !== 'vulnerability') throw new Error(JSON.stringify(item));
    expect(item.vulnerability).toMatchObject({
      id: 'CVE-2019-9',
      aliases: ['NSWG-ECO-7'],
      severity: 'critical',
    });
    expect(item.affected[0]).toMatchObject({ fixState: 'not-fixed', fixedVersions: [] });
  });

  it('maps Node.js core advisories to nodejs/node as vulnerable minus patched', () => {
    const [item] = parse('vuln/core/24.json', coreAdvisory);
    if (item?.kind !== 'vulnerability') throw new Error(JSON.stringify(item));
    expect(item.vulnerability).toMatchObject({
      id: 'CVE-2016-1669',
      aliases: ['NSWG-CORE-24'],
      severity: 'high',
    });
    expect(item.affected[0]).toMatchObject({
      namespace: 'nodejs',
      package: 'node',
      scheme: 'semver',
      ranges: [
        { introduced: '4.0.0', fixed: '4.4.6' },
        { introduced: '5.0.0', fixed: '5.12.0' },
        { introduced: '6.0.0', fixed: '6.2.0' },
      ],
      fixState: 'fixed',
      fixedVersions: ['4.4.6', '5.12.0'],
    });
    const [upTo] = parse('vuln/core/54.json', {
      ...coreAdvisory,
      vulnerable: '<= 10',
      patched: '^8.11.4 || >= 10.9.0',
    });
    if (upTo?.kind !== 'vulnerability') throw new Error(JSON.stringify(upTo));
    expect(upTo.affected[0]?.ranges).toEqual([{ fixed: '8.11.4' }, { introduced: '9.0.0', fixed: '10.9.0' }]);
  });

  it('falls back to the vulnerable constraint when a core range cannot be computed', () => {
    const [item] = parse('vuln/core/5.json', { ...coreAdvisory, cve: [], vulnerable: '4.0.0 - 4.2.0' });
    if (item?.kind !== 'vulnerability') throw new Error(JSON.stringify(item));
    expect(item.vulnerability.id).toBe('NSWG-CORE-5');
    expect(item.affected[0]).toMatchObject({ ranges: [], constraints: ['4.0.0 - 4.2.0'] });
  });

  it('rejects broken records and non-JSON files, never throws', () => {
    const cases: unknown[] = [
      '{"module_name": ',
      [1, 2],
      { module_name: '', vulnerable_versions: '<1' },
      { module_name: 'x' },
      { cve: [], patched: '^1.0.0' },
      { title: 'neither' },
    ];
    for (const content of cases) {
      const items = parse('vuln/npm/1.json', content);
      expect(items).toHaveLength(1);
      expect(items[0]?.kind).toBe('rejected');
    }
  });
});

describe('lowerBounds', () => {
  it.each([
    ['>=4.17.12', ['4.17.12']],
    ['>= 2.x', ['2.0.0']],
    ['^1.2.3 || >=2.0.0-beta.1', ['1.2.3', '2.0.0-beta.1']],
    ['<0.0.0', []],
    ['>1.2.3', []],
    ['>=1.0.3 <2.0.0 || >= 2.0.1', ['1.0.3', '2.0.1']],
  ])('%s → %j', (patched, expected) => expect(lowerBounds(patched)).toEqual(expected));
});
