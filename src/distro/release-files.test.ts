import { describe, expect, it } from 'vitest';
import { distroFromAlpineRelease } from './alpine-release.js';
import { distroFromDebianVersion } from './debian-version.js';
import { distroFromLsbRelease } from './lsb-release.js';
import { distroFromOsRelease } from './os-release.js';
import { distroFromRedhatRelease } from './redhat-release.js';

const DEBIAN_12 = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
`;

const UBUNTU_2204 = `PRETTY_NAME="Ubuntu 22.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.4 LTS (Jammy Jellyfish)"
ID=ubuntu
ID_LIKE=debian
UBUNTU_CODENAME=jammy
`;

const RHEL_9 = `NAME="Red Hat Enterprise Linux"
VERSION="9.3 (Plow)"
ID="rhel"
ID_LIKE="fedora"
VERSION_ID="9.3"
PRETTY_NAME="Red Hat Enterprise Linux 9.3 (Plow)"
`;

const DEBIAN_SID = `PRETTY_NAME="Debian GNU/Linux trixie/sid"
NAME="Debian GNU/Linux"
VERSION_CODENAME=trixie
ID=debian
`;

describe('distroFromOsRelease', () => {
  it.each([
    [
      'debian 12',
      DEBIAN_12,
      {
        id: 'debian',
        versionId: '12',
        versionCodename: 'bookworm',
        name: 'Debian GNU/Linux',
        prettyName: 'Debian GNU/Linux 12 (bookworm)',
      },
    ],
    [
      'ubuntu 22.04 (UBUNTU_CODENAME)',
      UBUNTU_2204,
      {
        id: 'ubuntu',
        versionId: '22.04',
        versionCodename: 'jammy',
        name: 'Ubuntu',
        prettyName: 'Ubuntu 22.04.4 LTS',
        idLike: ['debian'],
      },
    ],
    [
      'rhel 9',
      RHEL_9,
      {
        id: 'rhel',
        versionId: '9.3',
        name: 'Red Hat Enterprise Linux',
        prettyName: 'Red Hat Enterprise Linux 9.3 (Plow)',
        idLike: ['fedora'],
      },
    ],
    [
      'debian sid (no VERSION_ID)',
      DEBIAN_SID,
      {
        id: 'debian',
        versionId: '',
        versionCodename: 'trixie',
        name: 'Debian GNU/Linux',
        prettyName: 'Debian GNU/Linux trixie/sid',
      },
    ],
    ['alpine unquoted', 'ID=alpine\nVERSION_ID=3.19.1\n', { id: 'alpine', versionId: '3.19.1' }],
    ['upper-case ID is lowered', 'ID=Wolfi\n', { id: 'wolfi', versionId: '' }],
    [
      'id_like list',
      'ID=rocky\nID_LIKE="rhel centos fedora"',
      { id: 'rocky', versionId: '', idLike: ['rhel', 'centos', 'fedora'] },
    ],
  ])('%s', (_label, text, expected) => {
    expect(distroFromOsRelease(text, '/etc/os-release')).toEqual({ ...expected, source: '/etc/os-release' });
  });

  it.each([[''], ['# only a comment\n'], ['NAME=foo\n'], ['\u0000\u0001binary']])('null for %j', (text) => {
    expect(distroFromOsRelease(text, '/etc/os-release')).toBeNull();
  });
});

describe('distroFromLsbRelease', () => {
  it('reads an Ubuntu lsb-release', () => {
    const text =
      'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=20.04\nDISTRIB_CODENAME=focal\nDISTRIB_DESCRIPTION="Ubuntu 20.04.6 LTS"\n';
    expect(distroFromLsbRelease(text, '/etc/lsb-release')).toEqual({
      id: 'ubuntu',
      versionId: '20.04',
      versionCodename: 'focal',
      prettyName: 'Ubuntu 20.04.6 LTS',
      source: '/etc/lsb-release',
    });
  });
  it('null without DISTRIB_ID', () => {
    expect(distroFromLsbRelease('DISTRIB_RELEASE=1\n', '/etc/lsb-release')).toBeNull();
  });
});

describe('distroFromDebianVersion', () => {
  it.each([
    ['12.5\n', { versionId: '12' }],
    ['11.9', { versionId: '11' }],
    ['8.11\n', { versionId: '8' }],
    ['13', { versionId: '13' }],
    ['bookworm/sid\n', { versionId: '', versionCodename: 'bookworm' }],
    ['trixie/sid', { versionId: '', versionCodename: 'trixie' }],
  ])('%j', (text, expected) => {
    expect(distroFromDebianVersion(text, '/etc/debian_version')).toEqual({
      id: 'debian',
      ...expected,
      source: '/etc/debian_version',
    });
  });
  it.each([[''], ['  \n'], ['<html>']])('null for %j', (text) => {
    expect(distroFromDebianVersion(text, '/etc/debian_version')).toBeNull();
  });
});

describe('distroFromAlpineRelease', () => {
  it.each([
    ['3.19.1\n', '3.19.1'],
    ['3.20.0_alpha20240329', '3.20.0_alpha20240329'],
  ])('%j', (text, versionId) => {
    expect(distroFromAlpineRelease(text, '/etc/alpine-release')).toEqual({
      id: 'alpine',
      versionId,
      source: '/etc/alpine-release',
    });
  });
  it('null for junk', () => {
    expect(distroFromAlpineRelease('edge', '/etc/alpine-release')).toBeNull();
  });
});

describe('distroFromRedhatRelease', () => {
  it.each([
    ['Red Hat Enterprise Linux release 8.9 (Ootpa)\n', 'rhel', '8.9', 'Ootpa'],
    ['Red Hat Enterprise Linux Server release 7.9 (Maipo)', 'rhel', '7.9', 'Maipo'],
    ['CentOS Linux release 7.9.2009 (Core)\n', 'centos', '7', 'Core'],
    ['CentOS Stream release 9', 'centos', '9', undefined],
    ['Amazon Linux release 2 (Karoo)\n', 'amzn', '2', 'Karoo'],
    ['Amazon Linux release 2023.4.20240401 (Amazon Linux)', 'amzn', '2023.4.20240401', 'Amazon Linux'],
    ['Fedora release 39 (Thirty Nine)', 'fedora', '39', 'Thirty Nine'],
    ['Rocky Linux release 9.3 (Blue Onyx)', 'rocky', '9.3', 'Blue Onyx'],
    ['AlmaLinux release 8.9 (Midnight Oncilla)', 'almalinux', '8.9', 'Midnight Oncilla'],
    ['Oracle Linux Server release 8.9', 'ol', '8.9', undefined],
  ])('%j', (text, id, versionId, codename) => {
    const distro = distroFromRedhatRelease(text, '/etc/redhat-release');
    expect(distro).toMatchObject({ id, versionId, source: '/etc/redhat-release' });
    expect(distro?.versionCodename).toBe(codename);
  });
  it.each([[''], ['Welcome to my box'], ['release notes']])('null for %j', (text) => {
    expect(distroFromRedhatRelease(text, '/etc/redhat-release')).toBeNull();
  });
});
