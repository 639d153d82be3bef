import { describe, expect, it } from 'vitest';
import { memoryFileView, memoryImage, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { CatalogResult } from '../types.js';
import { dpkgCataloger } from './dpkg-cataloger.js';
import { contextOf, stanza, statusFile } from '../../../test/helpers/dpkg-fixtures.js';

const STATUS = '/var/lib/dpkg/status';

async function run(
  specs: MemoryFileSpec[],
  scope: 'squashed' | 'all-layers' = 'squashed',
): Promise<CatalogResult> {
  const image = memoryImage(specs);
  const files = scope === 'squashed' ? image.squashed : image.allLayers;
  return dpkgCataloger.catalog({ ...contextOf(files), squashed: image.squashed });
}

function names(result: CatalogResult): string[] {
  return result.packages.map((p) => `${p.name}@${p.version}`);
}

describe('dpkgCataloger.wants', () => {
  it.each([
    ['/var/lib/dpkg/status', true],
    ['/var/lib/dpkg/status.d/libc6', true],
    ['/var/lib/dpkg/status.d/libc6.md5sums', true],
    ['/var/lib/dpkg/info/libc6:amd64.list', true],
    ['/var/lib/dpkg/info/bash.md5sums', true],
    ['/var/lib/dpkg/info/bash.postinst', false],
    ['/var/lib/dpkg/info/bash.conffiles', false],
    ['/var/lib/dpkg/status-old', false],
    ['/var/lib/dpkg/available', false],
    ['/var/lib/dpkg/status.d/sub/dir', false],
    ['/usr/share/doc/bash/copyright', false],
    ['/opt/var/lib/dpkg/status', false],
  ])('%s → %s', (path, expected) => {
    expect(dpkgCataloger.wants(path)).toBe(expected);
  });
});

describe('dpkgCataloger.catalog', () => {
  it('reads the fields of a status paragraph', async () => {
    const status = statusFile(
      stanza('libc6', '2.36-9+deb12u4', {
        extra: [
          'Multi-Arch: same',
          'Source: glibc',
          'Depends: libgcc-s1',
          'Recommends: libidn2-0',
          'Provides: libc6-x86-64, glibc-2.36',
        ],
      }),
      stanza('bash', '5.2.15-2+b2', {
        extra: [
          'Source: bash (5.2.15-2)',
          'Pre-Depends: libc6 (>= 2.36), libtinfo6 (>= 6)',
          'Depends: base-files (>= 2.1.12), debianutils (>= 5.6-0.1)',
        ],
      }),
      stanza('libgcc-s1', '12.2.0-14', {
        extra: ['Source: gcc-12', 'Depends: gcc-12-base (= 12.2.0-14), libc6 (>= 2.35)'],
      }),
    );
    const result = await run([
      { path: STATUS, content: status, layerDigest: 'sha256:aaa' },
      { path: '/var/lib/dpkg/info/libc6:amd64.list', content: '/.\n/lib\n/lib/x86_64-linux-gnu/libc.so.6\n' },
      { path: '/var/lib/dpkg/info/bash.list', content: '/bin/bash\n' },
    ]);
    expect(result.unknowns).toEqual([]);
    expect(names(result)).toEqual(['bash@5.2.15-2+b2', 'libc6@2.36-9+deb12u4', 'libgcc-s1@12.2.0-14']);

    const [bash, libc6, libgcc] = result.packages;
    expect(bash).toMatchObject({
      type: 'deb',
      foundBy: 'dpkg',
      purl: 'pkg:deb/debian/bash@5.2.15-2+b2?arch=amd64&distro=debian-12&upstream=bash%405.2.15-2',
      locations: [{ path: STATUS, layer: 'sha256:aaa', layerIndex: 0 }],
      metadata: {
        package: 'bash',
        source: 'bash',
        sourceVersion: '5.2.15-2',
        version: '5.2.15-2+b2',
        architecture: 'amd64',
        maintainer: 'Someone <someone@example.org>',
        installedSize: 10,
        preDepends: ['libc6', 'libtinfo6'],
        depends: ['base-files', 'debianutils'],
        files: ['/bin/bash'],
      },
    });
    expect(libc6?.metadata).toMatchObject({
      source: 'glibc',
      sourceVersion: '2.36-9+deb12u4',
      provides: ['libc6-x86-64', 'glibc-2.36'],
      files: ['/lib', '/lib/x86_64-linux-gnu/libc.so.6'],
    });
    expect(libc6?.purl).toBe(
      'pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12&upstream=glibc',
    );
    expect(libgcc?.metadata?.files).toBeUndefined();
    expect(bash?.id).toMatch(/^[0-9a-f]{16}$/);

    const edges = (result.relationships ?? []).map((r) => `${r.from}>${r.to}`);
    expect(edges.sort()).toEqual(
      [`${bash?.id}>${libc6?.id}`, `${libc6?.id}>${libgcc?.id}`, `${libgcc?.id}>${libc6?.id}`].sort(),
    );
  });

  it('gives the same id to the same package in another run', async () => {
    const specs = [{ path: STATUS, content: stanza('a', '1') }];
    const [first, second] = await Promise.all([run(specs), run(specs)]);
    expect(first.packages[0]?.id).toBe(second.packages[0]?.id);
  });

  const STATES: Array<[string, boolean]> = [
    ['install ok installed', true],
    ['hold ok installed', true],
    ['deinstall ok installed', true],
    ['install ok unpacked', true],
    ['install ok half-configured', true],
    ['install reinstreq half-installed', true],
    ['install ok triggers-awaited', true],
    ['install ok triggers-pending', true],
    ['deinstall ok config-files', false],
    ['purge ok config-files', false],
    ['install ok config-files', false],
    ['install ok not-installed', false],
    ['purge ok not-installed', false],
    ['unknown ok not-installed', false],
  ];
  it.each(STATES)('Status "%s" → reported %s (files on disk)', async (status, reported) => {
    const result = await run([
      { path: STATUS, content: statusFile(stanza('base', '1'), stanza('x', '1.0', { status })) },
    ]);
    expect(names(result)).toEqual(reported ? ['base@1', 'x@1.0'] : ['base@1']);
    expect(result.unknowns).toEqual([]);
  });

  it('skips a paragraph without Status in the status file (dpkg reads it as not-installed)', async () => {
    const result = await run([
      { path: STATUS, content: statusFile(stanza('a', '1'), stanza('b', '1', { status: null })) },
    ]);
    expect(names(result)).toEqual(['a@1']);
    expect(result.unknowns).toEqual([]);
  });

  it('turns a corrupted paragraph into an Unknown and keeps going', async () => {
    const corrupted = 'Status: install ok installed\nVersion: 9\n@@@ garbage @@@\n';
    const result = await run([
      {
        path: STATUS,
        content: statusFile(
          stanza('a', '1'),
          corrupted,
          stanza('nover', undefined),
          stanza('bad', '1', { status: 'install ok sideways' }),
          stanza('b', '2'),
        ),
        layerDigest: 'sha256:l0',
      },
    ]);
    expect(names(result)).toEqual(['a@1', 'b@2']);
    expect(result.unknowns).toHaveLength(3);
    for (const unknown of result.unknowns) {
      expect(unknown).toMatchObject({ path: STATUS, layer: 'sha256:l0', cataloger: 'dpkg' });
    }
    expect(result.unknowns.map((u) => u.message).join('\n')).toMatch(
      /no Package field[\s\S]*no Version[\s\S]*invalid Status/,
    );
  });

  it('reports nothing and no Unknown for an empty status file', async () => {
    expect(await run([{ path: STATUS, content: '' }])).toEqual({
      packages: [],
      unknowns: [],
      relationships: [],
    });
    expect((await run([{ path: STATUS, content: '\n\n' }])).unknowns).toEqual([]);
  });

  it('turns a file that is not deb822 into an Unknown', async () => {
    const result = await run([
      { path: STATUS, content: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]) },
      { path: '/var/lib/dpkg/status.d/README', content: 'This directory holds package data.\n' },
    ]);
    expect(result.packages).toEqual([]);
    expect(result.unknowns.map((u) => u.path).sort()).toEqual([STATUS, '/var/lib/dpkg/status.d/README']);
  });

  it('turns uncaptured content into an Unknown', async () => {
    const result = await run([{ path: STATUS, contentProblem: 'larger than the 64 MiB capture limit' }]);
    expect(result.unknowns).toEqual([
      expect.objectContaining({ path: STATUS, message: expect.stringContaining('64 MiB') }),
    ]);
  });

  it('reads distroless status.d entries (no Status field, several paragraphs, md5sums as file lists)', async () => {
    const result = await run([
      {
        path: '/var/lib/dpkg/status.d/base',
        content: statusFile(
          stanza('base-files', '12.4+deb12u5', { status: null }),
          stanza('netbase', '6.4', { status: null, arch: 'all' }),
        ),
      },
      {
        path: '/var/lib/dpkg/status.d/base.md5sums',
        content: '0123456789abcdef0123456789abcdef  etc/debian_version\n',
      },
      {
        path: '/var/lib/dpkg/status.d/libssl3',
        content: stanza('libssl3', '3.0.11-1~deb12u2', { status: null, extra: ['Source: openssl'] }),
      },
      {
        path: '/var/lib/dpkg/status.d/libssl3.md5sums',
        content: '0123456789abcdef0123456789abcdef  usr/lib/x86_64-linux-gnu/libssl.so.3\n',
      },
      {
        path: '/var/lib/dpkg/status.d/old',
        content: stanza('removed', '1', { status: 'deinstall ok not-installed' }),
      },
    ]);
    expect(result.unknowns).toEqual([]);
    expect(names(result)).toEqual(['base-files@12.4+deb12u5', 'libssl3@3.0.11-1~deb12u2', 'netbase@6.4']);
    expect(result.packages[0]?.metadata?.files).toEqual(['/etc/debian_version']);
    expect(result.packages[1]?.metadata?.files).toEqual(['/usr/lib/x86_64-linux-gnu/libssl.so.3']);
    expect(result.packages[1]?.locations).toEqual([
      { path: '/var/lib/dpkg/status.d/libssl3', layer: 'sha256:layer0', layerIndex: 0 },
    ]);
  });

  it('reports a package found in status and in status.d once, with both locations', async () => {
    const result = await run([
      { path: STATUS, content: stanza('tzdata', '2024a-0+deb12u1', { arch: 'all' }), layerIndex: 1 },
      {
        path: '/var/lib/dpkg/status.d/tzdata',
        content: stanza('tzdata', '2024a-0+deb12u1', { status: null, arch: 'all' }),
        layerIndex: 0,
      },
    ]);
    expect(result.packages).toHaveLength(1);
    expect(result.packages[0]?.locations).toEqual([
      { path: '/var/lib/dpkg/status.d/tzdata', layer: 'sha256:layer0', layerIndex: 0 },
      { path: STATUS, layer: 'sha256:layer1', layerIndex: 1 },
    ]);
  });

  it('keeps the first of a duplicated name+arch in one file and says so', async () => {
    const result = await run([{ path: STATUS, content: statusFile(stanza('a', '1'), stanza('a', '2')) }]);
    expect(names(result)).toEqual(['a@1']);
    expect(result.unknowns[0]?.message).toMatch(/more than once/);
  });

  it('keeps Multi-Arch packages of different architectures apart', async () => {
    const result = await run([
      {
        path: STATUS,
        content: statusFile(
          stanza('zlib1g', '1:1.2.13', { arch: 'amd64' }),
          stanza('zlib1g', '1:1.2.13', { arch: 'i386' }),
        ),
      },
    ]);
    expect(result.packages.map((p) => p.metadata?.architecture)).toEqual(['amd64', 'i386']);
    expect(new Set(result.packages.map((p) => p.id)).size).toBe(2);
  });

  describe('all-layers scope with two versions of the status file', () => {
    const specs: MemoryFileSpec[] = [
      { path: STATUS, content: statusFile(stanza('a', '1'), stanza('b', '1')), layerIndex: 0 },
      { path: '/var/lib/dpkg/info/a.list', content: '/usr/bin/a-old\n', layerIndex: 0 },
      { path: STATUS, content: statusFile(stanza('a', '2'), stanza('b', '1')), layerIndex: 2 },
      { path: '/var/lib/dpkg/info/a.list', content: '/usr/bin/a-new\n', layerIndex: 2 },
    ];

    it('all-layers reports each version, and a package in both layers once with both locations', async () => {
      const result = await run(specs, 'all-layers');
      expect(names(result)).toEqual(['a@1', 'a@2', 'b@1']);
      const [a1, a2, b1] = result.packages;
      expect(a1?.locations.map((l) => l.layerIndex)).toEqual([0]);
      expect(a1?.metadata?.files).toEqual(['/usr/bin/a-old']);
      expect(a2?.locations.map((l) => l.layerIndex)).toEqual([2]);
      expect(a2?.metadata?.files).toEqual(['/usr/bin/a-new']);
      expect(b1?.locations).toEqual([
        { path: STATUS, layer: 'sha256:layer0', layerIndex: 0 },
        { path: STATUS, layer: 'sha256:layer2', layerIndex: 2 },
      ]);
    });

    it('squashed reports the top layer only', async () => {
      const result = await run(specs, 'squashed');
      expect(names(result)).toEqual(['a@2', 'b@1']);
      expect(result.packages[1]?.locations.map((l) => l.layerIndex)).toEqual([2]);
    });
  });

  it('resolves dependencies through Provides and every installed alternative', async () => {
    const result = await run([
      {
        path: STATUS,
        content: statusFile(
          stanza('app', '1', {
            extra: ['Depends: mawk | gawk, debconf (>= 0.5) | debconf-2.0, missing-pkg, app'],
          }),
          stanza('mawk', '1.3', { extra: ['Provides: awk'] }),
          stanza('cdebconf', '0.1', { extra: ['Provides: debconf-2.0'] }),
          stanza('tool', '1', { extra: ['Pre-Depends: awk'] }),
        ),
      },
    ]);
    const byName = new Map(result.packages.map((p) => [p.name, p.id]));
    const edges = (result.relationships ?? []).map((r) => `${r.from}>${r.to}:${r.type}`).sort();
    expect(edges).toEqual(
      [
        `${byName.get('app')}>${byName.get('mawk')}:depends-on`,
        `${byName.get('app')}>${byName.get('cdebconf')}:depends-on`,
        `${byName.get('tool')}>${byName.get('mawk')}:depends-on`,
      ].sort(),
    );
  });

  it('uses debian as the purl namespace when no distro is known', async () => {
    const view = memoryFileView([{ path: STATUS, content: stanza('a', '1') }]);
    const result = await dpkgCataloger.catalog(contextOfNull(view));
    expect(result.packages[0]?.purl).toBe('pkg:deb/debian/a@1?arch=amd64');
  });
});

function contextOfNull(view: ReturnType<typeof memoryFileView>) {
  return contextOf(view, null);
}
