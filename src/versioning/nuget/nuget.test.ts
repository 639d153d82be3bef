import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { nugetScheme as nuget } from './index.js';

function expectAscending(row: readonly string[]): void {
  for (let i = 0; i < row.length; i++) {
    for (let j = 0; j < row.length; j++) {
      expect(nuget.compare(row[i] as string, row[j] as string), `${row[i]} vs ${row[j]}`).toBe(
        Math.sign(i - j),
      );
    }
  }
}

describe('nuget compare', () => {
  it('orders four-part versions numerically', () => {
    expectAscending([
      '0.9',
      '1.0',
      '1.0.0.1',
      '1.0.0.2',
      '1.0.0.10',
      '1.0.1',
      '1.1',
      '1.10',
      '2',
      '2147483647',
    ]);
  });

  it('orders prereleases before their release, labels as SemVer 2 with numbers before text', () => {
    expectAscending([
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.2',
      '1.0.0-alpha.10',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.0.1-alpha',
      '1.0.0.1',
    ]);
    expectAscending([
      '1.0.0--1',
      '1.0.0-0',
      '1.0.0-1',
      '1.0.0-9',
      '1.0.0-2147483647',
      '1.0.0-2147483648',
      '1.0.0-a',
    ]);
  });

  it.each([
    ['1.0', '1.0.0.0'],
    ['1', '1.0.0'],
    ['01.002.3', '1.2.3'],
    ['1.0.0-BETA', '1.0.0-beta'],
    ['1.0.0-Beta.RC', '1.0.0-bEtA.rc'],
    ['1.0.0+build.5', '1.0.0'],
    ['1.0.0-rc.1+abc', '1.0.0-RC.1+def'],
    [' 1.2.3 ', '1.2.3'],
  ])('%j equals %j', (a, b) => {
    expect(nuget.compare(a, b)).toBe(0);
  });

  it.each([
    '',
    'a',
    '1.2.3.4.5',
    '1.2.3-',
    '1.2.3+',
    '1.2.3-01',
    '1.2.3-a..b',
    '1.2.3-a_b',
    '2147483648.0',
    'v1.0',
    '1.0 -beta',
    '1.*',
  ])('rejects %j', (bad) => {
    expect(nuget.isValid(bad)).toBe(false);
    expect(() => nuget.compare(bad, '1.0')).toThrow(InvalidVersionError);
  });

  it('accepts leading zeros in numeric parts but not in numeric labels', () => {
    expect(nuget.isValid('1.01.0')).toBe(true);
    expect(nuget.isValid('1.0.0-01')).toBe(false);
    expect(nuget.isValid('1.0.0-0a')).toBe(true);
  });
});

describe('nuget satisfies', () => {
  it.each([
    ['1.0', '1.0', true],
    ['5.0', '1.0', true],
    ['0.9', '1.0', false],
    ['1.0.0-beta', '1.0', false],
    ['1.5', '[1.0,2.0)', true],
    ['1.0.0.0', '[1.0,2.0)', true],
    ['2.0', '[1.0,2.0)', false],
    ['2.0.0-rc.1', '[1.0,2.0)', true],
    ['1.0', '(1.0,2.0)', false],
    ['1.0', '(,1.0]', true],
    ['1.0.0.1', '(,1.0]', false],
    ['1.0.1', '(1.0,)', true],
    ['1.0.0', '[1.0]', true],
    ['1.0.1', '[1.0]', false],
    ['1.5', '[ 1.0 , 2.0 ]', true],
    ['1.0', '(1.0,1.0)', false],
    ['1.5', '>= 1.0, < 2.0', true],
    ['2.0', '>=1.0, <2.0', false],
    ['1.0', '>1.0', false],
    ['1.0', '<=1.0', true],
    ['1.0', '=1.0.0.0', true],
    ['1.0', '!=1.0', false],
    ['3.0', '< 1.0 || >= 2.0', true],
    ['1.5', '< 1.0 || >= 2.0', false],
  ])('%s in %s: %s', (version, constraint, expected) => {
    expect(nuget.satisfies(version, constraint)).toBe(expected);
  });

  it.each([
    '',
    '[1.0',
    '1.0]',
    '(1.0)',
    '(1.0]',
    '[,]',
    '(,)',
    '[2.0,1.0]',
    '[1.0,1.0)',
    '[1,2,3]',
    '[1,2),[3,4)',
    '>=',
    '>=1.0,',
    '>=x',
    '1.*',
    '>=1.0 2.0',
  ])('rejects the constraint %j', (constraint) => {
    expect(() => nuget.satisfies('1.0', constraint)).toThrow(InvalidVersionError);
  });
});
