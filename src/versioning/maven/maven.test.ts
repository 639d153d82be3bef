import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { mavenScheme as maven } from './index.js';

describe('maven compare', () => {
  // Each row is in strictly ascending order.
  const ascending: string[][] = [
    ['1-alpha', '1-beta', '1-milestone', '1-rc', '1-snapshot', '1', '1-sp', '1-abc', '1-xyz'],
    ['1-alpha-1', '1-alpha-2', '1-alpha-10', '1-beta-1', '1-rc-1', '1'],
    ['1-a1', '1-b1', '1-m1', '1'],
    ['1', '1-1', '1.1'],
    ['1.0.0-SNAPSHOT', '1.0.0', '1.0.1-SNAPSHOT', '1.0.1'],
    ['2.0.0-M1', '2.0.0-RC1', '2.0.0.Final', '2.0.0-SP1', '2.0.1'],
    ['1.0.1', '1.0000000000.1', '1.0000000000000000000.1'],
    ['999999999', '1000000000', '999999999999999999', '1000000000000000000'],
    ['1-ga-1', '1-1'],
    ['1.0.0.RC1', '1-rc-2'],
  ];
  for (const row of ascending) {
    it(`orders ${row.join(' < ')}`, () => {
      for (let i = 0; i < row.length; i++) {
        for (let j = 0; j < row.length; j++) {
          expect(maven.compare(row[i] as string, row[j] as string), `${row[i]} vs ${row[j]}`).toBe(
            Math.sign(i - j),
          );
        }
      }
    });
  }

  it.each([
    ['1', '1.0'],
    ['1', '1.0.0'],
    ['1-ga', '1'],
    ['1.final', '1'],
    ['1-RELEASE', '1'],
    ['1-cr1', '1-rc1'],
    ['1-a1', '1-alpha-1'],
    ['1-b2', '1-beta-2'],
    ['1-m3', '1-milestone-3'],
    ['1.0.0.RC1', '1-rc-1'],
    ['1-SNAPSHOT', '1-snapshot'],
    ['1.01', '1.1'],
    ['1.0-', '1'],
  ])('%s equals %s', (a, b) => {
    expect(maven.compare(a, b)).toBe(0);
    expect(maven.compare(b, a)).toBe(0);
  });

  it('keeps `a` as a plain qualifier when no digit follows it', () => {
    expect(maven.compare('1-a', '1-alpha')).toBe(1);
    expect(maven.compare('1-a', '1-abc')).toBe(-1);
  });

  it('rejects what it cannot read', () => {
    for (const bad of ['', '1.0 beta', '1.0\n', 'ü']) {
      expect(maven.isValid(bad)).toBe(false);
      expect(() => maven.compare(bad, '1')).toThrow(InvalidVersionError);
    }
    expect(maven.isValid('1.0-SNAPSHOT')).toBe(true);
  });
});

describe('maven satisfies', () => {
  it.each([
    ['1.5', '[1.0,2.0)', true],
    ['1.0', '[1.0,2.0)', true],
    ['2.0', '[1.0,2.0)', false],
    ['2.0-SNAPSHOT', '[1.0,2.0)', true],
    ['0.9', '(,1.0]', true],
    ['1.0', '(,1.0]', true],
    ['1.0.1', '(,1.0]', false],
    ['1.0', '(1.0,)', false],
    ['1.0.1', '(1.0,)', true],
    ['1.2', '[1.2]', true],
    ['1.2.0', '[1.2]', true],
    ['1.2.1', '[1.2]', false],
    ['1.5', '[1,2),[3,4)', true],
    ['2.5', '[1,2),[3,4)', false],
    ['3.5', '[1,2), [3,4)', true],
    ['4', '[1,2),[3,4)', false],
    ['1.5', '>=1.0, <2.0', true],
    ['2.0', '>=1.0, <2.0', false],
    ['2.0', '>= 1.0 < 2.0', false],
    ['2.0.1', '>=1.0, <2.0 || >2.0', true],
    ['1.0', '1.0.0', true],
    ['1.0.1', '1.0', false],
    ['1.0', '!=1.0', false],
    ['1.0', '=1', true],
  ])('%s in %s: %s', (version, constraint, expected) => {
    expect(maven.satisfies(version, constraint)).toBe(expected);
  });

  it.each([
    '',
    '[1.0',
    '(1.0)',
    '[1.0,1.0]',
    '(,)',
    '[2.0,1.0]',
    '[1,2],x',
    '>=',
    '[1,2,3]',
    '>=1 <',
    '[1,2),',
  ])('rejects the constraint %j', (constraint) => {
    expect(() => maven.satisfies('1.0', constraint)).toThrow(InvalidVersionError);
  });

  it('rejects an unreadable version', () => {
    expect(() => maven.satisfies('1 0', '[1,2)')).toThrow(InvalidVersionError);
  });
});
