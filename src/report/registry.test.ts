import { describe, expect, it } from 'vitest';
import { unitFiles, unitFolders } from '../../test/helpers/unit-folders.js';
import { REPORT_FORMATS, REPORT_SUPPORT_FOLDERS, reportFormat } from './registry.js';

const formatFolders = (): string[] =>
  unitFolders('report').filter((f) => !REPORT_SUPPORT_FOLDERS.includes(f));

describe('report format registry', () => {
  it('registers every format folder once, under the folder name', () => {
    const names = REPORT_FORMATS.map((f) => f.name);
    expect([...names].sort()).toEqual(formatFolders());
  });

  it.each(formatFolders())('%s has tests', (unit) => {
    expect(unitFiles('report', unit).some((f) => f.endsWith('.test.ts'))).toBe(true);
  });

  it('an unknown name is a usage error listing the names', () => {
    expect(reportFormat('json').name).toBe('json');
    const names = REPORT_FORMATS.map((f) => f.name).join(', ');
    expect(names).toContain('table, json');
    expect(() => reportFormat('xml')).toThrow(`unknown output format "xml" (choose from ${names})`);
  });
});
