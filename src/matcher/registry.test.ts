import { describe, expect, it } from 'vitest';
import { unitFiles, unitFolders } from '../../test/helpers/unit-folders.js';
import { MATCHERS, MATCHER_SUPPORT_FOLDERS } from './registry.js';

describe('matcher registry', () => {
  it('registers every matcher folder once, under the folder name', () => {
    const expected = unitFolders('matcher').filter((f) => !MATCHER_SUPPORT_FOLDERS.includes(f));
    expect(MATCHERS.map((m) => m.name).sort()).toEqual(expected);
    expect(new Set(MATCHERS.map((m) => m.name)).size).toBe(MATCHERS.length);
  });

  it('puts os-owned before the language matcher (distro data wins for owned packages)', () => {
    const names = MATCHERS.map((m) => m.name);
    expect(names.indexOf('os-owned')).toBeLessThan(names.indexOf('language'));
  });

  it.each(unitFolders('matcher'))('%s has an index and tests', (unit) => {
    const files = unitFiles('matcher', unit);
    expect(files).toContain('index.ts');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(true);
  });
});
