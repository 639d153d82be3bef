import { describe, expect, it } from 'vitest';
import { pkg } from '../../../test/helpers/memory-vuln-store.js';
import type { MatcherContext } from '../types.js';
import { osOwnedMatcher } from './index.js';
import { sameProject } from './same-project.js';

describe('os-owned lookups', () => {
  const owner = pkg('deb', 'python3-requests', '2.28.1+dfsg-1', {
    metadata: { package: 'python3-requests', source: 'requests', version: '2.28.1+dfsg-1' },
  });
  const owned = pkg('python', 'requests', '2.28.1', { ownedBy: owner.id });
  const context = (namespace: string | null): MatcherContext => ({
    distro: { label: 'debian 12', namespace, candidates: ['debian:12'] },
    packagesById: new Map([
      [owner.id, owner],
      [owned.id, owned],
    ]),
    cpe: false,
  });

  it('looks the owner source package up in the distro data', () => {
    expect(osOwnedMatcher.handles(owned, context('debian:12'))).toBe(true);
    expect(osOwnedMatcher.handles(owner, context('debian:12'))).toBe(false);
    expect(osOwnedMatcher.lookups(owned, context('debian:12'))).toEqual([
      {
        kind: 'os-owned',
        namespace: 'debian:12',
        name: 'requests',
        version: '2.28.1+dfsg-1',
        scheme: 'deb',
        via: owner,
      },
    ]);
  });

  it('asks for nothing when the distro has no data or the owner is missing', () => {
    expect(osOwnedMatcher.lookups(owned, context(null))).toEqual([]);
    const orphan = pkg('python', 'requests', '2.28.1', { ownedBy: 'gone' });
    expect(osOwnedMatcher.lookups(orphan, context('debian:12'))).toEqual([]);
  });
});

describe('sameProject', () => {
  it.each([
    ['python', 'requests', 'python3-requests', 'requests', true],
    ['npm', 'lodash', 'node-lodash', 'node-lodash', true],
    ['gem', 'rack', 'ruby-rack', 'ruby-rack', true],
    ['java', 'commons-lang3', 'libcommons-lang3-java', 'commons-lang3', true],
    ['npm', '@types/node', 'libruby3.1', 'ruby3.1', false],
    ['npm', '@types/lodash', 'node-lodash', 'node-lodash', false],
    ['gem', 'net-imap', 'libruby3.1', 'ruby3.1', false],
  ] as const)('%s %s owned by %s (source %s) → %s', (type, name, ownerName, source, expected) => {
    const owner = pkg('deb', ownerName, '1-1', { metadata: { package: ownerName, source, version: '1-1' } });
    expect(sameProject(pkg(type, name, '1.0.0', { ownedBy: owner.id }), owner)).toBe(expected);
  });
});
