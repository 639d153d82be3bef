import { describe, expect, it } from 'vitest';
import { file, fire, gateContext, pkg, policySbom } from '../../../../test/helpers/policy-sbom.js';
import type { GateContext, ParamValue } from '../types.js';
import { packagesGate } from './index.js';
import { pathExists } from './path-lookup.js';

const context = gateContext();
const dpkgFiles = [
  '/.',
  '/usr',
  '/usr/bin',
  '/usr/bin/openssl',
  '/bin/sh',
  '/usr/share/doc/openssl/copyright',
  '/etc/ssl/openssl.cnf',
];
const fullInventory = [
  file('/usr', 0o755, { type: 'dir' }),
  file('/usr/bin', 0o755, { type: 'dir' }),
  file('/usr/bin/openssl', 0o755),
  file('/usr/bin/sh', 0o755),
  file('/bin', 0o777, { type: 'symlink', linkTarget: 'usr/bin' }),
  file('/etc', 0o755, { type: 'dir' }),
];
const verified = gateContext(
  policySbom({
    files: fullInventory,
    packages: [
      pkg('openssl', '3.0.20-1~deb12u2', {
        metadata: { package: 'openssl', version: '3.0.20-1~deb12u2', files: dpkgFiles },
      }),
    ],
  }),
);
const notableOnly = gateContext(
  policySbom({
    packages: verified.sbom.packages,
    files: [file('/usr/local/bin/suid-sh', 0o4755, { flags: ['setuid'] })],
  }),
);

const withNpmOpenssl = gateContext(
  policySbom({
    packages: [...policySbom().packages, pkg('openssl', '3.0.1', { type: 'npm', foundBy: 'npm' })],
  }),
);

const cases: [string, string, Record<string, ParamValue>, string[], GateContext?][] = [
  ['blacklist fires per installed match', 'blacklist', { name: 'openssl' }, ['openssl@3.0.20-1~deb12u2']],
  [
    'blacklist with the installed version fires',
    'blacklist',
    { name: 'openssl', version: '3.0.20-1~deb12u2' },
    ['openssl@3.0.20-1~deb12u2'],
  ],
  ['blacklist with another version does not fire', 'blacklist', { name: 'openssl', version: '1.1.1' }, []],
  ['blacklist of an absent package does not fire', 'blacklist', { name: 'telnetd' }, []],
  ['blacklist looks at OS packages by default', 'blacklist', { name: 'lodash' }, []],
  [
    'denylist is the same trigger, package_type non-os',
    'denylist',
    { name: 'lodash', package_type: 'non-os' },
    ['lodash@4.17.21'],
  ],
  [
    'blacklist package_type all sees both ecosystems',
    'blacklist',
    { name: 'openssl', package_type: 'all' },
    ['openssl@3.0.20-1~deb12u2', 'openssl@3.0.1'],
    withNpmOpenssl,
  ],
  [
    'blacklist package_type os ignores an npm namesake',
    'blacklist',
    { name: 'openssl' },
    ['openssl@3.0.20-1~deb12u2'],
    withNpmOpenssl,
  ],
  [
    'required_package fires when absent',
    'required_package',
    { name: 'ca-certificates' },
    ['ca-certificates'],
  ],
  ['required_package does not fire when present', 'required_package', { name: 'openssl' }, []],
  [
    'required_package exact fires on another version',
    'required_package',
    { name: 'openssl', version: '3.0.20-1', version_match_type: 'exact' },
    ['openssl@3.0.20-1'],
  ],
  [
    'required_package minimum compares as dpkg (~ sorts before)',
    'required_package',
    { name: 'openssl', version: '3.0.20-1', version_match_type: 'minimum' },
    ['openssl@3.0.20-1'],
  ],
  [
    'required_package minimum met',
    'required_package',
    { name: 'openssl', version: '3.0.9-1', version_match_type: 'minimum' },
    [],
  ],
  [
    'required_package minimum in semver for npm',
    'required_package',
    { name: 'lodash', version: '4.17.3', version_match_type: 'minimum', package_type: 'non-os' },
    [],
  ],
  [
    'required_package minimum in semver: 4.17.21 < 4.18.0',
    'required_package',
    { name: 'lodash', version: '4.18.0', version_match_type: 'minimum', package_type: 'all' },
    ['lodash@4.18.0'],
  ],
  [
    'verify missing fires per owned file absent (symlinked /bin followed)',
    'verify',
    { check: 'missing' },
    ['openssl+/usr/share/doc/openssl/copyright', 'openssl+/etc/ssl/openssl.cnf'],
    verified,
  ],
  [
    'verify only_directories limits the files',
    'verify',
    { check: 'missing', only_directories: ['/etc'] },
    ['openssl+/etc/ssl/openssl.cnf'],
    verified,
  ],
  ['verify only_packages limits the packages', 'verify', { only_packages: ['bash'] }, [], verified],
  ['verify cannot decide with notable files only', 'verify', { check: 'missing' }, [], notableOnly],
  ['verify changed is not supported', 'verify', { check: 'changed' }, [], verified],
];

describe('packages gate', () => {
  it.each(cases)('%s', (_, trigger, params, expected, other) => {
    expect(fire(packagesGate, trigger, other ?? context, params)).toEqual(expected);
  });

  it('follows relative and absolute symlinks, and stops on loops', () => {
    const byPath = new Map(
      [
        file('/a', 0o777, { type: 'symlink', linkTarget: '/b' }),
        file('/b', 0o755, { type: 'dir' }),
        file('/b/c', 0o644),
        file('/loop', 0o777, { type: 'symlink', linkTarget: 'loop' }),
      ].map((f) => [f.path, f]),
    );
    expect(pathExists(byPath, '/a/c')).toBe(true);
    expect(pathExists(byPath, '/a/d')).toBe(false);
    expect(pathExists(byPath, '/loop/x')).toBe(false);
  });
});
