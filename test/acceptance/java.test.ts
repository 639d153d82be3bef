import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inspectJavaArchive,
  javaCataloger,
  parseManifest,
  parsePomProperties,
} from '../../src/cataloger/java/index.js';
import type { FileRecord } from '../../src/resolver/file-view.js';
import { memoryFileView } from '../helpers/memory-file-view.js';
import { BROKEN_FIXTURE, PATH_ONLY_FIXTURE, SHARED_FIXTURES, listFiles } from '../helpers/shared-data.js';

const DIR = join(SHARED_FIXTURES, 'java');
const BROKEN = BROKEN_FIXTURE;
const PATH_ONLY = PATH_ONLY_FIXTURE;

describe.skipIf(!existsSync(DIR))('acceptance: java over fixtures/java', () => {
  const files = listFiles(DIR).map((file) => ({ file, rel: relative(DIR, file) }));
  const archives = files.filter(
    (f) =>
      javaCataloger.wantsInspect?.({ path: `/${f.rel}`, size: statSync(f.file).size, mode: 0o644 }) &&
      !PATH_ONLY.test(f.rel),
  );

  it('claims the archives (and leaves gradle lockfiles and JVM release files alone)', () => {
    expect(archives.length).toBeGreaterThan(5);
    expect(
      files.filter((f) => /lockfile|\/release$/.test(f.rel)).some((f) => javaCataloger.wants(`/${f.rel}`)),
    ).toBe(false);
  });

  for (const { file, rel } of archives) {
    it(`${rel}: ${BROKEN.test(rel) ? 'an unknown, no package' : 'packages, no unknowns'}`, async () => {
      const path = `/fixtures/${rel}`;
      const view = memoryFileView([{ path, content: readFileSync(file), layerDigest: 'sha256:fixture' }]);
      const [record] = view.find(() => true) as [FileRecord];
      const inspection = await javaCataloger.inspect?.(record, view.content(record)!);
      const result = await javaCataloger.catalog({
        files: view,
        squashed: view,
        distro: null,
        inspections: new Map([[record, inspection]]),
        packagesSoFar: [],
      });
      if (BROKEN.test(rel)) {
        expect(result.unknowns.length).toBeGreaterThan(0);
        expect(result.unknowns[0]).toMatchObject({ path, layer: 'sha256:fixture', cataloger: 'java' });
        return;
      }
      expect(result.unknowns).toEqual([]);
      expect(result.packages.length).toBeGreaterThan(0);
      for (const pkg of result.packages) {
        expect(pkg.name).not.toBe('');
        expect(pkg.purl).toMatch(/^pkg:maven\/[^/]+\/[^@]+/);
        expect(pkg.locations[0]?.path.startsWith(path)).toBe(true);
      }
    });
  }

  it('nested and shaded fixtures yield their inner packages', async () => {
    const nested = archives.find((f) => f.rel.endsWith('nested.jar'));
    const shaded = archives.find((f) => f.rel.includes('shaded'));
    for (const f of [nested, shaded]) {
      if (!f) continue;
      const finding = await inspectJavaArchive(readFileSync(f.file), `/${f.rel}`);
      expect(finding.nested.length + finding.pomProperties.length).toBeGreaterThan(0);
    }
  });

  const pomFiles = files.filter((f) => f.rel.endsWith('pom.properties'));
  const manifests = files.filter((f) => /MANIFEST\.MF$|(^|\/)manifest\//.test(f.rel));

  it.skipIf(pomFiles.length === 0)('every loose pom.properties gives coordinates', () => {
    for (const f of pomFiles) {
      const props = parsePomProperties(readFileSync(f.file, 'utf8'));
      expect(props, f.rel).toBeDefined();
      expect(props?.artifactId).not.toMatch(/^\s|\s$/);
    }
  });

  it.skipIf(manifests.length === 0)('every loose manifest parses to a main section', () => {
    for (const f of manifests) {
      const manifest = parseManifest(readFileSync(f.file, 'utf8'));
      expect(Object.keys(manifest.main).length, f.rel).toBeGreaterThan(0);
      for (const value of Object.values(manifest.main)) expect(value).not.toMatch(/\n/);
    }
  });
});
