import { describe, expect, it } from 'vitest';
import type { Package } from '../../model/package.js';
import { contextOf } from '../../../test/helpers/dpkg-fixtures.js';
import { memoryImage, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { CatalogResult } from '../types.js';
import { isInstalledManifest, npmCataloger } from './npm-cataloger.js';
import { wantsNpmPath } from './paths.js';

async function run(
  specs: MemoryFileSpec[],
  scope: 'squashed' | 'all-layers' = 'squashed',
  packagesSoFar: Package[] = [],
): Promise<CatalogResult> {
  const image = memoryImage(specs);
  const files = scope === 'squashed' ? image.squashed : image.allLayers;
  return npmCataloger.catalog({ ...contextOf(files, null), squashed: image.squashed, packagesSoFar });
}

const manifest = (name: string, version: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ name, version, ...extra });

const lockV3 = (packages: Record<string, unknown>): string =>
  JSON.stringify({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' }, ...packages } });

describe('npmCataloger.wants', () => {
  it.each([
    ['/app/node_modules/lodash/package.json', true],
    ['/app/node_modules/@s/x/package.json', true],
    ['/app/package.json', false],
    ['/app/package-lock.json', true],
    ['/app/yarn.lock', true],
    ['/app/pnpm-lock.yaml', true],
    ['/app/node_modules/lodash/index.js', false],
    ['/usr/share/doc/nothing-here.txt', false],
  ])('%s → %s', (path, expected) => {
    expect(npmCataloger.wants(path)).toBe(expected);
  });

  it('reads only manifests at a package root', () => {
    expect(isInstalledManifest('/a/node_modules/x/package.json')).toBe(true);
    expect(isInstalledManifest('/a/node_modules/@s/x/package.json')).toBe(true);
    expect(isInstalledManifest('/a/node_modules/x/lib/package.json')).toBe(false);
    expect(isInstalledManifest('/usr/share/nodejs/lodash/package.json')).toBe(true);
    expect(isInstalledManifest('/usr/share/nodejs/@types/node/package.json')).toBe(true);
    expect(isInstalledManifest('/usr/lib/x86_64-linux-gnu/nodejs/ws/package.json')).toBe(true);
    expect(isInstalledManifest('/usr/share/nodejs/lodash/fp/package.json')).toBe(false);
    expect(isInstalledManifest('/usr/share/doc/lodash/package.json')).toBe(false);
    expect(wantsNpmPath('/usr/share/nodejs/lodash/package.json')).toBe(true);
    expect(wantsNpmPath('/usr/share/nodejs/lodash/fp/package.json')).toBe(false);
  });
});

describe('npmCataloger.catalog', () => {
  it('reports installed packages with metadata, purl and licenses', async () => {
    const result = await run([
      {
        path: '/app/node_modules/@s/x/package.json',
        content: manifest('@s/x', '1.2.3', {
          license: { type: 'MIT' },
          author: { name: 'Ann', email: 'ann@example.org' },
          homepage: 'https://x.example',
          repository: { type: 'git', url: 'git+https://example/x.git' },
        }),
        layerDigest: 'sha256:aaa',
      },
      { path: '/app/package.json', content: manifest('app', '1.0.0', { private: true }) },
    ]);
    expect(result.unknowns).toEqual([]);
    expect(result.packages).toHaveLength(1);
    expect(result.packages[0]).toMatchObject({
      name: '@s/x',
      version: '1.2.3',
      type: 'npm',
      purl: 'pkg:npm/%40s/x@1.2.3',
      licenses: ['MIT'],
      foundBy: 'npm',
      locations: [{ path: '/app/node_modules/@s/x/package.json', layer: 'sha256:aaa', layerIndex: 0 }],
      metadata: {
        author: 'Ann <ann@example.org>',
        homepage: 'https://x.example',
        repository: 'git+https://example/x.git',
      },
    });
  });

  it('keeps separate installs of the same version apart and links them as node resolves them', async () => {
    const result = await run([
      {
        path: '/app/node_modules/a/package.json',
        content: manifest('a', '1.0.0', { dependencies: { c: '^1' } }),
      },
      {
        path: '/app/node_modules/b/package.json',
        content: manifest('b', '1.0.0', { dependencies: { c: '^2' } }),
      },
      { path: '/app/node_modules/b/node_modules/c/package.json', content: manifest('c', '2.0.0') },
      { path: '/app/node_modules/d/node_modules/c/package.json', content: manifest('c', '2.0.0') },
      { path: '/app/node_modules/c/package.json', content: manifest('c', '1.0.0') },
    ]);
    const c2 = result.packages.filter((p) => p.name === 'c' && p.version === '2.0.0');
    expect(c2).toHaveLength(2);
    expect(new Set(c2.map((p) => p.id)).size).toBe(2);
    const id = (path: string): string | undefined =>
      result.packages.find((p) => p.locations[0]?.path === path)?.id;
    expect(result.relationships).toEqual(
      expect.arrayContaining([
        {
          from: id('/app/node_modules/a/package.json'),
          to: id('/app/node_modules/c/package.json'),
          type: 'depends-on',
        },
        {
          from: id('/app/node_modules/b/package.json'),
          to: id('/app/node_modules/b/node_modules/c/package.json'),
          type: 'depends-on',
        },
      ]),
    );
    expect(result.relationships).toHaveLength(2);
  });

  it('merges a lock entry into the installed package of the same project', async () => {
    const result = await run([
      { path: '/app/node_modules/a/package.json', content: manifest('a', '1.0.0') },
      { path: '/app/node_modules/b/package.json', content: manifest('b', '1.0.0') },
      {
        path: '/app/package-lock.json',
        content: lockV3({
          'node_modules/a': { version: '1.0.0', integrity: 'sha512-a', dependencies: { b: '1' } },
          'node_modules/b': { version: '1.0.0', dev: true },
        }),
      },
      { path: '/other/package-lock.json', content: lockV3({ 'node_modules/a': { version: '1.0.0' } }) },
    ]);
    expect(result.unknowns).toEqual([]);
    const inApp = result.packages.filter((p) => p.name === 'a');
    expect(inApp).toHaveLength(2);
    expect(inApp.map((p) => p.locations.map((l) => l.path)).sort()).toEqual([
      ['/app/node_modules/a/package.json', '/app/package-lock.json'],
      ['/other/package-lock.json'],
    ]);
    const a = inApp.find((p) => p.locations.length === 2);
    const b = result.packages.find((p) => p.name === 'b');
    expect(a?.metadata).toMatchObject({ integrity: 'sha512-a', lockFormats: ['package-lock v3'] });
    expect(b?.metadata).toMatchObject({ dev: true });
    expect(result.relationships).toEqual([{ from: a?.id, to: b?.id, type: 'depends-on' }]);
  });

  it('reports a package.json that is not JSON as a located unknown and goes on', async () => {
    const result = await run([
      { path: '/app/node_modules/broken/package.json', content: '{ not json', layerDigest: 'sha256:bbb' },
      { path: '/app/node_modules/ok/package.json', content: manifest('ok', '1.0.0') },
      { path: '/app/node_modules/big/package.json', contentProblem: 'larger than the limit' },
    ]);
    expect(result.packages.map((p) => p.name)).toEqual(['ok']);
    expect(result.unknowns).toHaveLength(2);
    expect(result.unknowns[0]).toMatchObject({
      path: '/app/node_modules/big/package.json',
      cataloger: 'npm',
    });
    expect(result.unknowns[1]).toMatchObject({
      path: '/app/node_modules/broken/package.json',
      layer: 'sha256:bbb',
      cataloger: 'npm',
    });
  });

  it('in all-layers, one package with a location per layer that has it', async () => {
    const specs: MemoryFileSpec[] = [
      { path: '/app/node_modules/a/package.json', content: manifest('a', '1.0.0'), layerIndex: 0 },
      { path: '/app/node_modules/a/package.json', content: manifest('a', '1.0.0'), layerIndex: 2 },
    ];
    const all = await run(specs, 'all-layers');
    expect(all.packages).toHaveLength(1);
    expect(all.packages[0]?.locations.map((l) => l.layerIndex)).toEqual([0, 2]);
    const squashed = await run(specs);
    expect(squashed.packages[0]?.locations.map((l) => l.layerIndex)).toEqual([2]);
    expect(squashed.packages[0]?.id).toBe(all.packages[0]?.id);
  });
});

describe('lock files an OS package installed', () => {
  const shrinkwrap = JSON.stringify({
    name: 'lodash-cli',
    version: '4.17.5',
    lockfileVersion: 1,
    dependencies: { lodash: { version: '4.17.20' }, glob: { version: '7.1.6' } },
  });
  const specs: MemoryFileSpec[] = [
    { path: '/usr/share/nodejs/lodash-cli/npm-shrinkwrap.json', content: shrinkwrap },
    {
      path: '/usr/share/nodejs/lodash-cli/node_modules/glob/package.json',
      content: manifest('glob', '7.1.6'),
    },
  ];
  const deb: Package = {
    id: 'deb-node-lodash-cli',
    name: 'node-lodash-cli',
    version: '4.17.5+dfsg-1',
    type: 'deb',
    locations: [{ path: '/var/lib/dpkg/status' }],
    foundBy: 'dpkg',
    metadata: {
      package: 'node-lodash-cli',
      version: '4.17.5+dfsg-1',
      files: ['/usr/share/nodejs/lodash-cli/npm-shrinkwrap.json'],
    },
  };

  it('only describe what is installed beside them: entries not in the image are left out', async () => {
    const result = await run(specs, 'squashed', [deb]);
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['glob@7.1.6']);
  });

  it('a lock file of the image builder, with nothing installed beside it, is reported in full', async () => {
    const result = await run(specs.slice(0, 1));
    expect(result.packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual([
      'glob@7.1.6',
      'lodash@4.17.20',
    ]);
  });
});

describe('lock files that describe nothing installed', () => {
  const yarnLock = (entries: [string, string][]): string =>
    entries.map(([name, version]) => `${name}@^${version}:\n  version "${version}"\n`).join('\n');

  it("a lock file shipped inside an installed package is not the project's lock", async () => {
    const result = await run([
      { path: '/srv/app/node_modules/uri-js/package.json', content: manifest('uri-js', '4.4.1') },
      {
        path: '/srv/app/node_modules/uri-js/yarn.lock',
        content: yarnLock([
          ['lodash', '4.17.20'],
          ['minimist', '1.2.5'],
        ]),
      },
      { path: '/srv/app/node_modules/x/node_modules/y/package-lock.json', content: lockV3({}) },
    ]);
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['uri-js@4.4.1']);
    expect(result.packages[0]?.locations.map((l) => l.path)).toEqual([
      '/srv/app/node_modules/uri-js/package.json',
    ]);
  });

  it('where node_modules and a lock both exist, what is installed wins', async () => {
    const result = await run([
      { path: '/app/node_modules/a/package.json', content: manifest('a', '2.0.0') },
      {
        path: '/app/package-lock.json',
        content: lockV3({
          'node_modules/a': { version: '1.0.0' },
          'node_modules/dev-only': { version: '1.0.0', dev: true },
          'node_modules/@esbuild/win32-x64': { version: '0.20.0', optional: true },
        }),
      },
    ]);
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['a@2.0.0']);
  });

  it('a lock with no node_modules beside it is what the image holds', async () => {
    const result = await run([
      { path: '/app/package-lock.json', content: lockV3({ 'node_modules/a': { version: '1.0.0' } }) },
    ]);
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['a@1.0.0']);
  });
});
