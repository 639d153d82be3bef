import { describe, expect, it } from 'vitest';
import type { PackageContent, VulnerabilityView } from '../../api/types.js';
import { diffImages } from './image-diff.js';

const pkg = (type: string, name: string, version: string): PackageContent => ({
  package: name,
  version,
  type,
  license: 'MIT',
  licenses: ['MIT'],
  location: `/x/${name}`,
});

const vuln = (id: string, name: string): VulnerabilityView => ({
  vuln: id,
  severity: 'High',
  package: `${name}-1`,
  package_name: name,
  package_version: '1',
  package_type: 'npm',
  package_path: '',
  fix: 'None',
  fix_state: 'not-fixed',
  will_not_fix: false,
  url: '',
  feed: 'osv',
  feed_group: 'npm',
  aliases: [],
});

describe('diffImages', () => {
  it('finds packages added, removed and changed by type and name, and vulnerabilities introduced and fixed', () => {
    const diff = diffImages(
      {
        packages: [
          pkg('npm', 'lodash', '4.17.11'),
          pkg('deb', 'openssl', '3.0.1'),
          pkg('npm', 'left-pad', '1.3.0'),
        ],
        vulnerabilities: [vuln('CVE-1', 'lodash'), vuln('CVE-2', 'left-pad')],
      },
      {
        packages: [
          pkg('npm', 'lodash', '4.17.21'),
          pkg('deb', 'openssl', '3.0.1'),
          pkg('python', 'lodash', '1.0'),
        ],
        vulnerabilities: [vuln('CVE-1', 'lodash'), vuln('CVE-3', 'lodash')],
      },
    );
    expect(diff.added).toEqual([{ type: 'python', name: 'lodash', after: '1.0' }]);
    expect(diff.removed).toEqual([{ type: 'npm', name: 'left-pad', before: '1.3.0' }]);
    expect(diff.changed).toEqual([{ type: 'npm', name: 'lodash', before: '4.17.11', after: '4.17.21' }]);
    expect(diff.introduced.map((v) => v.vuln)).toEqual(['CVE-3']);
    expect(diff.fixed.map((v) => v.vuln)).toEqual(['CVE-2']);
  });

  it('sees no change when one package is installed twice in the same versions, in another order', () => {
    const a = [pkg('npm', 'x', '1'), pkg('npm', 'x', '2')];
    const diff = diffImages(
      { packages: a, vulnerabilities: [] },
      { packages: [...a].reverse(), vulnerabilities: [] },
    );
    expect(diff).toEqual({ added: [], removed: [], changed: [], introduced: [], fixed: [] });
  });
});
