import { describe, expect, it } from 'vitest';
import { unitFiles, unitFolders } from '../../test/helpers/unit-folders.js';
import { CATALOGERS, CATALOGER_FOLDERS, READER_FOLDERS, createCatalogers } from './registry.js';

describe('cataloger registry', () => {
  it('registers every cataloger folder once, under the folder name', () => {
    const expected = unitFolders('cataloger')
      .filter((folder) => !READER_FOLDERS.includes(folder))
      .map((folder) => CATALOGER_FOLDERS[folder] ?? folder)
      .sort();
    expect(CATALOGERS.map((c) => c.name).sort()).toEqual(expected);
    expect(new Set(CATALOGERS.map((c) => c.name)).size).toBe(CATALOGERS.length);
  });

  it('runs OS catalogers first and optional analyzers only when asked', () => {
    const names = createCatalogers().map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(['dpkg', 'apk', 'rpm']);
    expect(names).toContain('secrets');
    expect(names).not.toContain('malware');
    const quiet = createCatalogers({ secrets: { enabled: false }, malware: true }).map((c) => c.name);
    expect(quiet).not.toContain('secrets');
    expect(quiet).toContain('malware');
  });

  it.each(unitFolders('cataloger'))('%s has an index and tests', (unit) => {
    const files = unitFiles('cataloger', unit);
    expect(files).toContain('index.ts');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(true);
  });

  it('every cataloger answers wants() cheaply for unrelated paths', () => {
    for (const c of CATALOGERS) expect(c.wants('/usr/share/doc/nothing-here.txt')).toBe(false);
  });
});
