import { describe, expect, it } from 'vitest';
import { UnsafePathError } from '../errors/index.js';
import { normalizeEntryPath, resolveInside } from './path.js';

describe('normalizeEntryPath', () => {
  it.each([
    ['./etc/passwd', '/etc/passwd'],
    ['etc/', '/etc'],
    ['/usr//lib/./x', '/usr/lib/x'],
    ['a/b/../c', '/a/c'],
    ['./', '/'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeEntryPath(input, 'layer 1')).toBe(expected);
  });

  it.each(['../etc/passwd', 'a/../../etc/shadow', './../x'])('refuses %s', (input) => {
    expect(() => normalizeEntryPath(input, 'layer 1/1 (sha256:abc)')).toThrow(UnsafePathError);
    expect(() => normalizeEntryPath(input, 'layer 1/1 (sha256:abc)')).toThrow(
      /layer 1\/1.*outside the image root/,
    );
  });
});

describe('resolveInside', () => {
  it.each([
    ['/etc', '../usr/lib/os-release', '/usr/lib/os-release'],
    ['/etc', '/usr/lib/os-release', '/usr/lib/os-release'],
    ['/etc', '../../../../../../etc/shadow', '/etc/shadow'],
    ['/', '..', '/'],
    ['/a/b', './c/../d', '/a/b/d'],
  ])('%s + %s → %s (never above the root)', (dir, target, expected) => {
    expect(resolveInside(dir, target)).toBe(expected);
  });
});
