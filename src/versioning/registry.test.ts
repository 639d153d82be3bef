import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/index.js';
import { unitFiles, unitFolders } from '../../test/helpers/unit-folders.js';
import { VERSION_SCHEMES, versionScheme } from './registry.js';

describe('version scheme registry', () => {
  it('registers every scheme folder once, under the folder name', () => {
    expect(VERSION_SCHEMES.map((s) => s.name).sort()).toEqual(unitFolders('versioning'));
    expect(new Set(VERSION_SCHEMES.map((s) => s.name)).size).toBe(VERSION_SCHEMES.length);
  });

  it.each(unitFolders('versioning'))('%s has an index and tests', (unit) => {
    const files = unitFiles('versioning', unit);
    expect(files).toContain('index.ts');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(true);
  });

  it('finds a scheme by name and names the known ones when asked for another', () => {
    expect(versionScheme('pep440').name).toBe('pep440');
    expect(() => versionScheme('cobol')).toThrow(UsageError);
    expect(() => versionScheme('cobol')).toThrow(/semver.*pep440.*gem/);
  });
});
