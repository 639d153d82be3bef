import { describe, expect, it } from 'vitest';
import { memoryImage, memoryFileView } from '../../../test/helpers/memory-file-view.js';
import type { Distro } from '../../model/distro.js';
import type { FileView } from '../../resolver/file-view.js';
import { apkCataloger } from './apk-cataloger.js';
import { dependencyName, providedName } from './dependency-graph.js';
import { parseApkInstalled } from './installed-db.js';

const MUSL = `C:Q1abc=
P:musl
V:1.2.4-r2
A:x86_64
S:383152
I:622592
T:the musl c library
U:https://musl.libc.org/
L:MIT
o:musl
m:Natanael Copa <ncopa@alpinelinux.org>
t:1695733283
c:2f2ef7d0d4c6f1a9d6b2b9b47f0e0d0b9f1c1d7e
p:so:libc.musl-x86_64.so.1=1
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1zzz=
R:libc.musl-x86_64.so.1
a:0:0:777
`;
const BUSYBOX_BINSH = `P:busybox-binsh
V:1.36.1-r15
A:x86_64
L:GPL-2.0-only
o:busybox
D:busybox=1.36.1-r15 so:libc.musl-x86_64.so.1 !bash-binsh
p:cmd:sh=1.36.1-r15 /bin/sh
F:bin
M:0:0:755
R:sh
`;
const BUSYBOX = `P:busybox
V:1.36.1-r15
A:x86_64
o:busybox
D:so:libc.musl-x86_64.so.1
F:bin
R:busybox
`;

const ALPINE: Distro = { id: 'alpine', versionId: '3.19.1' };

function catalog(view: FileView, distro: Distro | null = ALPINE) {
  return apkCataloger.catalog({
    files: view,
    squashed: view,
    distro,
    inspections: new Map(),
    packagesSoFar: [],
  });
}

describe('parseApkInstalled', () => {
  it('reads the fields, files with attributes and checksums', () => {
    const { records, problems } = parseApkInstalled(MUSL);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      package: 'musl',
      version: '1.2.4-r2',
      originPackage: 'musl',
      architecture: 'x86_64',
      license: 'MIT',
      size: 383152,
      installedSize: 622592,
      checksum: 'Q1abc=',
      provides: ['so:libc.musl-x86_64.so.1=1'],
    });
    expect(records[0]?.files).toEqual([
      { path: '/lib/ld-musl-x86_64.so.1', ownerUid: 0, ownerGid: 0, permissions: '755', digest: 'Q1zzz=' },
      { path: '/lib/libc.musl-x86_64.so.1', ownerUid: 0, ownerGid: 0, permissions: '777' },
    ]);
  });

  it('skips junk lines and records without a version, reporting both', () => {
    const { records, problems } = parseApkInstalled(`junk line\n${MUSL}\nP:noversion\n\n${BUSYBOX}`);
    expect(records.map((r) => r.package)).toEqual(['musl', 'busybox']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^line 1:/);
    expect(problems[1]).toMatch(/noversion/);
  });

  it.each([
    ['so:libc.musl-x86_64.so.1', 'so:libc.musl-x86_64.so.1'],
    ['busybox=1.36.1-r15', 'busybox'],
    ['musl>=1.2', 'musl'],
    ['python3~3.11', 'python3'],
    ['!bash-binsh', undefined],
  ])('dependencyName(%s) = %s', (token, name) => {
    expect(dependencyName(token)).toBe(name);
  });

  it('providedName drops the version', () => {
    expect(providedName('cmd:sh=1.36.1-r15')).toBe('cmd:sh');
  });
});

describe('apkCataloger', () => {
  it('wants only the installed database', () => {
    expect(apkCataloger.wants('/lib/apk/db/installed')).toBe(true);
    expect(apkCataloger.wants('/lib/apk/db/triggers')).toBe(false);
    expect(apkCataloger.wants('/usr/lib/apk/db/installed.bak')).toBe(false);
  });

  it('packages with purls, owned files and depends-on through so: provides', async () => {
    const view = memoryFileView([
      { path: '/lib/apk/db/installed', content: [MUSL, BUSYBOX, BUSYBOX_BINSH].join('\n') },
    ]);
    const result = await catalog(view);
    expect(result.unknowns).toEqual([]);
    const byName = new Map(result.packages.map((p) => [p.name, p]));
    expect(byName.get('busybox-binsh')?.purl).toBe(
      'pkg:apk/alpine/busybox-binsh@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&upstream=busybox',
    );
    expect(byName.get('musl')?.purl).toBe('pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19.1');
    expect((byName.get('busybox-binsh')?.metadata as { files: Array<{ path: string }> }).files).toEqual([
      { path: '/bin/sh' },
    ]);
    const id = (name: string) => byName.get(name)?.id;
    expect(result.relationships).toEqual(
      expect.arrayContaining([
        { from: id('busybox'), to: id('musl'), type: 'depends-on' },
        { from: id('busybox-binsh'), to: id('musl'), type: 'depends-on' },
        { from: id('busybox-binsh'), to: id('busybox'), type: 'depends-on' },
      ]),
    );
    expect(result.relationships).toHaveLength(3);
  });

  it('uses the wolfi namespace on wolfi', async () => {
    const result = await catalog(memoryFileView([{ path: '/lib/apk/db/installed', content: BUSYBOX }]), {
      id: 'wolfi',
      versionId: '20230201',
    });
    expect(result.packages[0]?.purl).toMatch(/^pkg:apk\/wolfi\/busybox@.*distro=wolfi-20230201/);
  });

  it('the same package in two layers is one package with two locations; junk becomes an unknown', async () => {
    const image = memoryImage([
      { path: '/lib/apk/db/installed', content: MUSL, layerIndex: 0 },
      { path: '/lib/apk/db/installed', content: `${MUSL}\n${BUSYBOX}`, layerIndex: 1 },
      { path: '/lib/apk/db/installed', content: 'bogus db contents\n', layerIndex: 2 },
    ]);
    const result = await catalog(image.allLayers);
    expect(result.packages.find((p) => p.name === 'musl')?.locations.map((l) => l.layerIndex)).toEqual([
      0, 1,
    ]);
    expect(result.unknowns).toEqual([
      expect.objectContaining({ path: '/lib/apk/db/installed', layer: 'sha256:layer2', cataloger: 'apk' }),
    ]);
  });
});
