import { describe, expect, it } from 'vitest';
import { languageMatcher } from '../matcher/language/index.js';
import { mapEcosystem } from '../vulndb/providers/osv/ecosystems.js';
import { DEFAULT_SYNC_CONFIG } from '../vulndb/sync/sync-config.js';
import { LANGUAGE_ECOSYSTEMS, ecosystemOfNamespace, ecosystemOfOsv, ecosystemOfType } from './ecosystems.js';
import { PACKAGE_TYPES } from './package.js';

describe('the language ecosystem table', () => {
  it('is what the OSV provider stores and what the matcher looks up, for every ecosystem', () => {
    for (const e of LANGUAGE_ECOSYSTEMS) {
      expect(mapEcosystem(e.osv), e.osv).toEqual({ namespace: e.namespace, scheme: e.scheme });
      const pkg = { id: 'x', type: e.type, name: 'a', version: '1.0.0', foundBy: 't', locations: [] };
      const context = { distro: null, packagesById: new Map(), cpe: false };
      expect(languageMatcher.handles(pkg as never, context), e.type).toBe(true);
      const [lookup] = languageMatcher.lookups(pkg as never, context);
      expect(lookup).toMatchObject({ namespace: e.namespace, scheme: e.scheme });
    }
  });

  it('has one entry per package type, namespace and OSV name, all of real package types', () => {
    for (const key of ['type', 'namespace', 'osv'] as const)
      expect(new Set(LANGUAGE_ECOSYSTEMS.map((e) => e[key])).size).toBe(LANGUAGE_ECOSYSTEMS.length);
    for (const e of LANGUAGE_ECOSYSTEMS) expect(PACKAGE_TYPES).toContain(e.type);
  });

  it('covers every language ecosystem the default sync downloads', () => {
    const languages = DEFAULT_SYNC_CONFIG.osv.ecosystems.filter((name) => {
      const target = mapEcosystem(name);
      return target !== undefined && !target.namespace.includes(':');
    });
    expect(languages.sort()).toEqual(LANGUAGE_ECOSYSTEMS.map((e) => e.osv).sort());
  });

  it('finds an ecosystem by type, OSV name and namespace', () => {
    expect(ecosystemOfType('python')?.namespace).toBe('pypi');
    expect(ecosystemOfOsv('RubyGems')?.type).toBe('gem');
    expect(ecosystemOfNamespace('crates.io')?.scheme).toBe('semver');
    expect(ecosystemOfType('deb')).toBeUndefined();
  });
});
