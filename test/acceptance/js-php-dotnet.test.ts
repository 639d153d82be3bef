import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotnetCataloger } from '../../src/cataloger/dotnet/index.js';
import { npmCataloger } from '../../src/cataloger/npm/index.js';
import { phpCataloger } from '../../src/cataloger/php/index.js';
import type { CatalogResult, Cataloger } from '../../src/cataloger/types.js';
import type { Package } from '../../src/model/package.js';
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
  const isDev = (p: Package): boolean => (p.metadata as Record<string, unknown> | undefined)?.dev === true;
  return result.packages.map((p) => `${p.name}@${p.version}${isDev(p) ? ' dev' : ''}`).sort();
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

/** name@version of every package the dotnet cataloger reports for one deps.json. */
async function depsPackages(file: string): Promise<string[]> {
  const result = await catalogOne(dotnetCataloger, `/app/${basename(file)}`, readFileSync(file));
  expect(result.unknowns).toEqual([]);
  return result.packages.map((p) => `${p.name}@${p.version}`).sort();
}

const SYFT_TEST_LIBRARY = join(FIXTURES, 'dotnet/syft/dir-example-1/TestLibrary.deps.json');
const TRIVY_WITHOUT_RUNTIME = join(FIXTURES, 'dotnet/trivy/core_deps/without-runtime.deps.json');

describe.skipIf(!existsSync(SYFT_TEST_LIBRARY))(
  'deps.json: the NuGet packages that put files in the app',
  () => {
    // libraries holds 12 `package` and 2 `project` entries. syft's parser test expects 14: it
    // reports the projects too (the app TestLibrary itself and its project reference TestCommon,
    // both "not serviceable / no sha" in syft's own comment) as pkg:nuget packages, which they are
    // not: they are the user's code, built with the app from no feed. Customs also leaves out the two
    // packages the runtime target lists with no runtime, runtimeTargets, native or resources assets:
    // System.Diagnostics.DiagnosticSource 6.0.0 (dependencies only) and
    // System.Runtime.CompilerServices.Unsafe 6.0.0 (an empty entry). On net6.0 both assemblies are
    // part of the shared framework, the host loads the framework's copy and the build deploys no
    // file of theirs: nothing of these packages is in the image. Customs reported 12 before, now 10;
    // trivy applies the same rule (packages without runtime assets are skipped) and keeps projects.
    it('syft TestLibrary.deps.json: 10 packages (syft expects 14 with 2 projects and 2 without files)', async () => {
      expect(await depsPackages(SYFT_TEST_LIBRARY)).toEqual([
        'AWSSDK.Core@3.7.10.6',
        'Microsoft.Extensions.DependencyInjection.Abstractions@6.0.0',
        'Microsoft.Extensions.DependencyInjection@6.0.0',
        'Microsoft.Extensions.Logging.Abstractions@6.0.0',
        'Microsoft.Extensions.Logging@6.0.0',
        'Microsoft.Extensions.Options@6.0.0',
        'Microsoft.Extensions.Primitives@6.0.0',
        'Newtonsoft.Json@13.0.1',
        'Serilog.Sinks.Console@4.0.1',
        'Serilog@2.10.0',
      ]);
    });

    // trivy's "happy path with skipped libs": trivy expects hello2 (the root project), JsonDiffPatch,
    // Libuv (native assets under runtimeTargets) and System.Collections.Immutable (not in the runtime
    // target at all, so nothing tells it apart: kept). The meta-packages Microsoft.NETCore.App and
    // NETStandard.Library and the empty Microsoft.NETCore.Platforms and System.Net.Http are left out.
    it.skipIf(!existsSync(TRIVY_WITHOUT_RUNTIME))(
      "trivy without-runtime.deps.json: trivy's packages without its root project",
      async () => {
        expect(await depsPackages(TRIVY_WITHOUT_RUNTIME)).toEqual([
          'JsonDiffPatch@2.0.61',
          'Libuv@1.9.1',
          'System.Collections.Immutable@1.3.0',
        ]);
      },
    );
  },
);
