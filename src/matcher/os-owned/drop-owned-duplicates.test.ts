import { describe, expect, it } from 'vitest';
import { pkg } from '../../../test/helpers/memory-vuln-store.js';
import type { Package } from '../../model/package.js';
import type { Match } from '../../scan/types.js';
import { dropOwnedDuplicates } from './drop-owned-duplicates.js';

function match(p: Package, id: string, aliases: string[] = [], fix = '1'): Match {
  return {
    vulnerability: {
      id,
      severity: 'high',
      aliases,
      fix: { state: 'fixed', versions: [fix] },
      cvss: [],
      references: [],
    },
    package: { id: p.id, name: p.name, version: p.version, type: p.type, locations: p.locations },
    details: {
      kind: p.type === 'deb' ? 'distro' : 'os-owned',
      namespace: 'debian:12',
      searchedName: 'ruby-rack',
      searchedVersion: '2.2.6.4-1',
      constraint: '<2.2.6.4-1+deb12u1',
      provider: 'debian',
    },
  };
}

describe('dropOwnedDuplicates', () => {
  const deb = pkg('deb', 'ruby-rack', '2.2.6.4-1');
  const gem = pkg('gem', 'rack', '2.2.6.4', { ownedBy: deb.id });
  const byId = (...packages: Package[]) => new Map(packages.map((p) => [p.id, p]));
  const rows = (matches: Match[]) => matches.map((m) => `${m.package.name} ${m.vulnerability.id}`);

  it("drops the owned package's match for a flaw its OS package is matched for, by id or CVE alias", () => {
    const kept = dropOwnedDuplicates(
      [
        match(deb, 'CVE-2024-1', [], '2.2.6.4-1+deb12u1'),
        match(gem, 'CVE-2024-1', [], '2.2.6.4-1+deb12u1'),
        match(deb, 'DEBIAN-CL-CVE-2024-2-ruby-rack', ['CVE-2024-2']),
        match(gem, 'GHSA-aaaa', ['CVE-2024-2']),
      ],
      byId(deb, gem),
    );
    expect(rows(kept)).toEqual(['ruby-rack CVE-2024-1', 'ruby-rack DEBIAN-CL-CVE-2024-2-ruby-rack']);
  });

  it('keeps the match when the OS package has none for that flaw', () => {
    const kept = dropOwnedDuplicates(
      [match(deb, 'CVE-2024-1'), match(gem, 'CVE-2024-3'), match(gem, 'GHSA-bbbb')],
      byId(deb, gem),
    );
    expect(rows(kept)).toEqual(['ruby-rack CVE-2024-1', 'rack CVE-2024-3', 'rack GHSA-bbbb']);
  });

  it('two CVEs sharing one advisory id stay two flaws', () => {
    const kept = dropOwnedDuplicates(
      [match(deb, 'CVE-2024-1', ['DSA-5000-1']), match(gem, 'CVE-2024-4', ['DSA-5000-1'])],
      byId(deb, gem),
    );
    expect(rows(kept)).toEqual(['ruby-rack CVE-2024-1', 'rack CVE-2024-4']);
  });

  it('only an OS owner counts, and a package nobody owns is untouched', () => {
    const jar = pkg('java', 'outer', '1.0');
    const inner = pkg('java', 'inner', '1.0', { ownedBy: jar.id });
    const loose = pkg('gem', 'rack', '2.2.6.4');
    const all = [
      match(jar, 'CVE-2024-1'),
      match(inner, 'CVE-2024-1'),
      match(deb, 'CVE-2024-1'),
      match(loose, 'CVE-2024-1'),
    ];
    expect(rows(dropOwnedDuplicates(all, byId(jar, inner, deb, loose)))).toEqual([
      'outer CVE-2024-1',
      'inner CVE-2024-1',
      'ruby-rack CVE-2024-1',
      'rack CVE-2024-1',
    ]);
  });
});
