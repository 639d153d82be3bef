import { describe, expect, it } from 'vitest';
import { formatRelationGroups, parseRelationField } from './relation-field.js';

describe('parseRelationField', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['libc6 (>= 2.34)', [['libc6']]],
    ['libc6 (>= 2.34), libgcc-s1 (>= 3.0)', [['libc6'], ['libgcc-s1']]],
    ['debconf (>= 0.5) | debconf-2.0', [['debconf', 'debconf-2.0']]],
    ['python3:any (>= 3.11~), perl:native', [['python3'], ['perl']]],
    ['libfoo [amd64] <!nocheck>, bar', [['libfoo'], ['bar']]],
    ['awk, , libstdc++6', [['awk'], ['libstdc++6']]],
    ['Upper.Case+1', [['upper.case+1']]],
    ['(>= 1), ???', []],
  ])('%j', (value, expected) => {
    expect(parseRelationField(value)).toEqual(expected);
  });

  it('formats alternatives with " | "', () => {
    expect(formatRelationGroups([['a'], ['b', 'c']])).toEqual(['a', 'b | c']);
  });
});
