import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import { compareGemVersions, requirementIntervals } from './gem-requirements.js';
import { rubysecParser } from './index.js';
import { complement, toVersionRange } from './intervals.js';

function parse(name: string, text: string): FeedItem[] {
  const file = { location: `gems/x/${name}`, name, content: Buffer.from(text) };
  return [...(rubysecParser.parse(file) as Iterable<FeedItem>)];
}

const advisory = `---
gem: actionpack
cve: 2020-8164
ghsa: xq5j-gw7f-jgj8
osvdb: 12345
url: https://example.test/advisory
title: Possible strong parameters bypass
date: 2020-05-18
description: |
  Strong parameters can be bypassed.
cvss_v3: 7.5
unaffected_versions:
  - "< 4.0.0"
patched_versions:
  - "~> 5.2.4, >= 5.2.4.3"
  - ">= 6.0.3.1"
related:
  url:
    - https://example.test/related
`;

describe('rubysecParser', () => {
  it('claims ruby-advisory-db YAML only', () => {
    const claim = (name: string, text: string) =>
      rubysecParser.detect({ location: name, name, content: Buffer.from(text) });
    expect(claim('CVE-2020-8164.yml', advisory)).toBe(true);
    expect(claim('CVE-2020-8164.json', advisory)).toBe(false);
    expect(claim('a.yaml', 'title: x\nreference: composer://a/b\nbranches: {}\n')).toBe(false);
  });

  it('turns patched/unaffected requirements into the affected ranges (their complement)', () => {
    const [item] = parse('CVE-2020-8164.yml', advisory);
    if (item?.kind !== 'vulnerability') throw new Error(JSON.stringify(item));
    expect(item.vulnerability).toMatchObject({
      id: 'CVE-2020-8164',
      aliases: ['GHSA-xq5j-gw7f-jgj8', 'OSVDB-12345'],
      summary: 'Possible strong parameters bypass',
      severity: 'high',
      published: '2020-05-18',
      references: ['https://example.test/advisory', 'https://example.test/related'],
      provider: 'rubysec',
    });
    expect(item.affected).toEqual([
      {
        vulnerabilityId: 'CVE-2020-8164',
        namespace: 'rubygems',
        package: 'actionpack',
        scheme: 'gem',
        ranges: [
          { introduced: '4.0.0', fixed: '5.2.4.3' },
          { introduced: '5.3', fixed: '6.0.3.1' },
        ],
        fixState: 'fixed',
        fixedVersions: ['5.2.4.3', '6.0.3.1'],
        provider: 'rubysec',
      },
    ]);
  });

  it('affects every version when nothing is patched; GHSA id when there is no CVE', () => {
    const [item] = parse('GHSA-1.yml', 'gem: evil\nghsa: aaaa-bbbb-cccc\nurl: u\n');
    if (item?.kind !== 'vulnerability') throw new Error(JSON.stringify(item));
    expect(item.vulnerability.id).toBe('GHSA-aaaa-bbbb-cccc');
    expect(item.vulnerability.severity).toBe('unknown');
    expect(item.affected[0]).toMatchObject({ ranges: [{}], fixState: 'not-fixed', fixedVersions: [] });
  });

  it('says not-affected when the requirements cover every version', () => {
    const [item] = parse(
      'c.yml',
      'gem: c\ncve: 2019-1\nunaffected_versions:\n  - "< 1.0.12"\n  - "> 0.1.4"\n',
    );
    if (item?.kind !== 'vulnerability') throw new Error(JSON.stringify(item));
    expect(item.affected[0]).toMatchObject({ ranges: [], fixState: 'not-affected' });
  });

  it('rejects broken advisories and non-YAML files, never throws', () => {
    const reasons = [
      parse('a.yml', 'cve: 2020-1\n'),
      parse('b.yml', 'gem: x\n'),
      parse('c.yml', 'gem: x\ncve: 2020-1\npatched_versions: ">= 1"\n'),
      parse('d.yml', 'gem: x\ncve: 2020-1\npatched_versions:\n  - "=> 1"\n'),
      parse('e.yml', '- just\n- a list\n'),
      parse('f.yml', 'gem: [unclosed\n'),
    ].map((items) => {
      expect(items).toHaveLength(1);
      expect(items[0]?.kind).toBe('rejected');
      return items[0]?.kind === 'rejected' ? items[0].reason : '';
    });
    expect(reasons[3]).toBe("CVE-2020-1: unreadable gem requirement '=> 1'");
  });
});

describe('gem requirements', () => {
  it('orders gem versions as RubyGems does', () => {
    expect(compareGemVersions('1.0', '1.0.0')).toBe(0);
    expect(compareGemVersions('1.0.0.rc1', '1.0.0')).toBe(-1);
    expect(compareGemVersions('1.0.0-rc1', '1.0.0.beta')).toBe(1);
    expect(compareGemVersions('1.10', '1.9.9')).toBe(1);
  });

  it('reads ~> as a pessimistic interval and != as two', () => {
    expect(requirementIntervals('~> 1.2.3')?.map(toVersionRange)).toEqual([
      { introduced: '1.2.3', fixed: '1.3' },
    ]);
    expect(requirementIntervals('~> 2')?.map(toVersionRange)).toEqual([{ introduced: '2', fixed: '3' }]);
    // Segments of any size, as Ruby's integers (a Number gave 1e+41 and a thrown error; fuzzing).
    expect(
      requirementIntervals('~> 99999999999999999999999999999999999999992.2.9')?.map(toVersionRange),
    ).toEqual([
      {
        introduced: '99999999999999999999999999999999999999992.2.9',
        fixed: '99999999999999999999999999999999999999992.3',
      },
    ]);
    expect(requirementIntervals('~> 1.0.rc1')?.map(toVersionRange)).toEqual([
      { introduced: '1.0.rc1', fixed: '2' },
    ]);
    expect(requirementIntervals('!= 1.5')?.map(toVersionRange)).toEqual([
      { fixed: '1.5' },
      { introduced: '1.5', lowerExclusive: true },
    ]);
    expect(requirementIntervals('> 1, <= 2')?.map(toVersionRange)).toEqual([
      { introduced: '1', lowerExclusive: true, lastAffected: '2' },
    ]);
  });

  it('complements touching and overlapping intervals', () => {
    const safe = [...(requirementIntervals('<= 1') ?? []), ...(requirementIntervals('> 1, < 2') ?? [])];
    expect(complement(safe, compareGemVersions).map(toVersionRange)).toEqual([{ introduced: '2' }]);
    expect(complement([], compareGemVersions).map(toVersionRange)).toEqual([{}]);
  });
});
