import { describe, expect, it } from 'vitest';
import { debPurl } from './purl.js';

const DEBIAN_12 = { id: 'debian', versionId: '12' };

describe('debPurl', () => {
  it.each([
    [
      'same source',
      {
        name: 'bash',
        version: '5.2.15-2+b2',
        architecture: 'amd64',
        source: 'bash',
        sourceVersion: '5.2.15-2+b2',
      },
      DEBIAN_12,
      'pkg:deb/debian/bash@5.2.15-2+b2?arch=amd64&distro=debian-12',
    ],
    [
      'other source name',
      {
        name: 'libgcc-s1',
        version: '12.2.0-14',
        architecture: 'amd64',
        source: 'gcc-12',
        sourceVersion: '12.2.0-14',
      },
      DEBIAN_12,
      'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12&upstream=gcc-12',
    ],
    [
      'other source version (binNMU)',
      {
        name: 'bash',
        version: '5.2.15-2+b2',
        architecture: 'amd64',
        source: 'bash',
        sourceVersion: '5.2.15-2',
      },
      DEBIAN_12,
      'pkg:deb/debian/bash@5.2.15-2+b2?arch=amd64&distro=debian-12&upstream=bash%405.2.15-2',
    ],
    [
      'epoch kept',
      {
        name: 'libc6',
        version: '1:2.36-9',
        architecture: 'amd64',
        source: 'glibc',
        sourceVersion: '1:2.36-9',
      },
      DEBIAN_12,
      'pkg:deb/debian/libc6@1:2.36-9?arch=amd64&distro=debian-12&upstream=glibc',
    ],
    [
      'ubuntu namespace',
      {
        name: 'zlib1g',
        version: '1:1.2.11',
        architecture: 'arm64',
        source: 'zlib',
        sourceVersion: '1:1.2.11',
      },
      { id: 'ubuntu', versionId: '22.04' },
      'pkg:deb/ubuntu/zlib1g@1:1.2.11?arch=arm64&distro=ubuntu-22.04&upstream=zlib',
    ],
    [
      'no distro',
      { name: 'tzdata', version: '2024a-0', architecture: 'all', source: 'tzdata', sourceVersion: '2024a-0' },
      null,
      'pkg:deb/debian/tzdata@2024a-0?arch=all',
    ],
    [
      'distro without version uses the codename',
      { name: 'a', version: '1', source: 'a', sourceVersion: '1' },
      { id: 'debian', versionId: '', versionCodename: 'trixie' },
      'pkg:deb/debian/a@1?distro=debian-trixie',
    ],
  ])('%s', (_label, input, distro, expected) => {
    expect(debPurl(input, distro)).toBe(expected);
  });
});
