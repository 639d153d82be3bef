import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { semverScheme } from './index.js';

describe('semverScheme.compare', () => {
  it.each([
    ['1.0.0', '2.0.0', -1],
    ['1.10.0', '1.9.0', 1],
    ['1.0.0-alpha', '1.0.0', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1],
    ['1.0.0-rc.1', '1.0.0-beta.11', 1],
    ['1.0.0+build.1', '1.0.0+build.2', 0],
    ['v1.2.3', '=1.2.3', 0],
  ] as const)('%s vs %s is %i', (a, b, expected) => {
    expect(semverScheme.compare(a, b)).toBe(expected);
    expect(semverScheme.compare(b, a)).toBe(-expected || 0);
  });

  it.each(['1.2', '01.2.3', '1.2.3-01', 'V1.2.3', '1.2.3.4', ''])('rejects %j', (bad) => {
    expect(semverScheme.isValid(bad)).toBe(false);
    expect(() => semverScheme.compare(bad, '1.0.0')).toThrow(InvalidVersionError);
  });
});

describe('semverScheme.satisfies', () => {
  it.each([
    ['1.2.3', '^1.2.0', true],
    ['2.0.0', '^1.2.0', false],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.9.9', '1.x', true],
    ['3.0.0', '*', true],
    ['2.3.4', '1.2.3 - 2.3.4', true],
    ['2.3.5', '1.2.3 - 2.3', true],
    ['2.4.0', '1.2.3 - 2.3', false],
    ['3.1.0', '<2 || >=3.0.0 <4', true],
    ['1.2.4-beta', '>=1.2.3', false],
    ['1.2.3-beta.2', '>=1.2.3-beta.1', true],
    ['1.2.4-beta.2', '>=1.2.3-beta.1', false],
    ['1.0.0', '>= 1.0.0', true],
    ['1.0.0', '', true],
  ] as const)('%s in %j is %s', (version, range, expected) => {
    expect(semverScheme.satisfies(version, range)).toBe(expected);
  });

  it('throws on a range it cannot read', () => {
    expect(() => semverScheme.satisfies('1.0.0', '>=abc')).toThrow(InvalidVersionError);
    expect(() => semverScheme.satisfies('1.0.0', '1.2.3 -')).toThrow(InvalidVersionError);
  });
});
