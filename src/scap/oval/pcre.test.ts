import { describe, expect, it } from 'vitest';
import { compilePcre } from './pcre.js';

describe('compilePcre', () => {
  it('translates POSIX bracket classes', () => {
    const re = compilePcre('^[[:space:]]*PermitRootLogin[[:space:]]+no[[:space:]]*$');
    expect(re.test('  PermitRootLogin  no ')).toBe(true);
    expect(re.test('PermitRootLoginno')).toBe(false);
  });

  it('keeps a negated class with a POSIX class inside', () => {
    const re = compilePcre('^[^[:space:]#]+$');
    expect(re.test('abc')).toBe(true);
    expect(re.test('a c')).toBe(false);
    expect(re.test('#c')).toBe(false);
  });

  it('reads a leading (?i) as the i flag', () => {
    expect(compilePcre('(?i)^yes$').test('YES')).toBe(true);
    expect(compilePcre('^yes$').test('YES')).toBe(false);
  });

  it('makes letters between (?i) and (?-i) match either case', () => {
    const re = compilePcre('^[\\s]*(?i)FAIL_DELAY(?-i)[\\s]+([^#\\s]*)');
    expect(re.test('fail_delay 4')).toBe(true);
    expect(re.exec('Fail_Delay 4')?.[1]).toBe('4');
    expect(compilePcre('(?i)a(?-i)b').test('Ab')).toBe(true);
    expect(compilePcre('(?i)a(?-i)b').test('AB')).toBe(false);
  });

  it('anchors \\A and \\z at the whole text even in multiline mode', () => {
    const re = compilePcre('\\Aa$', { multiline: true });
    expect(re.test('a\nb')).toBe(true);
    expect(compilePcre('\\Ab$', { multiline: true }).test('a\nb')).toBe(false);
    expect(compilePcre('a\\z').test('a\n')).toBe(false);
    expect(compilePcre('a\\Z').test('a\n')).toBe(true);
  });

  it('lets `]` first in a class be a literal', () => {
    expect(compilePcre('^[]a]+$').test(']a]')).toBe(true);
  });

  it('throws on a pattern that does not compile', () => {
    expect(() => compilePcre('(unclosed')).toThrow();
  });
});
