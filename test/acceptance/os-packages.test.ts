import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { apkCataloger } from '../../src/cataloger/apk/index.js';
import { readRpmDb, rpmCataloger, rpmEntryOfBlob } from '../../src/cataloger/rpm/index.js';
import type { CatalogResult } from '../../src/cataloger/types.js';
import type { FileRecord } from '../../src/resolver/file-view.js';
import { memoryFileView } from '../helpers/memory-file-view.js';
import { BROKEN_FIXTURE, SHARED_FIXTURES, listFiles } from '../helpers/shared-data.js';

const FIXTURES = SHARED_FIXTURES;
const BROKEN = BROKEN_FIXTURE;

const walk = listFiles;

/**
 * Some syft "glob-paths" fixtures are placeholders whose content starts with `bogus`, made to
 * test path selection only: the cataloger claims them and must report them as unknowns, not
 * crash. Others are empty files: an empty database, no packages and nothing unknown.
 */
function isPlaceholder(file: string): boolean {
  return readFileSync(file).toString('latin1').startsWith('bogus');
}

function isEmpty(file: string): boolean {
  return statSync(file).size === 0;
}

async function catalogRpmFile(file: string): Promise<CatalogResult> {
  const imagePath = `/var/lib/rpm/${path.basename(file)}`;
  const view = memoryFileView([{ path: imagePath, content: readFileSync(file) }]);
  const record = view.lookup(imagePath) as FileRecord;
  const inspected = rpmCataloger.inspect?.(record, readFileSync(file));
  const inspections = new Map<FileRecord, unknown>([[record, await inspected]]);
  return rpmCataloger.catalog({ files: view, squashed: view, distro: null, inspections, packagesSoFar: [] });
}

const RPM_DB_NAMES = new Set(['Packages', 'Packages.db', 'rpmdb.sqlite']);
const rpmFiles = [...walk(path.join(FIXTURES, 'rpmdb')), ...walk(path.join(FIXTURES, 'rpm-other'))].filter(
  (f) => RPM_DB_NAMES.has(path.basename(f)),
);

describe.skipIf(!existsSync(path.join(FIXTURES, 'rpmdb')))('rpm databases of real images', () => {
  it.each(rpmFiles.map((f) => [path.relative(FIXTURES, f), f]))('%s', async (_label, file) => {
    const result = await catalogRpmFile(file);
    if (BROKEN.test(file) || isPlaceholder(file)) {
      expect(result.unknowns.length).toBeGreaterThan(0);
      expect(result.unknowns[0]).toMatchObject({
        path: '/var/lib/rpm/' + path.basename(file),
        cataloger: 'rpm',
      });
      return;
    }
    expect(result.unknowns).toEqual([]);
    if (isEmpty(file)) {
      expect(result.packages).toEqual([]);
      return;
    }
    expect(result.packages.length).toBeGreaterThan(0);
    for (const pkg of result.packages) {
      expect(pkg.name).toMatch(/^[\w.+-]+$/);
      expect(pkg.version).toMatch(/^(\d+:)?[^:\s]+$/);
      expect(pkg.purl).toMatch(/^pkg:rpm\//);
    }
    const formats = readRpmDb(readFileSync(file)).format;
    expect(['sqlite', 'bdb', 'ndb']).toContain(formats);
  });

  it('reads the lone header blob', () => {
    const blob = path.join(FIXTURES, 'rpmdb/header-blob/blob.bin');
    const entry = rpmEntryOfBlob(readFileSync(blob));
    expect(entry.name).not.toBe('');
    expect(entry.version).not.toBe('');
    expect(entry.files.length).toBeGreaterThan(0);
  });
});

const apkFiles = walk(path.join(FIXTURES, 'apk'));

describe.skipIf(!existsSync(path.join(FIXTURES, 'apk')))('apk databases of real images', () => {
  it.each(apkFiles.map((f) => [path.relative(FIXTURES, f), f]))('%s', async (label, file) => {
    const view = memoryFileView([{ path: '/lib/apk/db/installed', content: readFileSync(file) }]);
    const result = await apkCataloger.catalog({
      files: view,
      squashed: view,
      distro: { id: 'alpine', versionId: '3.19.1' },
      inspections: new Map(),
      packagesSoFar: [],
    });
    if (BROKEN.test(label) || isPlaceholder(file)) {
      expect(result.unknowns.length).toBeGreaterThan(0);
      return;
    }
    // trivy's fixture holds one deliberately invalid record (`P:invalidPackageWithoutAVersion`).
    const unexpected = result.unknowns.filter((u) => !u.message.includes('invalidPackageWithoutAVersion'));
    expect(unexpected).toEqual([]);
    const records = (readFileSync(file, 'utf8').match(/^V:/gm) ?? []).length;
    expect(result.packages.length).toBe(records);
    for (const pkg of result.packages) expect(pkg.purl).toMatch(/^pkg:apk\/alpine\/.+distro=alpine-3\.19\.1/);
  });
});
