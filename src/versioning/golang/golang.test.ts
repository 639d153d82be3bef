import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { golangScheme as go } from './index.js';

function expectAscending(row: readonly string[]): void {
  for (let i = 0; i < row.length; i++) {
    for (let j = 0; j < row.length; j++) {
      expect(go.compare(row[i] as string, row[j] as string), `${row[i]} vs ${row[j]}`).toBe(Math.sign(i - j));
    }
  }
}

describe('golang compare: module versions', () => {
  it('orders releases and prereleases as semver', () => {
    expectAscending([
      'v0.0.1',
      'v0.1.0',
      'v1.0.0-alpha',
      'v1.0.0-alpha.1',
      'v1.0.0-alpha.beta',
      'v1.0.0-beta.2',
    ]);
    expectAscending([
      'v1.0.0-beta.11',
      'v1.0.0-rc.1',
      'v1.0.0',
      'v1.2.9',
      'v1.10.0',
      'v2.0.0+incompatible',
      'v10.0.0',
    ]);
  });

  it('orders every pseudo-version form between its base and the next release', () => {
    // vX.0.0-yyyymmddhhmmss-abcdefabcdef: no earlier tagged version.
    expectAscending(['v0.0.0-20191109021931-daa7c04131f5', 'v0.0.0-20200101000000-000000000000', 'v0.0.1']);
    // vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdef: after the release vX.Y.Z.
    expectAscending([
      'v1.2.3',
      'v1.2.4-0.20191109021931-daa7c04131f5',
      'v1.2.4-0.20211109021931-aaaaaaaaaaaa',
      'v1.2.4-alpha',
      'v1.2.4',
    ]);
    // vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef: after the prerelease vX.Y.Z-pre.
    expectAscending(['v1.2.3-pre', 'v1.2.3-pre.0.20191109021931-daa7c04131f5', 'v1.2.3-pre.1', 'v1.2.3']);
    // With +incompatible, which does not take part in the order.
    expectAscending(['v2.0.0+incompatible', 'v2.0.1-0.20191109021931-daa7c04131f5+incompatible', 'v2.0.1']);
  });

  it.each([
    ['v1.2.3', '1.2.3'],
    ['v1.2', 'v1.2.0'],
    ['v1', 'v1.0.0'],
    ['v2.0.0+incompatible', 'v2.0.0'],
    ['v1.0.0+build.1', 'v1.0.0+build.2'],
    ['v1.2.4-0.20191109021931-daa7c04131f5+incompatible', 'v1.2.4-0.20191109021931-daa7c04131f5'],
  ])('%s equals %s', (a, b) => {
    expect(go.compare(a, b)).toBe(0);
  });

  it('compares long numbers exactly', () => {
    expect(go.compare('v1.99999999999999999999.0', 'v1.100000000000000000000.0')).toBe(-1);
  });

  it.each([
    '',
    'v',
    'v01.2.3',
    'v1.02.3',
    'v1.2.3-01',
    'v1.2-pre',
    'v1-pre',
    'v1.2+meta',
    'v1.2.3-',
    'v1.2.3+',
    'V1.2.3',
    'v1.2.3.4',
    'v1.2.3-a..b',
    'latest',
  ])('rejects %j', (bad) => {
    expect(go.isValid(bad)).toBe(false);
    expect(() => go.compare(bad, 'v1.0.0')).toThrow(InvalidVersionError);
  });
});

describe('golang compare: toolchain versions', () => {
  it('orders Go releases as the go command does', () => {
    expectAscending([
      'go1',
      'go1.9.2',
      'go1.20rc1',
      'go1.20',
      'go1.20.1',
      'go1.21',
      'go1.21rc1',
      'go1.21rc2',
      'go1.21.0',
      'go1.21.3',
    ]);
    expectAscending(['go1.22alpha1', 'go1.22beta1', 'go1.22rc', 'go1.22rc1', 'go1.22.0', 'go2']);
  });

  it('reads bare prereleases as toolchain versions and bare releases as module versions', () => {
    expect(go.compare('1.21rc2', 'go1.21rc2')).toBe(0);
    expect(go.compare('1.21rc2', '1.21.0-rc.2')).toBe(0);
    expect(go.compare('1.21rc2', '1.21.0')).toBe(-1);
    expect(go.compare('go1.20', '1.20.0')).toBe(0);
    expect(go.compare('1.21', '1.21.0')).toBe(0);
    expect(go.compare('go1.21', '1.21.0')).toBe(-1);
    expect(go.compare('go1.21.3', 'v1.21.3')).toBe(0);
  });

  it.each(['go', 'go1.21.3rc1', 'go01.2', 'go1.021', 'go1.21-rc1', 'go1.21RC1', 'go1.21rc01', 'gox'])(
    'rejects %j',
    (bad) => {
      expect(go.isValid(bad)).toBe(false);
    },
  );
});

describe('golang satisfies', () => {
  it.each([
    ['v1.2.3', '>=v1.2.0, <v1.3.0', true],
    ['1.2.3', '>=1.2.0, <1.3.0', true],
    ['v1.3.0', '>=v1.2.0, <v1.3.0', false],
    ['v1.3.0-0.20191109021931-daa7c04131f5', '>=v1.2.0, <v1.3.0', true],
    ['v2.0.0+incompatible', '>= v2.0.0 < v2.1.0', true],
    ['v1.0.0', '=v1.0.0', true],
    ['v1.0.0', 'v1.0.0', true],
    ['v1.0.1', 'v1.0.0', false],
    ['v1.0.1', '!=v1.0.0', true],
    ['v1.5.0', '<v1.0.0 || >=v1.5.0', true],
    ['v1.4.0', '<v1.0.0 || >=v1.5.0', false],
    ['go1.21.3', '>=1.21.0-0, <1.21.5', true],
    ['go1.21rc2', '>=go1.21, <go1.21.0', true],
  ])('%s in %s: %s', (version, constraint, expected) => {
    expect(go.satisfies(version, constraint)).toBe(expected);
  });

  it.each(['', '>=', '>=v1.0.0,', '>>v1', '>=vx', '~v1.2.3', '^1.2.3', 'v1.0.0 ||'])(
    'rejects the constraint %j',
    (c) => {
      expect(() => go.satisfies('v1.0.0', c)).toThrow(InvalidVersionError);
    },
  );
});
