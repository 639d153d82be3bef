import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goBinaryCataloger } from '../../src/cataloger/golang/index.js';
import { rustCataloger } from '../../src/cataloger/rust/index.js';
import type { CatalogResult, Cataloger } from '../../src/cataloger/types.js';
import { contextOf } from '../helpers/dpkg-fixtures.js';
import { memoryImage, type MemoryFileSpec } from '../helpers/memory-file-view.js';
import { BROKEN_FIXTURE, PATH_ONLY_FIXTURE, SHARED_FIXTURES, listFiles } from '../helpers/shared-data.js';

const FIXTURES = SHARED_FIXTURES;
const BROKEN = BROKEN_FIXTURE;
const PATH_ONLY = PATH_ONLY_FIXTURE;

/** Runs a cataloger over one file as the streaming pass would: kept content and inspection. */
async function run(cataloger: Cataloger, path: string, content: Buffer): Promise<CatalogResult> {
  const image = memoryImage([{ path, content, mode: 0o755 } satisfies MemoryFileSpec]);
  const inspections = new Map<never, unknown>();
  for (const record of image.allLayers.find(() => true)) {
    if (!cataloger.wantsInspect?.({ path, size: content.length, mode: record.mode })) continue;
    const result = await cataloger.inspect?.(record, content);
    if (result !== undefined) inspections.set(record as never, result);
  }
  return cataloger.catalog({ ...contextOf(image.allLayers, null), inspections });
}

/** trivy and syft name their lock samples `cargo_v3.lock`, `Cargo.lock-with-git-deps`: placed as `Cargo.lock`. */
function rustPlacement(rel: string): string | undefined {
  const name = basename(rel);
  if (name === 'Cargo.lock' || /^cargo_.*\.lock$/.test(name) || name.startsWith('Cargo.lock-'))
    return `/fixtures/${dirname(rel)}/${name.replace(/[^A-Za-z0-9]/g, '_')}/Cargo.lock`;
  return undefined;
}

const rustDir = join(FIXTURES, 'rust');
const goDir = join(FIXTURES, 'golang');

describe.skipIf(!existsSync(rustDir))('rust fixtures (../shared/data/fixtures/rust)', () => {
  const files = listFiles(rustDir)
    .map((file) => ({ file, rel: relative(rustDir, file) }))
    .filter(({ rel }) => !PATH_ONLY.test(rel) && rustPlacement(rel) !== undefined);

  it('claims the lock files', () => expect(files.length).toBeGreaterThan(5));

  it.each(files)('$rel', async ({ file, rel }) => {
    const place = rustPlacement(rel) as string;
    expect(rustCataloger.wants(place)).toBe(true);
    const result = await run(rustCataloger, place, readFileSync(file));
    if (BROKEN.test(rel)) {
      expect(result.unknowns.length).toBeGreaterThan(0);
      return;
    }
    expect(result.unknowns).toEqual([]);
    const text = readFileSync(file, 'utf8');
    const registryOrGit = text.match(/^source = "(registry|sparse|git)\+/gm)?.length ?? 0;
    expect(result.packages.length).toBeGreaterThan(0);
    expect(result.packages.length).toBeLessThanOrEqual(registryOrGit);
    for (const pkg of result.packages) expect(pkg.purl).toBe(`pkg:cargo/${pkg.name}@${pkg.version}`);
  });
});

describe.skipIf(!existsSync(goDir))('golang fixtures (../shared/data/fixtures/golang)', () => {
  const files = listFiles(goDir).map((file) => ({ file, rel: relative(goDir, file) }));

  it.each(files)('$rel is not claimed as a Go binary and leaves no unknown', async ({ file }) => {
    const result = await run(goBinaryCataloger, `/fixtures/${basename(file)}`, readFileSync(file));
    expect(goBinaryCataloger.wants(`/fixtures/${basename(file)}`)).toBe(false);
    expect(result.unknowns).toEqual([]);
    expect(result.packages).toEqual([]);
  });
});
