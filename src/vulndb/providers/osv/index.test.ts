import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import type { FeedFile } from '../types.js';
import { osvParser } from './index.js';

function file(name: string, content: string): FeedFile {
  return { location: `feed/${name}`, name, content: Buffer.from(content) };
}

function parse(f: FeedFile): FeedItem[] {
  return [...(osvParser.parse(f) as Iterable<FeedItem>)];
}

function only(f: FeedFile) {
  const items = parse(f);
  expect(items).toHaveLength(1);
  const item = items[0];
  if (item?.kind !== 'vulnerability')
    throw new Error(`expected a vulnerability, got ${JSON.stringify(item)}`);
  return item;
}

const ghsa = {
  schema_version: '1.4.0',
  id: 'GHSA-aaaa-bbbb-cccc',
  modified: '2023-09-05T22:24:55Z',
  published: '2019-07-10T19:45:23Z',
  aliases: ['CVE-2019-10744'],
  summary: 'Prototype Pollution in lodash',
  details: 'Versions before 4.17.12 are vulnerable.',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.17.12' }] }],
    },
    {
      package: { ecosystem: 'SwiftURL', name: 'x' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }],
    },
  ],
  references: [{ type: 'ADVISORY', url: 'https://example.test/a' }],
  database_specific: { severity: 'MODERATE' },
};

describe('osvParser.detect', () => {
  it('claims OSV JSON and YAML records, arrays and API answers', () => {
    expect(osvParser.detect(file('GHSA-1.json', JSON.stringify(ghsa)))).toBe(true);
    expect(osvParser.detect(file('all.json', JSON.stringify([ghsa])))).toBe(true);
    expect(osvParser.detect(file('q.json', JSON.stringify({ vulns: [ghsa] })))).toBe(true);
    const yaml = 'id: PYSEC-1\nmodified: 2023-01-01T00:00:00Z\naffected: []\n';
    expect(osvParser.detect(file('PYSEC-1.yaml', yaml))).toBe(true);
  });

  it('does not claim index files, other feeds or text', () => {
    const index = [{ id: 'CGA-1', modified: '2026-01-07T00:00:00Z' }];
    expect(osvParser.detect(file('all.json', JSON.stringify(index)))).toBe(false);
    const nswg = { id: 410, module_name: 'x', vulnerable_versions: '<1', modified: 'x' };
    expect(osvParser.detect(file('410.json', JSON.stringify(nswg)))).toBe(false);
    expect(osvParser.detect(file('main.yaml', 'gem: rails\ncve: 2020-1\n'))).toBe(false);
    expect(osvParser.detect(file('notes.txt', 'id and modified and affected'))).toBe(false);
  });
});

