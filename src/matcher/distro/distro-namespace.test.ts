import { describe, expect, it } from 'vitest';
import { pkg } from '../../../test/helpers/memory-vuln-store.js';
import { distroNamespaces, parseSourceRpm, resolveDistro, sourcePackage } from './index.js';

describe('distro namespaces', () => {
  it.each([
    ['debian', '12', 'debian:12'],
    ['debian', '', 'debian:unstable'],
    ['ubuntu', '22.04', 'ubuntu:22.04'],
    ['alpine', '3.19.1', 'alpine:3.19'],
    ['rhel', '9.4', 'rhel:9'],
    ['amzn', '2023', 'amzn:2023'],
    ['sles', '15.5', 'sles:15.5'],
    ['wolfi', '20230201', 'wolfi:rolling'],
    ['chainguard', '', 'chainguard:rolling'],
  ])('%s %s → %s', (id, versionId, namespace) => {
    expect(distroNamespaces({ id, versionId })[0]).toBe(namespace);
  });

  it('RHEL rebuilds prefer their own data and fall back to Red Hat, saying so', () => {
    expect(distroNamespaces({ id: 'rocky', versionId: '9.3' })).toEqual(['rocky:9', 'rhel:9']);
    const own = resolveDistro({ id: 'almalinux', versionId: '9.4' }, new Set(['almalinux:9', 'rhel:9']));
    expect(own).toMatchObject({ namespace: 'almalinux:9' });
    expect(own.note).toBeUndefined();
    const fallback = resolveDistro({ id: 'centos', versionId: '9' }, new Set(['rhel:9']));
    expect(fallback.namespace).toBe('rhel:9');
    expect(fallback.note).toBe('no centos:9 data in the database: matched with rhel:9 data');
  });

  it('has no namespace when the database lacks the distro', () => {
    expect(resolveDistro({ id: 'debian', versionId: '11' }, new Set(['debian:12'])).namespace).toBeNull();
  });
});

describe('source packages', () => {
  it('deb: Source with its own version, the inline form, or the binary itself', () => {
    const withVersion = pkg('deb', 'libfoo1', '2.0-1+b1', {
      metadata: { package: 'libfoo1', version: '2.0-1+b1', source: 'foo', sourceVersion: '2.0-1' },
    });
    expect(sourcePackage(withVersion)).toEqual({ name: 'foo', version: '2.0-1' });
    const inline = pkg('deb', 'libbar', '1-1+b2', {
      metadata: { package: 'libbar', version: '1-1+b2', source: 'bar (1-1)' },
    });
    expect(sourcePackage(inline)).toEqual({ name: 'bar', version: '1-1' });
    expect(sourcePackage(pkg('deb', 'bash', '5.2-2'))).toEqual({ name: 'bash', version: '5.2-2' });
  });

  it('rpm: the source rpm name and version-release, with the binary epoch', () => {
    expect(parseSourceRpm('glibc-2.34-100.el9_4.2.src.rpm')).toEqual({
      name: 'glibc',
      version: '2.34-100.el9_4.2',
    });
    expect(parseSourceRpm('python-pip-21.3.1-1.el9.src.rpm')).toEqual({
      name: 'python-pip',
      version: '21.3.1-1.el9',
    });
    expect(parseSourceRpm('nonsense')).toBeUndefined();
    const openssl = pkg('rpm', 'openssl-libs', '1:3.0.7-27.el9', {
      metadata: { sourceRpm: 'openssl-3.0.7-27.el9.src.rpm', epoch: 1 },
    });
    expect(sourcePackage(openssl)).toEqual({ name: 'openssl', version: '1:3.0.7-27.el9' });
  });

  it('apk: the origin', () => {
    const ssl = pkg('apk', 'libssl3', '3.1.4-r1', { metadata: { originPackage: 'openssl' } });
    expect(sourcePackage(ssl)).toEqual({ name: 'openssl', version: '3.1.4-r1' });
  });

  it('an SBOM without metadata (CycloneDX, SPDX, another tool): the purl upstream qualifier', () => {
    const libc = pkg('deb', 'libc6', '2.36-9+deb12u4', {
      purl: 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12&upstream=glibc',
    });
    expect(sourcePackage(libc)).toEqual({ name: 'glibc', version: '2.36-9+deb12u4' });
    const rebuilt = pkg('deb', 'libfoo1', '2.0-1+b1', {
      purl: 'pkg:deb/debian/libfoo1@2.0-1%2Bb1?upstream=foo%402.0-1',
    });
    expect(sourcePackage(rebuilt)).toEqual({ name: 'foo', version: '2.0-1' });
    const ssl = pkg('rpm', 'openssl-libs', '1:3.0.7-27.el9', {
      purl: 'pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm',
    });
    expect(sourcePackage(ssl)).toEqual({ name: 'openssl', version: '1:3.0.7-27.el9' });
    const apk = pkg('apk', 'libssl3', '3.1.4-r1', {
      purl: 'pkg:apk/alpine/libssl3@3.1.4-r1?upstream=openssl',
    });
    expect(sourcePackage(apk)).toEqual({ name: 'openssl', version: '3.1.4-r1' });
    // Metadata, when there, wins over the purl.
    const both = pkg('deb', 'libc6', '2.36-9', {
      purl: 'pkg:deb/debian/libc6@2.36-9?upstream=wrong',
      metadata: { package: 'libc6', version: '2.36-9', source: 'glibc' },
    });
    expect(sourcePackage(both).name).toBe('glibc');
  });
});
