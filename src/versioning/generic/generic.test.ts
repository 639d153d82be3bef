import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { genericScheme } from './index.js';

describe('genericScheme.compare', () => {
  it.each([
    ['1.0', '1.0', 0],
    ['1.2', '1.10', -1],
    ['1.01', '1.1', 0],
    ['1.0', '1.0.0', 0],
    ['1', '1.0.0.0', 0],
    ['1.0', '1.0.1', -1],
    ['v1.2', '1.2', 0],
    ['V1.2', '1.3', -1],
    ['1.0-alpha', '1.0-beta', -1],
    ['1.0-beta', '1.0-RC1', -1],
    ['1.0-rc1', '1.0-rc2', -1],
    ['1.0-rc1', '1.0', -1],
    ['2.0.1', '2.0.1-p1', -1],
    ['2.0.1-p1', '2.0.1-p2', -1],
    ['2.0.1-p1', '2.0.1.1', -1],
    ['2.0.1.0', '2.0.1-patch1', -1],
    ['1.0-post1', '1.0', 1],
    ['1.0a', '1.0-a', 0],
    ['1.0.1', '1.0-rc1', 1],
    ['2.0-rc1', '1.9', 1],
    ['2023.10.01', '2023.9.30', 1],
    ['99999999999999999999999', '100000000000000000000000', -1],
    ['1.0_1', '1.0+1', 0],
  ] as const)('%s vs %s is %i', (a, b, expected) => {
    expect(genericScheme.compare(a, b)).toBe(expected);
    expect(genericScheme.compare(b, a)).toBe(-expected || 0);
  });

  it('sorts the same from any starting order', () => {
    const versions = [
      '1.0-rc1',
      '1.0',
      '1.0.1',
      '1.0-alpha',
      '0.9',
      '1.0a1',
      '1.0.0.1',
      '2',
      'v1.5',
      '1.0-beta',
    ];
    const sorted = [...versions].sort(genericScheme.compare);
    expect(sorted).toEqual([
      '0.9',
      '1.0a1',
      '1.0-alpha',
      '1.0-beta',
      '1.0-rc1',
      '1.0',
      '1.0.0.1',
      '1.0.1',
      'v1.5',
      '2',
    ]);
    expect([...versions].reverse().sort(genericScheme.compare)).toEqual(sorted);
  });

  it('throws InvalidVersionError for unreadable versions', () => {
    expect(() => genericScheme.compare('1.0', '')).toThrow(InvalidVersionError);
    expect(() => genericScheme.compare('.1', '1')).toThrow(InvalidVersionError);
  });
});

describe('genericScheme.isValid', () => {
  it.each(['1', 'v1.2.3', '1.2.3-rc.1+build.5', '2023_01_02', 'r1234', '1:2.0~x'])('accepts %j', (v) =>
    expect(genericScheme.isValid(v)).toBe(true),
  );
  it.each(['', ' 1.0', '1.0 ', '-1', '.1', '1.0/2', '1,0', 'é1', '1.0#'])('refuses %j', (v) =>
    expect(genericScheme.isValid(v)).toBe(false),
  );
});

describe('genericScheme.satisfies', () => {
  it.each([
    ['1.5', '>= 1.0, < 2.0', true],
    ['2.0', '>= 1.0, < 2.0', false],
    ['2.0-rc1', '>= 1.0, < 2.0', true],
    ['1.0.0', '= 1.0', true],
    ['1.0.0', '!= 1.0', false],
    ['3.1', '< 1.0 || >= 3', true],
  ] as const)('%s in %j is %s', (version, constraint, expected) => {
    expect(genericScheme.satisfies(version, constraint)).toBe(expected);
  });

  it.each(['', '<< 1.0', '>= 1.0 <', 'latest ~ 1'])('throws InvalidVersionError for the constraint %j', (c) =>
    expect(() => genericScheme.satisfies('1.0', c)).toThrow(InvalidVersionError),
  );
});
