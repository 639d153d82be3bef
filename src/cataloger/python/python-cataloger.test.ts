import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../test/helpers/dpkg-fixtures.js';
import { memoryFileView, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { CatalogResult } from '../types.js';
import { pythonCataloger } from './python-cataloger.js';

const SP = '/usr/lib/python3/site-packages';

async function run(
  specs: MemoryFileSpec[],
  scope: 'squashed' | 'all-layers' = 'squashed',
): Promise<CatalogResult> {
  return pythonCataloger.catalog(contextOf(memoryFileView(specs, scope), null));
}

const meta = (name: string, version: string, ...extra: string[]): string =>
  [`Metadata-Version: 2.1`, `Name: ${name}`, `Version: ${version}`, ...extra, ''].join('\n');

describe('pythonCataloger.wants', () => {
  it.each([
    [`${SP}/requests-2.31.0.dist-info/METADATA`, true],
    [`${SP}/six-1.16.0.egg-info/PKG-INFO`, true],
    [`${SP}/six-1.16.0.egg-info`, true],
    [`${SP}/Foo.EGG-INFO/PKG-INFO`, true],
    [`${SP}/requests-2.31.0.dist-info/RECORD`, true],
    [`${SP}/requests-2.31.0.dist-info/top_level.txt`, true],
    [`${SP}/requests-2.31.0.dist-info/WHEEL`, false],
    [`${SP}/requests/METADATA`, false],
    ['/app/requirements.txt', true],
    ['/app/requirements-dev.txt', true],
    ['/app/requirements/base.txt', true],
    ['/app/poetry.lock', true],
    ['/app/Pipfile.lock', true],
    ['/app/uv.lock', true],
    ['/app/Pipfile', false],
    ['/app/notes.txt', false],
  ])('%s → %s', (path, expected) => expect(pythonCataloger.wants(path)).toBe(expected));
});

describe('pythonCataloger.catalog', () => {
  it('reads installed distributions with owned files, top-level names and dependency edges', async () => {
    const result = await run([
      {
        path: `${SP}/requests-2.31.0.dist-info/METADATA`,
        content: meta('requests', '2.31.0', 'License: Apache 2.0', 'Requires-Dist: urllib3 (<3,>=1.21.1)'),
      },
      {
        path: `${SP}/requests-2.31.0.dist-info/RECORD`,
        content: 'requests/__init__.py,sha256=abc,10\nrequests-2.31.0.dist-info/RECORD,,\n',
      },
      { path: `${SP}/requests-2.31.0.dist-info/top_level.txt`, content: 'requests\n' },
      { path: `${SP}/requests-2.31.0.dist-info/direct_url.json`, content: '{"url": "file:///src"}' },
      { path: `${SP}/urllib3-2.0.0.dist-info/METADATA`, content: meta('urllib3', '2.0.0') },
      { path: `${SP}/Six-1.16.0.egg-info`, content: meta('Six', '1.16.0') },
    ]);
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => p.purl)).toEqual([
      'pkg:pypi/requests@2.31.0',
      'pkg:pypi/six@1.16.0',
      'pkg:pypi/urllib3@2.0.0',
    ]);
    const [requests, six, urllib3] = result.packages;
    expect(six?.name).toBe('Six');
    expect(requests).toMatchObject({
      type: 'python',
      licenses: ['Apache 2.0'],
      locations: [
        { path: `${SP}/requests-2.31.0.dist-info/METADATA`, layer: 'sha256:layer0', layerIndex: 0 },
      ],
      metadata: {
        sitePackages: SP,
        topLevelPackages: ['requests'],
        directUrl: { url: 'file:///src' },
        files: [
          { path: `${SP}/requests/__init__.py`, digest: { algorithm: 'sha256', value: 'abc' }, size: 10 },
          { path: `${SP}/requests-2.31.0.dist-info/RECORD` },
        ],
      },
    });
    expect(result.relationships).toEqual([{ from: requests?.id, to: urllib3?.id, type: 'depends-on' }]);
  });

  it('merges the same distribution from several layers into one package with each location', async () => {
    const path = `${SP}/six-1.16.0.dist-info/METADATA`;
    const result = await run(
      [
        { path, content: meta('six', '1.16.0'), layerIndex: 0 },
        { path, content: meta('six', '1.16.0'), layerIndex: 2 },
      ],
      'all-layers',
    );
    expect(result.packages).toHaveLength(1);
    expect(result.packages[0]?.locations.map((l) => l.layerIndex)).toEqual([0, 2]);
  });

  it('follows -r includes and keeps lock packages apart from installed ones', async () => {
    const result = await run([
      { path: '/app/requirements.txt', content: '-r requirements-base.txt\nflask==3.0.0\n' },
      { path: '/app/requirements-base.txt', content: 'six==1.16.0\n-r requirements.txt\n' },
      { path: `${SP}/six-1.16.0.dist-info/METADATA`, content: meta('six', '1.16.0') },
    ]);
    expect(result.unknowns).toEqual([]);
    const summary = result.packages.map((p) => [p.name, (p.metadata as { installed: boolean }).installed]);
    expect(summary).toEqual([
      ['flask', false],
      ['six', false],
      ['six', true],
    ]);
    const declaredSix = result.packages[1];
    expect(declaredSix?.locations.map((l) => l.path)).toEqual(['/app/requirements-base.txt']);
  });

  it('turns unreadable files into located unknowns and goes on', async () => {
    const result = await run([
      { path: `${SP}/bad.dist-info/METADATA`, content: 'no headers here', layerDigest: 'sha256:x' },
      { path: `${SP}/big.dist-info/METADATA`, contentProblem: 'larger than the capture limit' },
      { path: '/app/poetry.lock', content: '[[package]\nname = ' },
      { path: '/app/Pipfile.lock', content: 'not json' },
      { path: `${SP}/empty-1.0.egg-info`, content: '' },
      { path: `${SP}/ok.dist-info/METADATA`, content: meta('ok', '1.0') },
    ]);
    expect(result.packages.map((p) => p.name)).toEqual(['ok']);
    expect(result.unknowns.map((u) => [u.path, u.cataloger])).toEqual([
      [`${SP}/bad.dist-info/METADATA`, 'python'],
      [`${SP}/big.dist-info/METADATA`, 'python'],
      ['/app/Pipfile.lock', 'python'],
      ['/app/poetry.lock', 'python'],
    ]);
    expect(result.unknowns[0]?.layer).toBe('sha256:x');
  });
});
