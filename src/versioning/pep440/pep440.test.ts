import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { pep440Scheme } from './index.js';

describe('pep440Scheme.compare', () => {
  it.each([
    ['1.0', '1.0.0', 0],
    ['1.0.dev1', '1.0a1', -1],
    ['1.0a1', '1.0b1', -1],
    ['1.0rc1', '1.0', -1],
    ['1.0', '1.0.post1', -1],
    ['1.0.post1.dev1', '1.0.post1', -1],
    ['1!0.1', '2.0', 1],
    ['1.0+abc', '1.0', 1],
    ['1.0+abc', '1.0+1', -1],
    ['1.0-1', '1.0.post1', 0],
    ['1.0ALPHA2', '1.0a2', 0],
    ['v1.0_preview-3', '1.0rc3', 0],
  ] as const)('%s vs %s is %i', (a, b, expected) => {
    expect(pep440Scheme.compare(a, b)).toBe(expected);
    expect(pep440Scheme.compare(b, a)).toBe(-expected || 0);
  });

  it.each(['', 'abc', '1.0+', '1..0', '1.0-'])('rejects %j', (bad) => {
    expect(pep440Scheme.isValid(bad)).toBe(false);
    expect(() => pep440Scheme.compare(bad, '1.0')).toThrow(InvalidVersionError);
  });
});

describe('pep440Scheme.satisfies', () => {
  it.each([
    ['1.5', '>=1.0,<2', true],
    ['2.0', '>=1.0,<2', false],
    ['1.5.3', '>=1.0,!=1.5.*', false],
    ['1.4.5', '~=1.4.2', true],
    ['1.5.0', '~=1.4.2', false],
    ['1.9', '==1.*', true],
    ['1.0', '===1.0', true],
    ['1.0.0', '===1.0', false],
    ['2.0a1', '<2.0', false],
    ['2.0a1', '>=2.0a1', true],
    ['2.0a1', '>=1.0', false],
    ['1.0.post1', '>1.0', false],
    ['1.0+local', '==1.0', true],
    ['1.0+local', '<=1.0', true],
    ['1.0', '', true],
  ] as const)('%s in %j is %s', (version, set, expected) => {
    expect(pep440Scheme.satisfies(version, set)).toBe(expected);
  });

  it('throws on specifiers it cannot read', () => {
    expect(() => pep440Scheme.satisfies('1.0', '>=1.*')).toThrow(InvalidVersionError);
    expect(() => pep440Scheme.satisfies('1.0', '~=1')).toThrow(InvalidVersionError);
    expect(() => pep440Scheme.satisfies('1.0', '=>1.0')).toThrow(InvalidVersionError);
  });
});
