import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../gates/types.js';
import { compileRegex } from './compile-regex.js';
import { convertValue } from './convert-value.js';

const spec = (type: ParamSpec['type'], extra: Partial<ParamSpec> = {}): ParamSpec => ({
  name: 'p',
  type,
  description: 'a parameter',
  ...extra,
});

describe('convertValue', () => {
  it.each([
    ['str', ' as is ', ' as is '],
    ['bool', 'true', true],
    ['bool', 'FALSE', false],
    ['bool', 'True', true],
    ['int', '42', 42],
    ['int', '-3', -3],
    ['int', ' 7 ', 7],
    ['float', '7.5', 7.5],
    ['float', '9', 9],
    ['float', '.5', 0.5],
    ['float', '1e2', 100],
    ['csv', 'root, admin ,daemon', ['root', 'admin', 'daemon']],
    ['csv', 'a|b,c', ['a', 'b', 'c']],
    ['csv', 'a,,b,', ['a', 'b']],
    ['csv-int', '22, 80|443', [22, 80, 443]],
    ['octal', '4755', 0o4755],
    ['octal', '0644', 0o644],
    ['size', '512', 512],
    ['size', '300kb', 300 * 1024],
    ['size', '2gb', 2 * 1024 ** 3],
    ['size', '2GB', 2 * 1024 ** 3],
    ['size', '1tb', 1024 ** 4],
    ['size', '5 mb', 5 * 1024 ** 2],
  ] as const)('%s %j → %j', (type, raw, expected) => {
    expect(convertValue(spec(type), raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['bool', 'yes', 'true or false'],
    ['bool', '1', 'true or false'],
    ['int', '4.2', 'integer'],
    ['int', '12abc', 'integer'],
    ['int', '', 'integer'],
    ['int', '99999999999999999999', 'integer'],
    ['float', 'high', 'number'],
    ['float', '1.2.3', 'number'],
    ['csv-int', '22,ssh', '"ssh" is not one'],
    ['octal', '0789', 'octal'],
    ['octal', 'rwxr-xr-x', 'octal'],
    ['size', '2 gigabytes', 'size'],
    ['size', '1.5gb', 'size'],
    ['size', '-1kb', 'size'],
    ['regex', '(unclosed', 'regular expression'],
    ['regex', '[a-', 'regular expression'],
  ] as const)('%s %j is rejected (%s)', (type, raw, fragment) => {
    const result = convertValue(spec(type), raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it('matches enums exactly, case included', () => {
    const severity = spec('enum', { values: ['low', 'high'] });
    expect(convertValue(severity, 'high')).toEqual({ ok: true, value: 'high' });
    const upper = convertValue(severity, 'HIGH');
    expect(upper).toEqual({ ok: false, message: 'must be one of low, high (exact case)' });
    expect(convertValue(severity, 'high ').ok).toBe(false);
  });

  it('requires at least one item in a required list', () => {
    expect(convertValue(spec('csv', { required: true }), ' , ').ok).toBe(false);
    expect(convertValue(spec('csv'), '')).toEqual({ ok: true, value: [] });
    expect(convertValue(spec('csv-int', { required: true }), '').ok).toBe(false);
  });

  it('compiles regexes to RegExp values', () => {
    const result = convertValue(spec('regex'), '^/etc/.*\\.conf$');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toBeInstanceOf(RegExp);
      expect((result.value as RegExp).test('/etc/app.conf')).toBe(true);
      expect((result.value as RegExp).test('/etc/appconf')).toBe(false);
    }
  });
});

describe('compileRegex', () => {
  it('takes Python inline flags and named groups as they are', () => {
    const flagged = compileRegex('(?i)password');
    expect(flagged.ok && flagged.regex.test('PASSWORD=x')).toBe(true);
    const named = compileRegex('(?P<key>[A-Z]+)=(?P<value>[A-Z]+)');
    expect(named.ok && named.regex.exec('AB=CD')?.groups).toEqual({ key: 'AB', value: 'CD' });
  });

  it('refuses what a linear-time engine cannot run, saying so', () => {
    expect(compileRegex('(?P<key>[A-Z]+)=(?P=key)')).toEqual({
      ok: false,
      message: expect.stringMatching(/^not a valid regular expression: backreferences .* not supported/),
    });
    expect(compileRegex('(?<!x)y')).toEqual({
      ok: false,
      message: expect.stringMatching(/lookahead and lookbehind .* not supported/),
    });
  });

  it('runs a pattern that backtracks catastrophically on RegExp in linear time', () => {
    const compiled = compileRegex('(a+)+$');
    expect(compiled.ok).toBe(true);
    // On RegExp this takes longer than the test's timeout (2^40 steps); here it is immediate.
    expect(compiled.ok && compiled.regex.test(`${'a'.repeat(40)}!`)).toBe(false);
    expect(compiled.ok && compiled.regex.test('aaaa')).toBe(true);
  });

  it('reports why a pattern does not compile', () => {
    const result = compileRegex('a(b');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^not a valid regular expression: /);
  });
});
