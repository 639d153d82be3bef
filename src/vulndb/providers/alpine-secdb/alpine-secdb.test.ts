import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import type { FeedFile } from '../types.js';
import { alpineSecdbParser } from './index.js';
import { secfixIds } from './secfix-ids.js';

function file(location: string, text: string): FeedFile {
  return { location, name: location.split('/').pop() ?? location, content: Buffer.from(text) };
}

function parse(f: FeedFile): FeedItem[] {
  return [...(alpineSecdbParser.parse(f) as Iterable<FeedItem>)];
}

function vulns(items: FeedItem[]) {
  return items.flatMap((item) => (item.kind === 'vulnerability' ? [item] : []));
}

const YAML = `---
distroversion: v3.8
reponame: main
urlprefix: http://dl-cdn.alpinelinux.org/alpine
apkurl: "{{urlprefix}}/{{distroversion}}/{{reponame}}/{{arch}}/{{pkg.name}}-{{pkg.ver}}.apk"
packages:
  - pkg:
      name: xen
      secfixes:
        4.10.1-r0:
          - CVE-2018-3639   XSA-263
          - XSA-254
        1.10-r0:
          - CVE-2018-8897 (see XSA-260)
  - pkg:
      name: openssl
      secfixes:
        0:
          - CVE-2022-1292
        1.1.0h-r0:
          - CVE 2018-0737
          - CVE-2018-0737
        7.4.0-r0:
  - pkg:
      secfixes: {}
  - pkg:
      name: bad
      secfixes:
        1.0-r0:
          - (no id here)
`;

describe('secfixIds', () => {
  it('splits free text into CVE and other ids', () => {
    expect(secfixIds('CVE-2017-5753 CVE-2017-5715 XSA-254 XPTI')).toEqual({
      cves: ['CVE-2017-5753', 'CVE-2017-5715'],
      others: ['XSA-254'],
    });
    expect(secfixIds('CVE_2019-2426').cves).toEqual(['CVE-2019-2426']);
    expect(secfixIds('CVE-2017-17434-1').cves).toEqual(['CVE-2017-17434']);
    expect(secfixIds('CVE-2019-19451.patch').cves).toEqual(['CVE-2019-19451']);
    expect(secfixIds('CVE-????-?????  XSA-295')).toEqual({ cves: [], others: ['XSA-295'] });
    expect(secfixIds('GHSA-jq35-85cj-fj4p').others).toEqual(['GHSA-jq35-85cj-fj4p']);
    expect(secfixIds('CVE-2018-14468 (FrameRelay)')).toEqual({ cves: ['CVE-2018-14468'], others: [] });
  });
});

describe('alpineSecdbParser', () => {
  const items = parse(file('v3.8/main.yaml', YAML));
  const find = (id: string) => vulns(items).find((v) => v.vulnerability.id === id);

  it('claims secdb YAML and JSON, not other documents', () => {
    expect(alpineSecdbParser.detect(file('v3.8/main.yaml', YAML))).toBe(true);
    expect(alpineSecdbParser.detect(file('main.json', '{"distroversion":"v3.19","packages":[]}'))).toBe(true);
    expect(alpineSecdbParser.detect(file('pkg.yaml', 'name: foo\npackages: []\n'))).toBe(false);
    expect(alpineSecdbParser.detect(file('main.txt', YAML))).toBe(false);
  });

  it('gives each (package, id) fixed at its version in the release namespace', () => {
    expect(find('CVE-2018-3639')?.vulnerability.aliases).toEqual(['XSA-263']);
    expect(find('CVE-2018-3639')?.affected).toEqual([
      expect.objectContaining({
        namespace: 'alpine:3.8',
        package: 'xen',
        scheme: 'apk',
        fixState: 'fixed',
        ranges: [{ fixed: '4.10.1-r0' }],
      }),
    ]);
    expect(find('XSA-254')?.affected[0]?.fixedVersions).toEqual(['4.10.1-r0']);
    expect(find('CVE-2018-8897')?.vulnerability.aliases).toEqual(['XSA-260']);
    expect(find('CVE-2018-8897')?.affected[0]?.fixedVersions).toEqual(['1.10-r0']);
  });

  it('reads version 0 as never affected and joins repeated ids', () => {
    expect(find('CVE-2022-1292')?.affected[0]).toMatchObject({
      fixState: 'not-affected',
      ranges: [],
      fixedVersions: [],
    });
    expect(find('CVE-2018-0737')?.affected).toHaveLength(1);
    expect(find('CVE-2018-0737')?.affected[0]?.fixedVersions).toEqual(['1.1.0h-r0']);
  });

  it('rejects entries without a name or an id, and keeps going', () => {
    expect(items.filter((item) => item.kind === 'rejected')).toEqual([
      { kind: 'rejected', location: 'v3.8/main.yaml#packages[2]', reason: 'package entry without pkg.name' },
      {
        kind: 'rejected',
        location: 'v3.8/main.yaml#packages[3] (bad 1.0-r0)',
        reason: 'no vulnerability id in "(no id here)"',
      },
    ]);
  });

  it('tells Wolfi from Chainguard by the repository', () => {
    const doc = (urlprefix: string, reponame: string) =>
      JSON.stringify({
        apkurl: '{{urlprefix}}/{{reponame}}/{{arch}}/{{pkg.name}}-{{pkg.ver}}.apk',
        reponame,
        urlprefix,
        packages: [{ pkg: { name: 'curl', secfixes: { '7.86.0-r0': ['CVE-2022-42916'] } } }],
      });
    const namespaceOf = (text: string) =>
      vulns(parse(file('x/security.json', text)))[0]?.affected[0]?.namespace;
    expect(namespaceOf(doc('https://packages.wolfi.dev', 'os'))).toBe('wolfi:rolling');
    expect(namespaceOf(doc('https://libraries.cgr.dev', 'chainguard'))).toBe('chainguard:rolling');
    expect(parse(file('x/security.json', doc('https://example.org', 'other')))).toEqual([
      expect.objectContaining({
        kind: 'rejected',
        reason: expect.stringMatching(/neither a Wolfi nor a Chainguard/),
      }),
    ]);
  });

  it('rejects broken files whole instead of throwing', () => {
    expect(parse(file('v3.8/main.yaml', 'distroversion: v3.8\npackages: [\n'))).toEqual([
      expect.objectContaining({ kind: 'rejected' }),
    ]);
    expect(parse(file('v3.8/main.json', '{"distroversion": "v3.8", "packages": 5}'))).toEqual([
      { kind: 'rejected', location: 'v3.8/main.json', reason: 'no packages list' },
    ]);
  });
});
