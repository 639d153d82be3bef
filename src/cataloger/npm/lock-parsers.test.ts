import { describe, expect, it } from 'vitest';
import { npmLicenses } from './license.js';
import type { LockEntry, LockOutcome } from './lock-entry.js';
import { parsePackageLock } from './package-lock.js';
import { parsePnpmKey, parsePnpmLock } from './pnpm-lock.js';
import { isYarnBerry, parseYarnBerryLock } from './yarn-berry-lock.js';
import { parseYarnClassicLock } from './yarn-classic-lock.js';

function entries(outcome: LockOutcome): LockEntry[] {
  if (outcome.kind !== 'lock') throw new Error(outcome.message);
  expect(outcome.problems).toEqual([]);
  return outcome.entries;
}
const ids = (list: LockEntry[]): string[] => list.map((e) => `${e.name}@${e.version}`).sort();
const byName = (list: LockEntry[], name: string): LockEntry | undefined => list.find((e) => e.name === name);

describe('npmLicenses', () => {
  it.each([
    ['MIT', undefined, ['MIT']],
    [{ type: 'ISC' }, undefined, ['ISC']],
    [undefined, [{ type: 'MIT' }, { type: 'Apache-2.0' }], ['MIT OR Apache-2.0']],
    [['MIT', 'GPL-2.0 OR BSD-3-Clause'], undefined, ['MIT OR (GPL-2.0 OR BSD-3-Clause)']],
    [null, undefined, []],
    [{ url: 'x' }, undefined, []],
  ])('%j / %j → %j', (license, legacy, expected) => {
    expect(npmLicenses(license, legacy)).toEqual(expected);
  });
});

describe('parsePackageLock', () => {
  it('reads v3 packages: nested paths, aliases, dev flags, workspace links, edges', () => {
    const list = entries(
      parsePackageLock(
        JSON.stringify({
          lockfileVersion: 3,
          packages: {
            '': { name: 'app', version: '1.0.0' },
            'node_modules/a': { version: '1.0.0', dependencies: { b: '^2' }, license: 'MIT' },
            'node_modules/a/node_modules/b': { version: '2.0.0' },
            'node_modules/b': { version: '1.0.0', dev: true },
            'node_modules/my-alias': { name: '@s/real', version: '3.0.0' },
            'node_modules/ws': { resolved: 'packages/ws', link: true },
          },
        }),
      ),
    );
    expect(ids(list)).toEqual(['@s/real@3.0.0', 'a@1.0.0', 'b@1.0.0', 'b@2.0.0']);
    expect(byName(list, 'a')?.dependsOn).toEqual(['node_modules/a/node_modules/b']);
    expect(byName(list, 'a')?.licenses).toEqual(['MIT']);
    expect(list.find((e) => e.version === '1.0.0' && e.name === 'b')?.dev).toBe(true);
  });

  it('reads the v1 dependency tree with requires and npm: aliases', () => {
    const list = entries(
      parsePackageLock(
        JSON.stringify({
          lockfileVersion: 1,
          dependencies: {
            a: { version: '1.0.0', requires: { b: '^1' }, dependencies: { b: { version: '1.5.0' } } },
            b: { version: '2.0.0', dev: true },
            c: { version: 'npm:@s/real@4.0.0' },
          },
        }),
      ),
    );
    expect(ids(list)).toEqual(['@s/real@4.0.0', 'a@1.0.0', 'b@1.5.0', 'b@2.0.0']);
    expect(byName(list, 'a')?.dependsOn).toEqual(['node_modules/a/node_modules/b']);
  });

  it('degrades on text that is not JSON', () => {
    expect(parsePackageLock('{ nope').kind).toBe('invalid');
  });
});

