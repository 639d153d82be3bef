import { describe, expect, it } from 'vitest';
import { memoryFileView, type MemoryFileSpec } from '../../test/helpers/memory-file-view.js';
import { detectDistro, wantsDistroFile } from './detect-distro.js';

const DEBIAN_OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"\nID=debian\n';

describe('wantsDistroFile', () => {
  it.each([
    ['/etc/os-release', true],
    ['/usr/lib/os-release', true],
    ['/etc/lsb-release', true],
    ['/etc/debian_version', true],
    ['/etc/alpine-release', true],
    ['/etc/redhat-release', true],
    ['/etc/centos-release', true],
    ['/etc/system-release', true],
    ['/etc/os-release.bak', false],
    ['/opt/etc/os-release', false],
    ['/etc/passwd', false],
    ['/var/lib/dpkg/status.d/base', false],
  ])('%s → %s', (path, expected) => {
    expect(wantsDistroFile(path)).toBe(expected);
  });
});

describe('detectDistro', () => {
  const cases: Array<[string, MemoryFileSpec[], Record<string, unknown> | null]> = [
    [
      'os-release symlink to ../usr/lib/os-release (Debian layout)',
      [
        { path: '/etc/os-release', linkTarget: '../usr/lib/os-release' },
        { path: '/usr/lib/os-release', content: DEBIAN_OS_RELEASE },
        { path: '/etc/debian_version', content: '12.5\n' },
      ],
      { id: 'debian', versionId: '12', source: '/etc/os-release' },
    ],
    [
      'absolute symlink',
      [
        { path: '/etc/os-release', linkTarget: '/usr/lib/os-release' },
        { path: '/usr/lib/os-release', content: 'ID=ubuntu\nVERSION_ID="24.04"\n' },
      ],
      { id: 'ubuntu', versionId: '24.04', source: '/etc/os-release' },
    ],
    [
      'dangling os-release symlink falls to /usr/lib/os-release',
      [
        { path: '/etc/os-release', linkTarget: '/nowhere/os-release' },
        { path: '/usr/lib/os-release', content: 'ID=fedora\nVERSION_ID=39\n' },
      ],
      { id: 'fedora', versionId: '39', source: '/usr/lib/os-release' },
    ],
    [
      'os-release without ID falls through to lsb-release',
      [
        { path: '/etc/os-release', content: 'NAME=mystery\n' },
        { path: '/etc/lsb-release', content: 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=18.04\n' },
      ],
      { id: 'ubuntu', versionId: '18.04', source: '/etc/lsb-release' },
    ],
    [
      'debian_version only',
      [{ path: '/etc/debian_version', content: 'bookworm/sid\n' }],
      { id: 'debian', versionId: '', source: '/etc/debian_version' },
    ],
    [
      'alpine-release only',
      [{ path: '/etc/alpine-release', content: '3.18.4\n' }],
      { id: 'alpine', versionId: '3.18.4', source: '/etc/alpine-release' },
    ],
    [
      'centos-release only',
      [{ path: '/etc/centos-release', content: 'CentOS Linux release 7.9.2009 (Core)\n' }],
      { id: 'centos', versionId: '7', source: '/etc/centos-release' },
    ],
    [
      'system-release only (Amazon Linux 2)',
      [{ path: '/etc/system-release', content: 'Amazon Linux release 2 (Karoo)\n' }],
      { id: 'amzn', versionId: '2', source: '/etc/system-release' },
    ],
    [
      'redhat-release beats system-release',
      [
        { path: '/etc/redhat-release', content: 'Red Hat Enterprise Linux release 8.9 (Ootpa)\n' },
        { path: '/etc/system-release', linkTarget: 'redhat-release' },
      ],
      { id: 'rhel', versionId: '8.9', source: '/etc/redhat-release' },
    ],
    [
      'distroless without os-release',
      [{ path: '/var/lib/dpkg/status.d/base-files', content: 'Package: base-files\n' }],
      { id: 'debian', versionId: '', source: '/var/lib/dpkg/status.d' },
    ],
    [
      'distroless with os-release',
      [
        { path: '/var/lib/dpkg/status.d/base-files', content: 'Package: base-files\n' },
        { path: '/etc/os-release', content: DEBIAN_OS_RELEASE },
      ],
      { id: 'debian', versionId: '12', source: '/etc/os-release' },
    ],
    [
      'os-release deleted in an upper layer',
      [
        { path: '/etc/os-release', content: DEBIAN_OS_RELEASE, layerIndex: 0 },
        { path: '/etc/os-release', deleted: true, layerIndex: 1 },
      ],
      null,
    ],
    ['os-release is a directory', [{ path: '/etc/os-release', type: 'dir' }], null],
    ['empty image', [], null],
  ];

  it.each(cases)('%s', (_label, specs, expected) => {
    const distro = detectDistro(memoryFileView(specs));
    if (expected === null) expect(distro).toBeNull();
    else expect(distro).toMatchObject(expected);
  });

  it('skips a release file whose content was not captured', () => {
    const view = memoryFileView([
      { path: '/etc/os-release', contentProblem: 'too large' },
      { path: '/etc/alpine-release', content: '3.19.0' },
    ]);
    expect(detectDistro(view)).toMatchObject({ id: 'alpine', source: '/etc/alpine-release' });
  });
});
