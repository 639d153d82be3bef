import { describe, expect, it } from 'vitest';
import { normalizePackageName } from './names.js';

describe('normalizePackageName', () => {
  it.each([
    ['pypi', 'Zope.Interface', 'zope-interface'],
    ['pypi', 'typing__extensions', 'typing-extensions'],
    ['packagist', 'Symfony/HTTP-Kernel', 'symfony/http-kernel'],
    ['nuget', 'Newtonsoft.Json', 'newtonsoft.json'],
    ['npm', '@Scope/Name', '@Scope/Name'],
    ['debian:12', ' glibc ', 'glibc'],
  ])('%s %s → %s', (namespace, name, expected) => {
    expect(normalizePackageName(namespace, name)).toBe(expected);
  });
});