describe('yarn.lock', () => {
  it('reads the classic format with multi-descriptor keys and dependencies', () => {
    const text = [
      '# yarn lockfile v1',
      '',
      '"@s/a@^1.0.0", "@s/a@^1.1.0":',
      '  version "1.2.0"',
      '  resolved "https://registry.yarnpkg.com/@s/a/-/a-1.2.0.tgz#abc"',
      '  integrity sha512-xyz',
      '  dependencies:',
      '    b "^2.0.0"',
      '',
      'b@^2.0.0:',
      '  version "2.1.0"',
      '',
    ].join('\n');
    expect(isYarnBerry(text)).toBe(false);
    const list = entries(parseYarnClassicLock(text));
    expect(ids(list)).toEqual(['@s/a@1.2.0', 'b@2.1.0']);
    expect(byName(list, '@s/a')).toMatchObject({ integrity: 'sha512-xyz', dependsOn: ['b@^2.0.0'] });
  });

  it('reads berry: resolution names, workspaces skipped, versions kept as text', () => {
    const text = [
      '__metadata:',
      '  version: 6',
      '',
      '"app@workspace:.":',
      '  version: 0.0.0-use.local',
      '  resolution: "app@workspace:."',
      '  dependencies:',
      '    a: ^1.0',
      '',
      '"a@npm:^1.0":',
      '  version: 1.0',
      '  resolution: "a@npm:1.0"',
      '  dependencies:',
      '    "@s/b": "npm:2.0.0"',
      '',
      '"@s/b@npm:2.0.0":',
      '  version: 2.0.0',
      '  resolution: "@s/b@npm:2.0.0"',
      '  checksum: abc',
      '',
    ].join('\n');
    expect(isYarnBerry(text)).toBe(true);
    const list = entries(parseYarnBerryLock(text));
    expect(ids(list)).toEqual(['@s/b@2.0.0', 'a@1.0']);
    expect(byName(list, 'a')?.dependsOn).toEqual(['@s/b@npm:2.0.0']);
  });
});

describe('pnpm-lock.yaml', () => {
  it.each([
    ['/name/1.0.0', true, 'name', '1.0.0'],
    ['/@s/name/1.0.0_peer@2.0.0', true, '@s/name', '1.0.0'],
    ['/name@1.0.0(react@18.0.0)', false, 'name', '1.0.0'],
    ['@s/name@1.0.0(react@18.0.0)(b@1.0.0)', false, '@s/name', '1.0.0'],
  ])('key %s', (key, slashStyle, name, version) => {
    expect(parsePnpmKey(key, slashStyle)).toEqual({ name, version });
  });

  it('reads v5 with peer suffixes and dev flags', () => {
    const text = [
      'lockfileVersion: 5.4',
      'packages:',
      '  /acorn/8.8.0:',
      '    resolution: {integrity: sha512-a}',
      '    dev: true',
      '  /acorn-jsx/5.3.2_acorn@8.8.0:',
      '    resolution: {integrity: sha512-b}',
      '    dependencies:',
      '      acorn: 8.8.0',
    ].join('\n');
    const list = entries(parsePnpmLock(text));
    expect(ids(list)).toEqual(['acorn-jsx@5.3.2', 'acorn@8.8.0']);
    expect(byName(list, 'acorn')?.dev).toBe(true);
    expect(byName(list, 'acorn-jsx')?.dependsOn).toEqual(['acorn@8.8.0']);
  });

  it('reads v9 packages with snapshots, merging peer variants', () => {
    const text = [
      "lockfileVersion: '9.0'",
      'packages:',
      '  a@1.0.0:',
      '    resolution: {integrity: sha512-a}',
      '  b@2.0.0:',
      '    resolution: {integrity: sha512-b}',
      'snapshots:',
      '  a@1.0.0(b@2.0.0):',
      '    dependencies:',
      '      b: 2.0.0',
      '  a@1.0.0: {}',
      '  b@2.0.0: {}',
    ].join('\n');
    const list = entries(parsePnpmLock(text));
    expect(ids(list)).toEqual(['a@1.0.0', 'b@2.0.0']);
    expect(byName(list, 'a')?.dependsOn).toEqual(['b@2.0.0']);
  });

  it('degrades on broken YAML', () => {
    expect(parsePnpmLock('packages:\n  a: [unclosed\n').kind).toBe('invalid');
  });
});
