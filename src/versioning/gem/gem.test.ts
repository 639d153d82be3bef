import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { gemScheme } from './index.js';

describe('gemScheme.compare', () => {
  it.each([
    ['1.0', '1', 0],
    ['1.0.0.0', '1', 0],
    ['1.2.10', '1.2.9', 1],
    ['1.0.a', '1.0', -1],
    ['1.0.a', '1.0.b', -1],
    ['1.0.rc1', '1.0.rc2', -1],
    ['1.0-rc1', '1.0.pre.rc1', 0],
    ['1.0.a.0', '1.0.a', 0],
    ['2.0.0.beta', '1.9.9', 1],
    ['', '0', 0],
  ] as const)('%j vs %j is %i', (a, b, expected) => {
    expect(gemScheme.compare(a, b)).toBe(expected);
    expect(gemScheme.compare(b, a)).toBe(-expected || 0);
  });

  it.each(['a', '1..2', '1.', '-1', '1 2'])('rejects %j', (bad) => {
    expect(gemScheme.isValid(bad)).toBe(false);
    expect(() => gemScheme.compare(bad, '1')).toThrow(InvalidVersionError);
  });
});

describe('gemScheme.satisfies', () => {
  it.each([
    ['1.2.9', '~> 1.2.3', true],
    ['1.3.0', '~> 1.2.3', false],
    ['1.9', '~> 1.2', true],
    ['2.0', '~> 1.2', false],
    ['2.0.0.rc1', '~> 1.2', false],
    ['1.5', '>= 1, < 2', true],
    ['2.0', '>= 1, < 2', false],
    ['1.5', '!= 1.5', false],
    ['1', '= 1.0', true],
    ['1.0', '1.0', true],
    ['0.a', '', false],
    ['0.1', '', true],
  ] as const)('%s in %j is %s', (version, requirement, expected) => {
    expect(gemScheme.satisfies(version, requirement)).toBe(expected);
  });

  it('throws on requirements it cannot read', () => {
    expect(() => gemScheme.satisfies('1.0', '=> 1.0')).toThrow(InvalidVersionError);
    expect(() => gemScheme.satisfies('1.0', '>= 1,')).toThrow(InvalidVersionError);
  });
});
