import { describe, expect, it } from 'vitest';
import { parseDeb822 } from './deb822.js';

function fields(text: string): Array<Record<string, string>> {
  return parseDeb822(text).paragraphs.map((p) => Object.fromEntries(p.fields));
}

describe('parseDeb822', () => {
  it('splits paragraphs and lower-cases field names', () => {
    expect(fields('Package: a\nVersion: 1\n\nPackage: b\nversion: 2\n')).toEqual([
      { package: 'a', version: '1' },
      { package: 'b', version: '2' },
    ]);
  });

  it('joins continuation lines, with " ." as an empty line', () => {
    const text = 'Package: a\nDescription: short\n long line one\n .\n\tline two\nVersion: 1\n';
    expect(fields(text)).toEqual([
      { package: 'a', description: 'short\nlong line one\n\nline two', version: '1' },
    ]);
  });

  it('tolerates CRLF, a missing final newline and several blank lines', () => {
    expect(fields('Package: a\r\nVersion: 1\r\n\r\n\r\n  \r\nPackage: b\r\nVersion: 2')).toEqual([
      { package: 'a', version: '1' },
      { package: 'b', version: '2' },
    ]);
  });

  it('keeps values with colons and empty values', () => {
    expect(fields('Version: 1:2.36-9\nConffiles:\n /etc/a 0123\n')).toEqual([
      { version: '1:2.36-9', conffiles: '\n/etc/a 0123' },
    ]);
  });

  it('records malformed lines with their line numbers and keeps going', () => {
    const doc = parseDeb822(
      'Package: a\nthis is junk\nVersion: 1\n\n continuation without field\nPackage: b\n',
    );
    expect(doc.isDeb822).toBe(true);
    expect(doc.paragraphs.map((p) => [p.line, p.malformed])).toEqual([
      [1, [2]],
      [5, [5]],
    ]);
    expect(doc.paragraphs[1]?.fields.get('package')).toBe('b');
  });

  it('keeps the first of duplicate fields and flags the second', () => {
    const doc = parseDeb822('Package: a\nPackage: b\n');
    expect(doc.paragraphs[0]?.fields.get('package')).toBe('a');
    expect(doc.paragraphs[0]?.malformed).toEqual([2]);
  });

  it.each([
    ['empty', ''],
    ['blank lines', '\n\n  \n'],
  ])('%s text has no paragraphs', (_label, text) => {
    expect(parseDeb822(text)).toEqual({ paragraphs: [], isDeb822: false });
  });

  it.each([
    ['binary', 'Package: a\u0000\u0001\u0002'],
    ['prose', 'hello world\nthis is not a control file\n'],
    ['json', '{"Package": "a"}'],
  ])('%s is not deb822', (_label, text) => {
    expect(parseDeb822(text).isDeb822).toBe(false);
  });
});
