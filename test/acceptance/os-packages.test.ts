import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { apkCataloger } from '../../src/cataloger/apk/index.js';
import { dpkgCataloger } from '../../src/cataloger/dpkg/index.js';
import { readRpmDb, rpmCataloger, rpmEntryOfBlob } from '../../src/cataloger/rpm/index.js';
import type { CatalogResult } from '../../src/cataloger/types.js';
import type { FileRecord } from '../../src/resolver/file-view.js';
import { contextOf } from '../helpers/dpkg-fixtures.js';
import { memoryFileView } from '../helpers/memory-file-view.js';
import { dpkgQueryStatus } from '../oracle/dpkg-query.js';
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

/** One `-- name --` section of a txtar bundle (trivy keeps its dpkg inputs that way). */
function txtarSection(file: string, name: string): string {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`-- ${name} --\n`);
  if (start < 0) throw new Error(`${file} has no section ${name}`);
  const body = text.slice(start + name.length + 7);
  const end = body.search(/^-- .+ --$/m);
  return end < 0 ? body : body.slice(0, end);
}

function hasDpkgQuery(): boolean {
  try {
    execFileSync('dpkg-query', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function catalogDpkgStatus(imagePath: string, content: string): Promise<string[]> {
  const view = memoryFileView([{ path: imagePath, content }]);
  const result = await dpkgCataloger.catalog(contextOf(view, null));
  expect(result.unknowns).toEqual([]);
  return result.packages.map((p) => `${p.name}@${p.version}`).sort();
}

const TRIVY_VALID = path.join(FIXTURES, 'dpkg/trivy/valid.txtar');

describe.skipIf(!existsSync(TRIVY_VALID))('dpkg status files of real images (trivy, syft)', () => {
  // trivy's valid.txtar (Ubuntu 18.04) has 91 paragraphs: 90 "install ok installed" and git
  // "deinstall ok config-files". trivy's own test expects 90. dpkg-query -W lists all 91, but
  // shows git as "rc" (${db:Status-Status} = config-files): git was removed and only its
  // conffiles are left (dpkg(1), package states), so git's binaries are not in the image.
  // Customs reported 91 (it followed dpkg-query -W) and reports 90 now, as trivy does.
  it('valid.txtar: the 90 installed packages, not the removed git', async () => {
    const status = txtarSection(TRIVY_VALID, 'var/lib/dpkg/status');
    const reported = await catalogDpkgStatus('/var/lib/dpkg/status', status);
    expect(reported).toHaveLength(90);
    expect(reported.filter((p) => p.startsWith('git@'))).toEqual([]);
    expect(reported).toContain('fdisk@2.31.1-0.4ubuntu3.1');
    expect(reported).toContain('bsdutils@1:2.31.1-0.4ubuntu3.1');
    const installedParagraphs = status
      .split(/\n\n+/)
      .filter((p) => /^Status: install ok installed$/m.test(p))
      .map((p) => `${/^Package: (.+)$/m.exec(p)?.[1]}@${/^Version: (.+)$/m.exec(p)?.[1]}`)
      .sort();
    expect(reported).toEqual(installedParagraphs);
  });

  it.skipIf(!hasDpkgQuery())('valid.txtar: what dpkg-query shows with files on disk', async () => {
    const status = txtarSection(TRIVY_VALID, 'var/lib/dpkg/status');
    const reported = await catalogDpkgStatus('/var/lib/dpkg/status', status);
    const oracle = dpkgQueryStatus(Buffer.from(status)).map((p) => `${p.name}@${p.version}`);
    expect(reported).toEqual(oracle.sort());
  });

  // syft's distroless status.d entry "deinstall" holds two kernels: one installed, one
  // "deinstall ok config-files"; syft skips the second, and so does Customs.
  const SYFT_DEINSTALL = path.join(FIXTURES, 'dpkg/syft/var/lib/dpkg/status.d/deinstall');
  it.skipIf(!existsSync(SYFT_DEINSTALL))('syft status.d/deinstall: only the installed kernel', async () => {
    const reported = await catalogDpkgStatus(
      '/var/lib/dpkg/status.d/deinstall',
      readFileSync(SYFT_DEINSTALL, 'utf8'),
    );
    expect(reported.map((p) => p.split('@')[0])).toEqual(['linux-image-6.14.0-1012-aws']);
  });
});
