import { describe, expect, it } from 'vitest';
import { mapEcosystem } from './ecosystems.js';

describe('mapEcosystem', () => {
  it.each([
    ['Debian:12', 'debian:12', 'deb'],
    ['Ubuntu:22.04:LTS', 'ubuntu:22.04', 'deb'],
    ['Ubuntu:24.10', 'ubuntu:24.10', 'deb'],
    ['Alpine:v3.19', 'alpine:3.19', 'apk'],
    ['AlmaLinux:9', 'almalinux:9', 'rpm'],
    ['Rocky Linux:9', 'rocky:9', 'rpm'],
    ['Red Hat:enterprise_linux:9::appstream', 'rhel:9', 'rpm'],
    ['Wolfi', 'wolfi:rolling', 'apk'],
    ['Chainguard', 'chainguard:rolling', 'apk'],
    ['crates.io', 'crates.io', 'semver'],
    ['RubyGems', 'rubygems', 'gem'],
    ['Packagist', 'packagist', 'generic'],
    ['Maven:https://repo.example', 'maven', 'maven'],
    ['NuGet', 'nuget', 'nuget'],
  ])('%s → %s (%s)', (ecosystem, namespace, scheme) => {
    expect(mapEcosystem(ecosystem)).toEqual({ namespace, scheme });
  });

  it.each([
    'Debian',
    'Alpine:3.19x',
    'Ubuntu:Pro:FIPS:22.04:LTS',
    'Red Hat:rhel_eus:9.2',
    'npm:x',
    'Bitnami',
  ])('%s is not supported', (ecosystem) => expect(mapEcosystem(ecosystem)).toBeUndefined());
});