describe('osvParser.parse', () => {
  it('maps a GHSA record: ids, CVSS-derived severity, ranges, fixes; skips unknown ecosystems', () => {
    const { vulnerability, affected } = only(file('GHSA-1.json', JSON.stringify(ghsa)));
    expect(vulnerability).toMatchObject({
      id: 'GHSA-aaaa-bbbb-cccc',
      aliases: ['CVE-2019-10744'],
      summary: 'Prototype Pollution in lodash',
      description: 'Versions before 4.17.12 are vulnerable.',
      severity: 'critical',
      published: '2019-07-10T19:45:23Z',
      references: ['https://example.test/a'],
      provider: 'osv',
    });
    expect(vulnerability.cvss).toEqual([expect.objectContaining({ version: '3.1', baseScore: 9.1 })]);
    expect(affected).toEqual([
      {
        vulnerabilityId: 'GHSA-aaaa-bbbb-cccc',
        namespace: 'npm',
        package: 'lodash',
        scheme: 'semver',
        ranges: [{ fixed: '4.17.12' }],
        fixState: 'fixed',
        fixedVersions: ['4.17.12'],
        provider: 'osv',
      },
    ]);
  });

  it('uses GHSA database_specific severity when there is no vector', () => {
    const { vulnerability } = only(file('g.json', JSON.stringify({ ...ghsa, severity: [] })));
    expect(vulnerability.severity).toBe('medium');
    expect(vulnerability.cvss).toEqual([]);
  });

  it('reads several introduced/fixed pairs, last_affected, open ranges; ignores GIT and limit', () => {
    const record = {
      id: 'GO-2024-1',
      modified: '0001-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'Go', name: 'github.com/coder/coder/v2' },
          ranges: [
            { type: 'GIT', repo: 'r', events: [{ introduced: '0' }, { fixed: 'abc' }] },
            {
              type: 'SEMVER',
              events: [
                { introduced: '2.3.1' },
                { fixed: '2.14.4' },
                { introduced: '2.15.0' },
                { last_affected: '2.15.2' },
                { introduced: '2.16.0' },
                { limit: '3.0.0' },
              ],
            },
          ],
        },
        { package: { ecosystem: 'Go', name: 'stdlib' }, versions: ['1.20.1'] },
      ],
    };
    const { vulnerability, affected } = only(file('GO-2024-1.json', JSON.stringify(record)));
    expect(vulnerability.modified).toBeUndefined();
    expect(vulnerability.severity).toBe('unknown');
    expect(affected[0]?.ranges).toEqual([
      { introduced: '2.3.1', fixed: '2.14.4' },
      { introduced: '2.15.0', lastAffected: '2.15.2' },
      { introduced: '2.16.0' },
    ]);
    expect(affected[0]).toMatchObject({ namespace: 'go', scheme: 'golang', fixedVersions: ['2.14.4'] });
    expect(affected[1]).toMatchObject({
      package: 'stdlib',
      ranges: [],
      versions: ['1.20.1'],
      fixState: 'not-fixed',
    });
  });

  it('reads YAML records and writes PyPI names in PEP 503 form', () => {
    const yaml = [
      'id: PYSEC-2023-121',
      'modified: 2023-07-25T16:31:58.309647Z',
      'aliases:',
      '- CVE-2022-4899',
      'affected:',
      '- package:',
      '    ecosystem: PyPI',
      '    name: Zope_Interface',
      '  ranges:',
      '  - type: ECOSYSTEM',
      '    events:',
      '    - introduced: "1.0"',
      '    - fixed: 1.5.5',
      '  versions:',
      '  - "1.0"',
      '  - 1.4.0',
    ].join('\n');
    const { vulnerability, affected } = only(file('PYSEC-2023-121.yaml', yaml));
    expect(vulnerability.modified).toBe('2023-07-25T16:31:58.309647Z');
    expect(affected[0]).toMatchObject({
      namespace: 'pypi',
      package: 'zope-interface',
      scheme: 'pep440',
      ranges: [{ introduced: '1.0', fixed: '1.5.5' }],
      versions: ['1.0', '1.4.0'],
    });
  });

  it('maps Ubuntu (incl. Pro) with the priority on its packages, upstream ids as aliases', () => {
    const record = {
      id: 'UBUNTU-CVE-2022-24823',
      modified: '2026-06-08T16:11:47Z',
      upstream: ['CVE-2022-24823'],
      severity: [{ type: 'Ubuntu', score: 'low' }],
      affected: [
        {
          package: { ecosystem: 'Ubuntu:Pro:16.04:LTS', name: 'netty' },
          ranges: [
            { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1:4.0.34-1ubuntu0.1~esm2' }] },
          ],
        },
        { package: { ecosystem: 'Ubuntu:Pro:FIPS:22.04:LTS', name: 'netty' }, versions: ['1'] },
      ],
    };
    const { vulnerability, affected } = only(file('u.json', JSON.stringify(record)));
    expect(vulnerability).toMatchObject({ aliases: ['CVE-2022-24823'], severity: 'low' });
    expect(affected).toHaveLength(1);
    expect(affected[0]).toMatchObject({ namespace: 'ubuntu:16.04', scheme: 'deb', severity: 'low' });
  });

  it('keeps Debian urgency per package, AlmaLinux related CVEs and summary impact', () => {
    const debian = {
      id: 'DSA-1',
      modified: '2024-01-01T00:00:00Z',
      withdrawn: '0001-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'Debian:12', name: 'glibc' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.36-9+deb12u3' }] }],
          ecosystem_specific: { urgency: 'high**' },
        },
      ],
    };
    const deb = only(file('d.json', JSON.stringify(debian)));
    expect(deb.vulnerability.withdrawn).toBeUndefined();
    expect(deb.affected[0]).toMatchObject({ namespace: 'debian:12', package: 'glibc', severity: 'high' });
    const alma = {
      id: 'ALSA-2021:2363',
      modified: '2021-11-12T10:20:56Z',
      summary: 'Important: gupnp security update',
      related: ['CVE-2021-33516'],
      affected: [
        {
          package: { ecosystem: 'AlmaLinux:8', name: 'gupnp' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.6-2.el8_4' }] }],
        },
      ],
    };
    const rpm = only(file('a.json', JSON.stringify(alma)));
    expect(rpm.vulnerability).toMatchObject({ aliases: ['CVE-2021-33516'], severity: 'high' });
    expect(rpm.affected[0]).toMatchObject({ namespace: 'almalinux:8', scheme: 'rpm', package: 'gupnp' });
  });

  it('keeps a withdrawn record even when nothing is left to match', () => {
    const record = {
      id: 'PYSEC-2022-15',
      modified: '2022-01-29T16:47:14Z',
      withdrawn: '2022-02-22T16:15:07Z',
      affected: [{ package: { ecosystem: 'PyPI', name: 'loguru' } }],
    };
    const { vulnerability, affected } = only(file('w.json', JSON.stringify(record)));
    expect(vulnerability.withdrawn).toBe('2022-02-22T16:15:07Z');
    expect(affected).toEqual([]);
  });

  it('rejects unusable records and goes on with the rest of an array', () => {
    const bad = [
      {
        id: 'X-1',
        modified: 'm',
        affected: [{ package: { ecosystem: 'SwiftURL', name: 'x' }, versions: ['1'] }],
      },
      { modified: 'm', affected: [] },
      { id: 'X-3', modified: 'm', affected: 'nope' },
      'string',
      ghsa,
    ];
    const items = parse(file('all.json', JSON.stringify(bad)));
    expect(items.map((i) => i.kind)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'vulnerability',
    ]);
    expect(items[0]).toEqual({
      kind: 'rejected',
      location: 'feed/all.json[0]#X-1',
      reason: 'unsupported ecosystem SwiftURL',
    });
  });

  it('rejects a file that is neither JSON nor YAML, or holds no record', () => {
    const broken = parse(file('x.json', '{"id": "A", "modified": '));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ kind: 'rejected', location: 'feed/x.json' });
    expect(parse(file('y.yaml', 'id: [unclosed\n'))[0]?.kind).toBe('rejected');
    expect(parse(file('z.json', '{"hello": 1}'))).toEqual([
      { kind: 'rejected', location: 'feed/z.json', reason: 'no OSV record in the file' },
    ]);
  });
});
