import { describe, expect, it } from 'vitest';
import { unitFiles, unitFolders } from '../../test/helpers/unit-folders.js';
import { CATALOGER_FOLDERS, CATALOGER_NAMES, READER_FOLDERS, createCatalogers } from './registry.js';

describe('cataloger registry', () => {
  it('registers every cataloger folder once, under the folder name', () => {
    const expected = unitFolders('cataloger')
      .filter((folder) => !READER_FOLDERS.includes(folder))
      .map((folder) => CATALOGER_FOLDERS[folder] ?? folder)
      .sort();
    expect([...CATALOGER_NAMES].sort()).toEqual(expected);
    expect(new Set(CATALOGER_NAMES).size).toBe(CATALOGER_NAMES.length);
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
    for (const c of createCatalogers({ malware: true }))
      expect(c.wants('/usr/share/doc/nothing-here.txt')).toBe(false);
  });

  it('exports names, not instances: each analysis gets catalogers of its own', () => {
    expect(Object.isFrozen(CATALOGER_NAMES)).toBe(true);
    const first = createCatalogers({ malware: true });
    const second = createCatalogers({ malware: true });
    // Stateful catalogers (the malware batch, the user's rules) are never the same object twice.
    for (const name of ['malware', 'secrets', 'files', 'passwd']) {
      const a = first.find((c) => c.name === name);
      const b = second.find((c) => c.name === name);
      expect(a, name).toBeDefined();
      expect(a).not.toBe(b);
    }
  });
});
