import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { debScheme } from './index.js';

describe('debScheme.compare', () => {
  it.each([
    // [a, b, expected]
    ['1.0', '1.0', 0],
    ['1.0', '1.1', -1],
    ['1.10', '1.9', 1],
    ['1.01', '1.1', 0],
    ['0001', '1', 0],
    ['1.0~rc1', '1.0', -1],
    ['1.0~~', '1.0~', -1],
    ['1.0~', '1.0', -1],
    ['1.0', '1.0a', -1],
    ['1.0a', '1.0+', -1],
    ['1.0+', '1.0.', -1],
    ['1.0Z', '1.0a', -1],
    ['1.0-1', '1.0-2', -1],
    ['1.0', '1.0-0', 0],
    ['1.0-1~bpo1', '1.0-1', -1],
    ['1:0.1', '2.0', 1],
    ['0:2.0', '2.0', 0],
    ['01:1.0', '1:1.0', 0],
    ['2.36-9', '2.36-10', -1],
    ['1.2.3-1ubuntu1', '1.2.3-1', 1],
    ['1.0+dfsg-1', '1.0-1', 1],
    ['1:2:3', '1:2:3', 0],
    ['1.0-a-b', '1.0-a', 1],
    ['123456789012345678901234567890', '123456789012345678901234567891', -1],
    [' 1.0', '1.0 ', 0],
  ] as const)('%s vs %s is %i', (a, b, expected) => {
    expect(debScheme.compare(a, b)).toBe(expected);
    expect(debScheme.compare(b, a)).toBe(-expected || 0);
  });

  it('throws InvalidVersionError for versions dpkg refuses', () => {
    expect(() => debScheme.compare('1:', '1.0')).toThrow(InvalidVersionError);
    expect(() => debScheme.compare('1.0', 'a:1')).toThrow(/epoch/);
  });
});

describe('debScheme.isValid', () => {
  it.each(['1.0', '1:1.0-1', '0:0', '2147483647:1', '1.0~rc1+dfsg-0ubuntu1', 'abc', '1.0_1', ' 1.0'])(
    'accepts %j as dpkg --compare-versions does',
    (v) => expect(debScheme.isValid(v)).toBe(true),
  );
  it.each(['', '  ', '1:', ':1', 'a:1', '-1:1', '1-', '1 0', '1:-1', '2147483648:1', '0x1:1', '<unknown>'])(
    'refuses %j',
    (v) => expect(debScheme.isValid(v)).toBe(false),
  );
});

describe('debScheme.satisfies', () => {
  it.each([
    ['2.36-8', '<< 2.36-9', true],
    ['2.36-9', '<< 2.36-9', false],
    ['2.36-9', '<= 2.36-9', true],
    ['2.36-10', '>> 2.36-9', true],
    ['1.5', '>= 1.0, < 2.0', true],
    ['2.0', '>= 1.0, < 2.0', false],
    ['2.0~rc1', '>=1.0 <2.0', true],
    ['3.0', '>= 1.0, < 2.0 || = 3.0', true],
    ['1:1.0', '>= 2.0', true],
    ['1.0', '1.0', true],
    ['1.0', '!= 1.0-0', false],
    ['1.0', '== 1.0', true],
  ] as const)('%s in %j is %s', (version, constraint, expected) => {
    expect(debScheme.satisfies(version, constraint)).toBe(expected);
  });

  it.each(['', '>=', '>= 1.0 ||', '>= 1:', '=> 1.0', '>= >= 1.0', '>= 1.0 !', '>= 1:0 a:1'])(
    'throws InvalidVersionError for the constraint %j',
    (constraint) => expect(() => debScheme.satisfies('1.0', constraint)).toThrow(InvalidVersionError),
  );
});
