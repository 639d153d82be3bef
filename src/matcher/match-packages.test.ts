import { describe, expect, it } from 'vitest';
import {
  affected,
  MemoryVulnStore,
  pkg,
  sbomWith,
  vulnerability,
} from '../../test/helpers/memory-vuln-store.js';
import type { Package } from '../model/package.js';
import { matchPackages } from './match-packages.js';

const bookworm = { id: 'debian', versionId: '12' };

function libc6(): Package {
  return pkg('deb', 'libc6', '2.36-9+deb12u4', {
    metadata: { package: 'libc6', source: 'glibc', version: '2.36-9+deb12u4' },
  });
}

function glibcFixedIn(version: string, extra: Partial<Parameters<typeof affected>[3]> = {}): MemoryVulnStore {
  return new MemoryVulnStore({
    vulnerabilities: [vulnerability('CVE-2023-4911', { severity: 'high' })],
    affected: [
      affected('CVE-2023-4911', 'debian:12', 'glibc', {
        ranges: [{ fixed: version }],
        fixedVersions: [version],
        severity: 'critical',
        ...extra,
      }),
    ],
  });
}

describe('distro matching (Debian, by source package)', () => {
  it('a fix backported into the installed source version is no match', async () => {
    const result = await matchPackages(sbomWith([libc6()], bookworm), glibcFixedIn('2.36-9+deb12u4'));
    expect(result.matches).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('a fix in a later upload matches, with the fixed version and the distro severity', async () => {
    const result = await matchPackages(sbomWith([libc6()], bookworm), glibcFixedIn('2.36-9+deb12u7'));
    expect(result.matches).toHaveLength(1);
    const [match] = result.matches;
    expect(match!.package.name).toBe('libc6');
    expect(match!.vulnerability.fix).toEqual({ state: 'fixed', versions: ['2.36-9+deb12u7'] });
    expect(match!.vulnerability.severity).toBe('critical');
    expect(match!.details).toMatchObject({
      kind: 'distro',
      namespace: 'debian:12',
      searchedName: 'glibc',
      searchedVersion: '2.36-9+deb12u4',
      constraint: '<2.36-9+deb12u7',
    });
  });

  it('compares the source version when it differs from the binary version', async () => {
    const binary = pkg('deb', 'libfoo1', '1:2.0-1+b1', {
      metadata: { package: 'libfoo1', source: 'foo', sourceVersion: '1:2.0-1', version: '1:2.0-1+b1' },
    });
    const store = new MemoryVulnStore({
      affected: [
        affected('CVE-2024-0001', 'debian:12', 'foo', {
          ranges: [{ fixed: '1:2.0-1+b1' }],
          fixedVersions: ['1:2.0-1+b1'],
        }),
      ],
    });
    const result = await matchPackages(sbomWith([binary], bookworm), store);
    expect(result.matches.map((m) => m.details.searchedVersion)).toEqual(['1:2.0-1']);
  });

  it('never matches a not-affected record', async () => {
    const store = glibcFixedIn('2.36-9+deb12u7', { fixState: 'not-affected', ranges: [] });
    const result = await matchPackages(sbomWith([libc6()], bookworm), store);
    expect(result.matches).toEqual([]);
  });

  it('an unfixed record with no ranges affects every version', async () => {
    const store = glibcFixedIn('x', { fixState: 'not-fixed', ranges: [], fixedVersions: [] });
    const result = await matchPackages(sbomWith([libc6()], bookworm), store);
    expect(result.matches.map((m) => [m.vulnerability.fix.state, m.details.constraint])).toEqual([
      ['not-fixed', 'all versions'],
    ]);
  });

  it('warns loudly when the database has no data for the distro', async () => {
    const sbom = sbomWith([libc6(), pkg('deb', 'bash', '5.2.15-2+b2')], { id: 'debian', versionId: '11' });
    const result = await matchPackages(sbom, glibcFixedIn('2.36-9+deb12u7'));
    expect(result.matches).toEqual([]);
    expect(result.warnings).toEqual([
      'no vulnerability data for debian 11 in the database (looked for debian:11): 2 OS packages were not checked',
    ]);
  });

  it('warns when no distro was detected at all', async () => {
    const result = await matchPackages(sbomWith([libc6()], null), glibcFixedIn('2.36-9+deb12u7'));
    expect(result.warnings).toEqual([
      'no vulnerability data for an undetected distro in the database: 1 OS packages were not checked',
    ]);
  });
});

describe('language matching', () => {
  const lodashStore = (): MemoryVulnStore =>
    new MemoryVulnStore({
      vulnerabilities: [
        vulnerability('GHSA-jf85-cpcp-j695', { aliases: ['CVE-2019-10744'], severity: 'critical' }),
      ],
      affected: [
        affected('GHSA-jf85-cpcp-j695', 'npm', 'lodash', {
          scheme: 'semver',
          ranges: [{ introduced: '0', fixed: '4.17.12' }],
          fixedVersions: ['4.17.12'],
        }),
      ],
    });

  it('npm lodash 4.17.11 is inside <4.17.12 and gets the fix', async () => {
    const result = await matchPackages(sbomWith([pkg('npm', 'lodash', '4.17.11')], null), lodashStore());
    expect(
      result.matches.map((m) => [m.vulnerability.id, m.vulnerability.fix.versions, m.details.kind]),
    ).toEqual([['GHSA-jf85-cpcp-j695', ['4.17.12'], 'ecosystem']]);
    expect(result.matches[0]!.vulnerability.severity).toBe('critical');
  });

  it('npm lodash 4.17.12 is not affected', async () => {
    const result = await matchPackages(sbomWith([pkg('npm', 'lodash', '4.17.12')], null), lodashStore());
    expect(result.matches).toEqual([]);
  });

  it('an OS-owned npm package is never matched through npm; the flaw is reported once, on its OS package', async () => {
    const owner = pkg('deb', 'node-lodash', '4.17.21+dfsg+~cs8.31.198.20210220-9', {
      metadata: {
        package: 'node-lodash',
        source: 'node-lodash',
        version: '4.17.21+dfsg+~cs8.31.198.20210220-9',
      },
    });
    const owned = pkg('npm', 'lodash', '4.17.11', { ownedBy: owner.id });
    const store = new MemoryVulnStore({
      vulnerabilities: [vulnerability('GHSA-jf85-cpcp-j695'), vulnerability('CVE-2021-23337')],
      affected: [
        affected('GHSA-jf85-cpcp-j695', 'npm', 'lodash', {
          scheme: 'semver',
          ranges: [{ fixed: '4.17.12' }],
        }),
        affected('CVE-2021-23337', 'debian:12', 'node-lodash', {
          ranges: [{ fixed: '4.17.21+dfsg+~cs8.31.198.20210220-10' }],
          fixedVersions: ['4.17.21+dfsg+~cs8.31.198.20210220-10'],
        }),
      ],
    });
    const result = await matchPackages(sbomWith([owner, owned], bookworm), store);
    const rows = result.matches.map((m) => [
      m.package.name,
      m.package.type,
      m.vulnerability.id,
      m.details.kind,
    ]);
    expect(rows).toEqual([['node-lodash', 'deb', 'CVE-2021-23337', 'distro']]);
    expect(result.matches[0]!.vulnerability.fix.versions).toEqual(['4.17.21+dfsg+~cs8.31.198.20210220-10']);
  });

  it('a deb and the gem it owns: the CVE once, on the deb, with the deb fix', async () => {
    const owner = pkg('deb', 'ruby-rack', '2.2.6.4-1', {
      metadata: { package: 'ruby-rack', source: 'ruby-rack', version: '2.2.6.4-1' },
    });
    const gem = pkg('gem', 'rack', '2.2.6.4', { ownedBy: owner.id });
    const store = new MemoryVulnStore({
      vulnerabilities: [vulnerability('CVE-2024-26146'), vulnerability('GHSA-22f2-v57c-j9cx')],
      affected: [
        affected('CVE-2024-26146', 'debian:12', 'ruby-rack', {
          ranges: [{ fixed: '2.2.6.4-1+deb12u1' }],
          fixedVersions: ['2.2.6.4-1+deb12u1'],
        }),
        affected('GHSA-22f2-v57c-j9cx', 'rubygems', 'rack', {
          scheme: 'gem',
          ranges: [{ introduced: '2.0', fixed: '2.2.8.1' }],
          fixedVersions: ['2.2.8.1'],
        }),
      ],
    });
    const result = await matchPackages(sbomWith([owner, gem], bookworm), store);
    expect(
      result.matches.map((m) => [
        m.package.name,
        m.package.type,
        m.vulnerability.id,
        m.vulnerability.fix.versions,
      ]),
    ).toEqual([['ruby-rack', 'deb', 'CVE-2024-26146', ['2.2.6.4-1+deb12u1']]]);
  });

  it('a package an unrelated OS package merely bundles gets no match and no warning', async () => {
    const owner = pkg('deb', 'libruby3.1', '3.1.2-7', {
      metadata: { package: 'libruby3.1', source: 'ruby3.1', version: '3.1.2-7' },
    });
    const bundled = pkg('npm', 'lodash', '4.17.11', { ownedBy: owner.id });
    const store = new MemoryVulnStore({
      affected: [
        affected('GHSA-jf85-cpcp-j695', 'npm', 'lodash', {
          scheme: 'semver',
          ranges: [{ fixed: '4.17.12' }],
        }),
        affected('CVE-2024-43398', 'debian:12', 'ruby3.1', { ranges: [{ fixed: '3.1.7-1~deb12u1' }] }),
      ],
    });
    const result = await matchPackages(sbomWith([owner, bundled], bookworm), store);
    expect(result.matches.map((m) => [m.package.name, m.vulnerability.id])).toEqual([
      ['libruby3.1', 'CVE-2024-43398'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('a version the scheme cannot read is a counted warning, not a crash', async () => {
    const packages = [
      pkg('npm', 'lodash', 'not-a-version'),
      pkg('npm', 'minimist', 'latest'),
      pkg('npm', 'lodash', '4.17.11'),
    ];
    const result = await matchPackages(sbomWith(packages, null), lodashStore());
    expect(result.matches).toHaveLength(1);
    expect(result.warnings).toEqual([
      '2 npm packages have versions the semver scheme cannot read and were not checked (e.g. lodash not-a-version)',
    ]);
  });

  it('says when an ecosystem has no data at all', async () => {
    const result = await matchPackages(sbomWith([pkg('gem', 'rails', '7.0.0')], null), lodashStore());
    expect(result.warnings).toEqual([
      'no vulnerability data for rubygems in the database: 1 gem packages were not checked',
    ]);
  });

  it('keeps one match when a CVE and a GHSA alias the same flaw for the same package', async () => {
    const store = new MemoryVulnStore({
      vulnerabilities: [
        vulnerability('GHSA-jf85-cpcp-j695', { aliases: ['CVE-2019-10744'] }),
        vulnerability('CVE-2019-10744', { aliases: [] }),
      ],
      affected: [
        affected('GHSA-jf85-cpcp-j695', 'npm', 'lodash', {
          scheme: 'semver',
          ranges: [{ fixed: '4.17.12' }],
        }),
        affected('CVE-2019-10744', 'npm', 'lodash', {
          scheme: 'semver',
          constraints: ['<4.17.12'],
          ranges: [],
        }),
      ],
    });
    const result = await matchPackages(sbomWith([pkg('npm', 'lodash', '4.17.11')], null), store);
    expect(result.matches.map((m) => [m.vulnerability.id, m.vulnerability.aliases])).toEqual([
      ['CVE-2019-10744', ['GHSA-jf85-cpcp-j695']],
    ]);
  });
});

describe('severity of records that have none of their own', () => {
  const nvd98 = vulnerability('CVE-2024-1', {
    provider: 'nvd',
    severity: 'critical',
    cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8 }],
  });
  const zlibPackages = (): Package[] =>
    ['zlib1g', 'zlib1g-dev', 'libz-mingw'].map((name) =>
      pkg('deb', name, '1:1.2.13.dfsg-1', {
        metadata: { package: name, source: 'zlib', version: '1:1.2.13.dfsg-1' },
      }),
    );

  it("takes NVD's CVSS through the CVE alias, says so, and reads each id once", async () => {
    const store = new MemoryVulnStore({
      vulnerabilities: [
        vulnerability('DEBIAN-CL-CVE-2024-1-zlib', {
          provider: 'osv',
          severity: 'unknown',
          aliases: ['CVE-2024-1'],
        }),
        nvd98,
      ],
      affected: [
        affected('DEBIAN-CL-CVE-2024-1-zlib', 'debian:12', 'zlib', {
          provider: 'osv',
          ranges: [{ fixed: '1:1.2.13.dfsg-1+deb12u1' }],
        }),
      ],
    });
    const asked: string[][] = [];
    const read = store.vulnerabilities.bind(store);
    store.vulnerabilities = (ids) => {
      asked.push([...ids]);
      return read(ids);
    };
    const result = await matchPackages(sbomWith(zlibPackages(), bookworm), store);
    expect(result.matches).toHaveLength(3);
    for (const m of result.matches) {
      expect(m.vulnerability.severity).toBe('critical');
      expect(m.vulnerability.severitySource).toMatchObject({
        source: 'nvd',
        id: 'CVE-2024-1',
        cvss: { version: '3.1', baseScore: 9.8 },
      });
    }
    // Three matches, one id: the matched id once, then its alias once.
    expect(asked).toEqual([['DEBIAN-CL-CVE-2024-1-zlib'], ['CVE-2024-1']]);
  });

  it("a record's own severity wins and is labelled with its distro", async () => {
    const store = new MemoryVulnStore({
      vulnerabilities: [vulnerability('CVE-2024-1', { provider: 'debian', severity: 'unknown' }), nvd98],
      affected: [
        affected('CVE-2024-1', 'debian:12', 'zlib', {
          provider: 'debian',
          ranges: [{ fixed: '1:1.2.13.dfsg-1+deb12u1' }],
          severity: 'low',
        }),
      ],
    });
    const result = await matchPackages(sbomWith(zlibPackages().slice(0, 1), bookworm), store);
    expect(result.matches.map((m) => [m.vulnerability.severity, m.vulnerability.severitySource])).toEqual([
      ['low', { source: 'debian', id: 'CVE-2024-1' }],
    ]);
  });

  it('no rating anywhere: unknown, and no source', async () => {
    const store = new MemoryVulnStore({
      vulnerabilities: [vulnerability('CVE-2024-1', { provider: 'debian', severity: 'unknown' })],
      affected: [
        affected('CVE-2024-1', 'debian:12', 'zlib', {
          provider: 'debian',
          ranges: [{ fixed: '1:1.2.13.dfsg-1+deb12u1' }],
        }),
      ],
    });
    const [match] = (await matchPackages(sbomWith(zlibPackages().slice(0, 1), bookworm), store)).matches;
    expect(match!.vulnerability.severity).toBe('unknown');
    expect(match!.vulnerability).not.toHaveProperty('severitySource');
  });
});
