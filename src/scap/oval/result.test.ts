import { describe, expect, it } from 'vitest';
import { applyCheck, combine, negateResult } from './result.js';

describe('OVAL operators', () => {
  it.each([
    ['AND', ['true', 'true'], 'true'],
    ['AND', ['true', 'false'], 'false'],
    ['AND', ['true', 'error'], 'error'],
    ['AND', ['false', 'error'], 'false'],
    ['AND', ['true', 'not evaluated'], 'not evaluated'],
    ['OR', ['false', 'true'], 'true'],
    ['OR', ['false', 'false'], 'false'],
    ['OR', ['false', 'not evaluated'], 'not evaluated'],
    ['OR', ['true', 'error'], 'true'],
    ['ONE', ['true', 'false'], 'true'],
    ['ONE', ['true', 'true'], 'false'],
    ['ONE', ['false', 'false'], 'false'],
    ['XOR', ['true', 'true', 'true'], 'true'],
    ['XOR', ['true', 'true'], 'false'],
    ['AND', ['not applicable', 'true'], 'true'],
    ['AND', ['not applicable'], 'not applicable'],
  ] as const)('%s of %j is %s', (op, results, expected) => {
    expect(combine(op, results)).toBe(expected);
  });

  it('negates only true and false', () => {
    expect(negateResult('true', true)).toBe('false');
    expect(negateResult('false', true)).toBe('true');
    expect(negateResult('error', true)).toBe('error');
    expect(negateResult('true', false)).toBe('true');
  });

  it.each([
    ['all', ['true', 'true'], 'true'],
    ['all', ['true', 'false'], 'false'],
    ['at least one', ['false', 'true'], 'true'],
    ['at least one', ['false', 'false'], 'false'],
    ['none satisfy', ['false', 'false'], 'true'],
    ['none satisfy', ['false', 'true'], 'false'],
    ['only one', ['true', 'false'], 'true'],
    ['only one', ['true', 'true'], 'false'],
  ] as const)('check %s of %j is %s', (check, results, expected) => {
    expect(applyCheck(check, results)).toBe(expected);
  });
});
