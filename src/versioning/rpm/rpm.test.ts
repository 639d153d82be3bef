import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { rpmScheme } from './index.js';
import { rpmvercmp } from './rpm-version.js';

describe('rpmvercmp', () => {
  it.each([
    ['1.0', '1.0', 0],
    ['1.0', '1.1', -1],
    ['1.10', '1.9', 1],
    ['1.001', '1.1', 0],
    ['1.0', '1_0', 0],
    ['1.0', '1.0.0', -1],
    ['1.0a', '1.0', 1],
    ['1.0a', '1.0.1', -1],
    ['1.a', '1.1', -1],
    ['a', 'b', -1],
    ['B', 'a', -1],
    ['1.0~rc1', '1.0', -1],
    ['1.0~rc1', '1.0~rc2', -1],
    ['1.0~~', '1.0~', -1],
    ['1.0^', '1.0', 1],
    ['1.0^git1', '1.0', 1],
    ['1.0^git1', '1.0.1', -1],
    ['1.0^git1', '1.0a', -1],
    ['1.0~rc1^git1', '1.0~rc1', 1],
    ['1.0~rc1^git1', '1.0', -1],
    ['123456789012345678901234567890', '123456789012345678901234567891', -1],
  ] as const)('%s vs %s is %i', (a, b, expected) => {
    expect(rpmvercmp(a, b)).toBe(expected);
    expect(rpmvercmp(b, a)).toBe(-expected || 0);
  });
});

describe('rpmScheme.compare', () => {
  it.each([
    ['1:1.0-1', '2.0-1', 1],
    ['0:1.0-1', '1.0-1', 0],
    ['01:1.0', '1:1.0', 0],
    ['1.0', '1.0-1', -1],
    ['1.0-1', '1.0-1.el8', -1],
    ['1.0-1.el8_2', '1.0-1.el8', 1],
    ['2.17-326.el7_9', '2.17-326.el7_9.3', -1],
    ['1.0~beta-1', '1.0-1', -1],
    ['1.0^20240101-1', '1.0-1', 1],
  ] as const)('%s vs %s is %i', (a, b, expected) => {
    expect(rpmScheme.compare(a, b)).toBe(expected);
    expect(rpmScheme.compare(b, a)).toBe(-expected || 0);
  });

  it('orders any text as rpm does, and refuses only the empty string', () => {
    expect(rpmScheme.compare('1.0-1-1', '1.0')).toBe(1);
    expect(rpmScheme.compare('1.0-8-2', '1.0-8-10')).toBe(-1);
    expect(() => rpmScheme.compare('1.0', '')).toThrow(InvalidVersionError);
  });
});

describe('rpmScheme.isValid', () => {
  // rpm orders all of these (the differential test asks it); only the empty string is refused.
  it.each([
    '1.0',
    '1:1.0-1.el8',
    '0:2.28-151.el8',
    '1.0~rc1^git2+x_y-3',
    '-1',
    '1.0-',
    'a:1.0',
    ':1.0',
    '1.0-1-1',
    '1.0 1',
    '1.%{dist}',
  ])('accepts %j', (v) => expect(rpmScheme.isValid(v)).toBe(true));
  it('refuses the empty string', () => expect(rpmScheme.isValid('')).toBe(false));
});

describe('rpmScheme.satisfies', () => {
  it.each([
    ['1.0-3', '< 1.0-5', true],
    ['1.0-5', '< 1.0-5', false],
    ['0:1.0-3', '>= 1.0, < 2.0', true],
    // A constraint without a release matches every release, as rpm's dependencies do.
    ['1.0-3', '= 1.0', true],
    ['1.0-3', '<= 1.0', true],
    ['1.0-3', '> 1.0', false],
    ['1.0-3', '!= 1.0', false],
    ['1:0.5', '> 2.0', true],
    ['2.0', '< 1.0 || > 1.5', true],
  ] as const)('%s in %j is %s', (version, constraint, expected) => {
    expect(rpmScheme.satisfies(version, constraint)).toBe(expected);
  });

  it.each(['', '<< 1.0', '<'])('throws InvalidVersionError for the constraint %j', (constraint) =>
    expect(() => rpmScheme.satisfies('1.0', constraint)).toThrow(InvalidVersionError),
  );
});
