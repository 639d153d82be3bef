import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../test/helpers/dpkg-fixtures.js';
import { memoryFileView, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { CatalogResult } from '../types.js';
import { parseInstalledJson } from './composer-files.js';
import { composerLicenses } from './composer-package.js';
import { phpCataloger } from './php-cataloger.js';

async function run(specs: MemoryFileSpec[]): Promise<CatalogResult> {
  return phpCataloger.catalog(contextOf(memoryFileView(specs), null));
}

const pkg = (
  name: string,
  version: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  name,
  version,
  ...extra,
});

describe('phpCataloger.wants', () => {
  it.each([
    ['/app/composer.lock', true],
    ['/app/vendor/composer/installed.json', true],
    ['/app/composer.json', false],
    ['/app/vendor/composer/installed.php', false],
  ])('%s → %s', (path, expected) => expect(phpCataloger.wants(path)).toBe(expected));
});

describe('composer parsing', () => {
  it.each([
    [['MIT'], ['MIT']],
    [['MIT', 'GPL-2.0-only'], ['MIT OR GPL-2.0-only']],
    ['BSD-3-Clause', ['BSD-3-Clause']],
    [[], []],
  ])('license %j → %j', (license, expected) => expect(composerLicenses(license)).toEqual(expected));

  it('reads composer 1 (array) and composer 2 (object with dev names) installed.json', () => {
    const v1 = parseInstalledJson(JSON.stringify([pkg('a/b', '1.0.0')]));
    const v2 = parseInstalledJson(
      JSON.stringify({ packages: [pkg('a/b', '1.0.0'), pkg('c/d', 'v2.0.0')], 'dev-package-names': ['c/d'] }),
    );
    expect(v1).toMatchObject({ kind: 'packages', packages: [{ name: 'a/b', dev: false }] });
    expect(v2).toMatchObject({
      kind: 'packages',
      packages: [
        { name: 'a/b', dev: false },
        { name: 'c/d', version: 'v2.0.0', dev: true },
      ],
    });
  });
});

describe('phpCataloger.catalog', () => {
  it('reads composer.lock packages and packages-dev, merging installed.json of the same project', async () => {
    const lock = {
      packages: [
        pkg('monolog/monolog', '2.9.1', {
          license: ['MIT'],
          require: { php: '>=7.2', 'ext-json': '*', 'psr/log': '^1.0' },
          source: { type: 'git', url: 'https://github.com/Seldaek/monolog.git', reference: 'abc' },
        }),
        pkg('psr/log', '1.1.4'),
      ],
      'packages-dev': [pkg('phpunit/phpunit', 'v9.6.0')],
    };
    const result = await run([
      { path: '/app/composer.lock', content: JSON.stringify(lock), layerDigest: 'sha256:l' },
      {
        path: '/app/vendor/composer/installed.json',
        content: JSON.stringify({ packages: [pkg('psr/log', '1.1.4')] }),
      },
    ]);
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => `${p.purl}`)).toEqual([
      'pkg:composer/monolog/monolog@2.9.1',
      'pkg:composer/phpunit/phpunit@v9.6.0',
      'pkg:composer/psr/log@1.1.4',
    ]);
    const [monolog, phpunit, log] = result.packages;
    expect(monolog).toMatchObject({
      type: 'php',
      licenses: ['MIT'],
      metadata: { dev: false, requires: ['psr/log'] },
    });
    expect(phpunit?.metadata).toMatchObject({ dev: true });
    expect(log?.locations.map((l) => l.path)).toEqual([
      '/app/composer.lock',
      '/app/vendor/composer/installed.json',
    ]);
    expect(result.relationships).toEqual([{ from: monolog?.id, to: log?.id, type: 'depends-on' }]);
  });

  it('turns a file that is not JSON into a located unknown', async () => {
    const result = await run([
      { path: '/a/composer.lock', content: 'nope', layerDigest: 'sha256:x' },
      {
        path: '/b/composer.lock',
        content: JSON.stringify({ packages: [pkg('a/b', '1'), { name: 'no/version' }] }),
      },
    ]);
    expect(result.packages.map((p) => p.name)).toEqual(['a/b']);
    expect(result.unknowns).toMatchObject([
      { path: '/a/composer.lock', layer: 'sha256:x', cataloger: 'php' },
      { path: '/b/composer.lock', cataloger: 'php', message: 'package #2 has no name or version' },
    ]);
  });
});
