import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../errors/index.js';
import { parseComparatorList, type ComparatorScheme } from './comparator-list.js';

/** Integers as a stand-in scheme, so these tests are about the syntax alone. */
const integers: ComparatorScheme = {
  name: 'integers',
  operators: ['<', '<=', '=', '>=', '>', '!='],
  compare: (a, b) => Math.sign(Number(a) - Number(b)) as -1 | 0 | 1,
  isValid: (v) => /^\d+$/.test(v),
};

describe('parseComparatorList', () => {
  it('reads commas, blanks and operators written apart or together alike', () => {
    const expected = [
      [
        { operator: '>=', version: '1' },
        { operator: '<', version: '2' },
      ],
    ];
    expect(parseComparatorList(integers, '>= 1, < 2')).toEqual(expected);
    expect(parseComparatorList(integers, '>=1 <2')).toEqual(expected);
    expect(parseComparatorList(integers, ' >=1 ,<2 ')).toEqual(expected);
  });

  it('splits alternatives at || and reads a bare version and == as =', () => {
    expect(parseComparatorList(integers, '3 || == 4 || != 5')).toEqual([
      [{ operator: '=', version: '3' }],
      [{ operator: '=', version: '4' }],
      [{ operator: '!=', version: '5' }],
    ]);
  });

  it.each([
    '',
    '   ',
    '||',
    '1 ||',
    '>=',
    '>= <= 1',
    '<< 1',
    '>= x',
    '1 | 2',
    '>= 1 ; 2',
    '>= 1,',
    '>= 1,, < 2',
    ', 1',
  ])('refuses %j with InvalidVersionError', (constraint) =>
    expect(() => parseComparatorList(integers, constraint)).toThrow(InvalidVersionError),
  );
});
