import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonCataloger } from '../../src/cataloger/python/index.js';
import { rubyCataloger } from '../../src/cataloger/ruby/index.js';
import type { CatalogResult, Cataloger } from '../../src/cataloger/types.js';
import { contextOf } from '../helpers/dpkg-fixtures.js';
import { memoryFileView } from '../helpers/memory-file-view.js';
import { BROKEN_FIXTURE, PATH_ONLY_FIXTURE, SHARED_FIXTURES, listFiles } from '../helpers/shared-data.js';

const FIXTURES = SHARED_FIXTURES;
const BROKEN = BROKEN_FIXTURE;
const PATH_ONLY = PATH_ONLY_FIXTURE;

/**
 * Where a fixture goes in the test image: as it is when the cataloger wants its path, else under
 * the name its format has in a real image (trivy names its samples `poetry_flask.lock`,
 * `normal00.gemspec`, …); undefined for files the cataloger does not claim.
 */
type Placement = (rel: string) => string | undefined;

function asIs(cataloger: Cataloger, rel: string): string | undefined {
  const path = `/fixtures/${rel}`;
  return cataloger.wants(path) ? path : undefined;
}

const placePython: Placement = (rel) => {
  const name = basename(rel);
  const stem = `/fixtures/${rel}`.replace(/\.[^.]+$/, '');
  if (/\.METADATA$/.test(name)) return `${stem}/x.dist-info/METADATA`;
  if (/\.PKG-INFO$/.test(name)) return `${stem}/x.egg-info/PKG-INFO`;
  if (/^poetry.*\.lock$/.test(name)) return `${stem}/poetry.lock`;
  if (/^Pipfile.*\.lock$/.test(name)) return `${stem}/Pipfile.lock`;
  if (/^uv.*\.lock$/.test(name)) return `${stem}/uv.lock`;
  if (/^requirements?.*\.txt$/.test(name)) return `${stem}/requirements.txt`;
  return asIs(pythonCataloger, rel);
};

const placeRuby: Placement = (rel) => {
  const name = basename(rel);
  const stem = `/fixtures/${rel}`.replace(/\.[^.]+$/, '');
  if (name.endsWith('.gemspec') && !rel.includes('specifications/')) return `${stem}/specifications/${name}`;
  if (/^Gemfile.*\.lock$/.test(name) && name !== 'Gemfile.next.lock') return `${stem}/Gemfile.lock`;
  return asIs(rubyCataloger, rel);
};

const AREAS: [string, Cataloger, Placement, RegExp][] = [
  ['python', pythonCataloger, placePython, /^pkg:pypi\//],
  ['ruby', rubyCataloger, placeRuby, /^pkg:gem\//],
];

async function catalogOne(cataloger: Cataloger, path: string, content: Buffer): Promise<CatalogResult> {
  const view = memoryFileView([{ path, content, layerDigest: 'sha256:fixture' }]);
  return cataloger.catalog(contextOf(view, null));
}

for (const [area, cataloger, place, purl] of AREAS) {
  const dir = join(FIXTURES, area);
  describe.skipIf(!existsSync(dir))(`acceptance: ${cataloger.name} over fixtures/${area}`, () => {
    const claimed = listFiles(dir)
      .map((file) => ({ file, rel: relative(dir, file), path: place(relative(dir, file)) }))
      .filter((f): f is { file: string; rel: string; path: string } => f.path !== undefined);

    it('claims some fixtures', () => {
      expect(claimed.length).toBeGreaterThan(0);
    });

    it.each(claimed.map((c) => [c.rel, c] as const))('%s parses', async (_rel, fixture) => {
      const result = await catalogOne(cataloger, fixture.path, readFileSync(fixture.file));
      expect(cataloger.wants(fixture.path)).toBe(true);
      if (BROKEN.test(fixture.rel) || PATH_ONLY.test(fixture.rel)) return;
      expect(result.unknowns).toEqual([]);
      for (const pkg of result.packages) {
        expect(pkg.name).not.toBe('');
        expect(pkg.purl).toMatch(purl);
        expect(pkg.locations[0]?.path).toBe(fixture.path);
      }
    });

    it('finds packages in the fixtures overall', async () => {
      let total = 0;
      for (const fixture of claimed) {
        total += (await catalogOne(cataloger, fixture.path, readFileSync(fixture.file))).packages.length;
      }
      expect(total).toBeGreaterThan(claimed.length / 2);
    });
  });
}
