import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotnetCataloger } from '../../src/cataloger/dotnet/index.js';
import { npmCataloger } from '../../src/cataloger/npm/index.js';
import { phpCataloger } from '../../src/cataloger/php/index.js';
import type { CatalogResult, Cataloger } from '../../src/cataloger/types.js';
import { contextOf } from '../helpers/dpkg-fixtures.js';
import { memoryFileView } from '../helpers/memory-file-view.js';
import { BROKEN_FIXTURE, PATH_ONLY_FIXTURE, SHARED_FIXTURES, listFiles } from '../helpers/shared-data.js';

const FIXTURES = SHARED_FIXTURES;
const BROKEN = BROKEN_FIXTURE;
const PATH_ONLY = PATH_ONLY_FIXTURE;

/**
 * Where a fixture goes inside the test image: as it is when the cataloger wants its path, else
 * under the name its format has in a real project (trivy names its samples `yarn_happy.lock`,
 * `package-lock_v3.json`, …); undefined for files the cataloger does not claim.
 */
type Placement = (rel: string) => string | undefined;

function asIs(cataloger: Cataloger, rel: string): string | undefined {
  const path = `/fixtures/${rel}`;
  return cataloger.wants(path) ? path : undefined;
}

const placeNpm: Placement = (rel) => {
  const name = basename(rel);
  const stem = `/fixtures/${rel}`.replace(/\.[^.]+$/, '');
  if (/(^|\/)(pkg-json|packagejson)\//.test(rel) && name.endsWith('.json')) {
    return `${stem}/node_modules/pkg/package.json`;
  }
  if (rel.includes('/node_modules/')) return asIs(npmCataloger, rel);
  if (name === 'package.json') return undefined; // an app's own manifest is not a package
  if (/package-lock.*\.json$/.test(name)) return `${stem}/package-lock.json`;
  if (/^yarn.*\.lock$/.test(name)) return `${stem}/yarn.lock`;
  if (/^pnpm-lock.*\.yaml$/.test(name)) return `${stem}/pnpm-lock.yaml`;
  return asIs(npmCataloger, rel);
};

const placePhp: Placement = (rel) => {
  const name = basename(rel);
  const stem = `/fixtures/${rel}`.replace(/\.[^.]+$/, '');
  if (name === 'installed.json') return `/fixtures/${dirname(rel)}/vendor/composer/installed.json`;
  if (/^composer.*\.lock$/.test(name)) return `${stem}/composer.lock`;
  return asIs(phpCataloger, rel);
};

const placeDotnet: Placement = (rel) => asIs(dotnetCataloger, rel);

const AREAS: [string, Cataloger, Placement][] = [
  ['javascript', npmCataloger, placeNpm],
  ['php', phpCataloger, placePhp],
  ['dotnet', dotnetCataloger, placeDotnet],
];

async function catalogOne(cataloger: Cataloger, path: string, content: Buffer): Promise<CatalogResult> {
  const view = memoryFileView([{ path, content, layerDigest: 'sha256:fixture' }]);
  return cataloger.catalog(contextOf(view, null));
}

for (const [area, cataloger, place] of AREAS) {
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
        expect(pkg.version).not.toBe('');
        expect(pkg.purl).toMatch(/^pkg:(npm|composer|nuget)\//);
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

/** name@version and whether it is marked dev, for every package of one fixture. */
async function devMarks(cataloger: Cataloger, path: string, file: string): Promise<string[]> {
  const result = await catalogOne(cataloger, path, readFileSync(file));
  expect(result.unknowns).toEqual([]);
  return result.packages.map((p) => `${p.name}@${p.version}${p.metadata?.dev === true ? ' dev' : ''}`).sort();
}

const SYFT_COMPOSER_LOCK = join(FIXTURES, 'php/syft/composer.lock');
const TRIVY_COMPOSER_LOCK = join(FIXTURES, 'php/trivy/composer/composer_happy.lock');

describe.skipIf(!existsSync(SYFT_COMPOSER_LOCK))('composer.lock: packages-dev counted and marked', () => {
  // syft's test expects 2 packages from this lock: syft's parser reads only `packages`
  // (its own source asks in a TODO whether leaving out `packages-dev` was on purpose; syft
  // issue #773 is open about it), and trivy leaves dev packages out unless --include-dev-deps.
  // Composer itself installs both sections: `composer install` installs require-dev unless
  // --no-dev is given, and a lock file alone cannot tell which way an image was built. So
  // Customs reports all four and marks the two from `packages-dev` with metadata.dev (in the
  // native JSON), as it does for npm and Python dev packages.
  it('syft composer.lock: 2 packages and 2 packages-dev (syft expects 2)', async () => {
    expect(await devMarks(phpCataloger, '/app/composer.lock', SYFT_COMPOSER_LOCK)).toEqual([
      'adoy/fastcgi-client@1.0.2',
      'alcaeus/mongo-php-adapter@1.1.11',
      'behat/gherkin@v4.6.2 dev',
      'codeception/codeception@4.1.6 dev',
    ]);
  });

  it.skipIf(!existsSync(TRIVY_COMPOSER_LOCK))(
    'trivy composer_happy.lock: 8 packages and 2 packages-dev (trivy reports the 8 by default)',
    async () => {
      const marks = await devMarks(phpCataloger, '/app/composer.lock', TRIVY_COMPOSER_LOCK);
      expect(marks.filter((m) => m.endsWith(' dev'))).toEqual([
        'pear/log@1.13.3 dev',
        'pear/pear_exception@v1.0.2 dev',
      ]);
      expect(marks.filter((m) => !m.endsWith(' dev'))).toEqual([
        'guzzlehttp/guzzle@6.5.8',
        'guzzlehttp/promises@1.5.2',
        'guzzlehttp/psr7@1.9.0',
        'psr/http-message@1.0.1',
        'ralouphie/getallheaders@3.0.3',
        'symfony/polyfill-intl-idn@v1.27.0',
        'symfony/polyfill-intl-normalizer@v1.27.0',
        'symfony/polyfill-php72@v1.27.0',
      ]);
    },
  );
});
