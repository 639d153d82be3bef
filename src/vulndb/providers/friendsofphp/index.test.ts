import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import { friendsOfPhpParser } from './index.js';

function file(name: string, text: string) {
  return { location: `acme/widget/${name}`, name, content: Buffer.from(text) };
}

function parse(name: string, text: string): FeedItem[] {
  return [...(friendsOfPhpParser.parse(file(name, text)) as Iterable<FeedItem>)];
}

const advisory = `title: Unsafe deserialization
link: https://example.test/fop
cve: CVE-2019-11458
branches:
    3.5.x:
        time:     2019-04-23 22:08:00
        versions: ['>=3.0.0', '<3.5.18']
    3.6.x:
        time:     2019-04-20 22:08:00
        versions: ['>3.6.0', '<=3.6.14']
    4.x:
        time:     ~
        versions: ['>=4.0,<4.0.2', '!=4.0.1']
reference: composer://Acme/Widget
`;

describe('friendsOfPhpParser', () => {
  it('claims FriendsOfPHP YAML only', () => {
    expect(friendsOfPhpParser.detect(file('CVE-2019-11458.yaml', advisory))).toBe(true);
    expect(friendsOfPhpParser.detect(file('x.yml', 'gem: rails\ncve: 2020-1\n'))).toBe(false);
  });

  it('maps branches to ranges (or a Composer constraint) under the lower-cased package name', () => {
    const [item] = parse('CVE-2019-11458.yaml', advisory);
    if (item?.kind !== 'vulnerability') throw new Error(JSON.stringify(item));
    expect(item.vulnerability).toMatchObject({
      id: 'CVE-2019-11458',
      summary: 'Unsafe deserialization',
      references: ['https://example.test/fop'],
      published: '2019-04-20T22:08:00Z',
      severity: 'unknown',
      provider: 'friendsofphp',
    });
    expect(item.affected).toEqual([
      {
        vulnerabilityId: 'CVE-2019-11458',
        namespace: 'packagist',
        package: 'acme/widget',
        scheme: 'generic',
        ranges: [
          { introduced: '3.0.0', fixed: '3.5.18' },
          { introduced: '3.6.0', lowerExclusive: true, lastAffected: '3.6.14' },
        ],
        constraints: ['>=4.0,<4.0.2,!=4.0.1'],
        fixState: 'fixed',
        fixedVersions: ['3.5.18'],
        provider: 'friendsofphp',
      },
    ]);
  });

  it('builds a stable id from the package and file when there is no CVE', () => {
    const text =
      "title: t\nlink: l\ncve: ~\nbranches:\n  1.x:\n    time: ~\n    versions: ['<=1.2']\nreference: composer://acme/widget\n";
    const [item] = parse('2015-08-06.yaml', text);
    if (item?.kind !== 'vulnerability') throw new Error(JSON.stringify(item));
    expect(item.vulnerability.id).toBe('FOP-acme/widget/2015-08-06');
    expect(item.affected[0]).toMatchObject({ ranges: [{ lastAffected: '1.2' }], fixState: 'not-fixed' });
  });

  it('rejects broken advisories and non-YAML files, never throws', () => {
    const cases = [
      'title: t\nbranches: {}\nreference: https://x\n',
      'title: t\nbranches: []\nreference: composer://a/b\n',
      "title: t\nbranches:\n  m:\n    versions: ['~1.0']\nreference: composer://a/b\n",
      'title: [unclosed\n',
      '- a\n',
    ];
    for (const text of cases) {
      const items = parse('x.yaml', text);
      expect(items).toHaveLength(1);
      expect(items[0]?.kind).toBe('rejected');
    }
  });
});
