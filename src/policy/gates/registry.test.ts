import { describe, expect, it } from 'vitest';
import { unitFiles, unitFolders } from '../../../test/helpers/unit-folders.js';
import { EOL_GATES } from './eol-gates.js';
import { GATES, gateByName } from './registry.js';

/** Gate names use `_` (Anchore's spelling); their folders use `-` (kebab-case files). */
const folderOf = (gateName: string): string => gateName.replaceAll('_', '-');

const gateFolders = (): string[] => unitFolders('policy/gates');
const activeGates = GATES.filter((g) => g.state !== 'eol');

describe('gate registry', () => {
  it('registers every gate folder once, under the folder name', () => {
    expect(activeGates.map((g) => folderOf(g.name)).sort()).toEqual(gateFolders());
  });

  it('has no two gates with the same name, whatever the case', () => {
    const names = GATES.map((g) => g.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(gateFolders())('%s has index.ts and tests', (folder) => {
    const files = unitFiles('policy/gates', folder);
    expect(files).toContain('index.ts');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(true);
  });

  it.each(activeGates.map((g) => [g.name, g] as const))('%s: triggers described, params typed', (_, gate) => {
    expect(gate.description.trim()).not.toBe('');
    expect(gate.triggers.length).toBeGreaterThan(0);
    const triggerNames = gate.triggers.map((t) => t.name.toLowerCase());
    expect(new Set(triggerNames).size).toBe(triggerNames.length);
    for (const trigger of gate.triggers) {
      expect(trigger.description.trim(), `${gate.name}/${trigger.name}`).not.toBe('');
      for (const param of trigger.params) {
        const where = `${gate.name}/${trigger.name}/${param.name}`;
        expect(param.type, where).toMatch(/^(str|enum|bool|int|float|csv|csv-int|regex|octal|size)$/);
        expect(param.description.trim(), where).not.toBe('');
        if (param.type === 'enum') expect(param.values?.length, where).toBeGreaterThan(0);
        if (param.default !== undefined && param.values) expect(param.values, where).toContain(param.default);
      }
    }
  });

  it('lists the fourteen end-of-life gates of Anchore 1_0 with no triggers', () => {
    expect(EOL_GATES.map((g) => g.name)).toEqual([
      'anchoresec',
      'pkgcheck',
      'pkgblacklist',
      'pkgdiff',
      'dockerfilecheck',
      'filecheck',
      'fileparse_passwd',
      'gemcheck',
      'npmcheck',
      'metadatacheck',
      'licblacklist',
      'secretcheck',
      'suiddiff',
      'imagecheck',
    ]);
    for (const gate of EOL_GATES) {
      expect(gate.state).toBe('eol');
      expect(gate.triggers).toEqual([]);
    }
  });

  it('finds gates case-insensitively and nothing for unknown names', () => {
    expect(gateByName('VULNERABILITIES')?.name).toBe('vulnerabilities');
    expect(gateByName('Passwd_File')?.name).toBe('passwd_file');
    expect(gateByName('DOCKERFILECHECK')?.state).toBe('eol');
    expect(gateByName('passwd-file')).toBeUndefined();
    expect(gateByName('nosuchgate')).toBeUndefined();
  });
});
