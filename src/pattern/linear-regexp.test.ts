import { describe, expect, it } from 'vitest';
import { LinearRegExp, PatternSyntaxError } from './linear-regexp.js';

describe('LinearRegExp', () => {
  it('answers in linear time where RegExp backtracks for ever', () => {
    // /(a+)+$/ on RegExp needs ~2^n steps here (n = 50,000): it would never finish.
    const evil = new LinearRegExp('(a+)+$');
    expect(evil.test(`${'a'.repeat(50_000)}!`)).toBe(false);
    expect(evil.test('aaa')).toBe(true);
    expect(new LinearRegExp('(x+x+)+y').test('x'.repeat(5000))).toBe(false);
  });

  it('behaves as a RegExp for test, exec, matchAll, replace and split', () => {
    const g = new LinearRegExp('(?P<k>ghp_[a-z]{3})', 'gd');
    const all = [...'x ghp_abc y ghp_def'.matchAll(g)];
    expect(all.map((m) => [m.index, m.groups!.k, m.indices!.groups!.k])).toEqual([
      [2, 'ghp_abc', [2, 9]],
      [12, 'ghp_def', [12, 19]],
    ]);
    expect('a1b2c'.replace(new LinearRegExp('\\d', 'g'), '-')).toBe('a-b-c');
    expect('a,b,,c'.split(new LinearRegExp(','))).toEqual(['a', 'b', '', 'c']);
    expect([...'aaa'.matchAll(new LinearRegExp('a*', 'g'))].map((m) => m.index)).toEqual([0, 3]);
    expect('x😀y'.match(new LinearRegExp('y'))!.index).toBe('x😀y'.indexOf('y'));
    expect(String(new LinearRegExp('a/b', 'g'))).toBe('/a/b/g');
    expect(new LinearRegExp('a').source).toBe('a');
  });

  it('keeps the flags: i, m, s, sticky, and inline (?i)', () => {
    expect(new LinearRegExp('ABC', 'i').test('xabc')).toBe(true);
    expect(new LinearRegExp('(?i)ABC').test('xabc')).toBe(true);
    expect(new LinearRegExp('^b', 'm').test('a\nb')).toBe(true);
    expect(new LinearRegExp('^b').test('a\nb')).toBe(false);
    expect(new LinearRegExp('a.b', 's').test('a\nb')).toBe(true);
    const sticky = new LinearRegExp('x', 'y');
    expect(sticky.test('ax')).toBe(false);
    sticky.lastIndex = 1;
    expect(sticky.test('ax')).toBe(true);
    expect(new LinearRegExp('x').matchesAtStart('x1')).toBe(true);
    expect(new LinearRegExp('x').matchesAtStart('ax')).toBe(false);
  });

  it.each([
    ['(a)\\1', /backreferences/],
    ['(?P<k>a)(?P=k)', /backreferences/],
    ['(?<!a)b', /lookahead and lookbehind/],
    ['a(?=b)', /lookahead and lookbehind/],
    ['(', /missing closing \)/],
    ['[z-a]', /invalid character class range/],
    ['a**', /invalid nested repetition operator/],
  ])('refuses %j with a reason', (source, reason) => {
    let error: unknown;
    try {
      new LinearRegExp(source);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PatternSyntaxError);
    expect((error as PatternSyntaxError).message).toMatch(reason);
    expect((error as PatternSyntaxError).message).toContain(JSON.stringify(source));
  });
});
