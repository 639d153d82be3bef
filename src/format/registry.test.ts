import { describe, expect, it } from 'vitest';
import { unitFiles, unitFolders } from '../../test/helpers/unit-folders.js';
import { UsageError } from '../errors/index.js';
import type { Sbom } from '../model/sbom.js';
import { SBOM_FORMATS, sbomFormat } from './registry.js';

const sbom: Sbom = {
  schema: 'customs-sbom/1',
  descriptor: { name: 'customs', version: '0.0.0', timestamp: '2026-01-01T00:00:00.000Z' },
  scope: 'squashed',
  source: { type: 'dir', reference: '/x', layers: [] },
  distro: { id: 'debian', versionId: '12' },
  packages: [
    {
      id: 'a',
      name: 'libc6',
      version: '2.36-9+deb12u4',
      type: 'deb',
      locations: [{ path: '/var/lib/dpkg/status' }],
      foundBy: 'dpkg',
    },
  ],
  relationships: [],
  image: null,
  files: [],
  secrets: [],
  users: [],
  groups: [],
  retrievedFiles: [],
  contentMatches: [],
  malware: [],
  unknowns: [],
  warnings: [],
};

describe('format registry', () => {
  it('registers every format folder under its name', () => {
    expect(SBOM_FORMATS.map((f) => f.name).sort()).toEqual(unitFolders('format'));
  });

  it.each(unitFolders('format'))('%s has tests or is exercised here, and encodes a package', (unit) => {
    expect(unitFiles('format', unit).length).toBeGreaterThan(0);
    expect(sbomFormat(unit).encode(sbom)).toContain('libc6');
  });

  it('json round-trips the model', () => {
    expect(JSON.parse(sbomFormat('json').encode(sbom))).toEqual(sbom);
  });

  it('table aligns columns', () => {
    expect(sbomFormat('table').encode(sbom)).toBe(
      'NAME   VERSION         TYPE\nlibc6  2.36-9+deb12u4  deb\n',
    );
  });

  it('refuses an unknown format with the list of known ones', () => {
    expect(() => sbomFormat('yaml')).toThrow(UsageError);
    expect(() => sbomFormat('yaml')).toThrow(/choose from json, table/);
  });
});
