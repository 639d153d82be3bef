import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../test/helpers/dpkg-fixtures.js';
import { memoryFileView, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { CatalogResult } from '../types.js';
import { splitLibraryKey } from './deps-json.js';
import { dotnetCataloger } from './dotnet-cataloger.js';

async function run(
  specs: MemoryFileSpec[],
  scope: 'squashed' | 'all-layers' = 'squashed',
): Promise<CatalogResult> {
  return dotnetCataloger.catalog(contextOf(memoryFileView(specs, scope), null));
}

const depsJson = JSON.stringify({
  runtimeTarget: { name: '.NETCoreApp,Version=v8.0' },
  targets: {
    '.NETCoreApp,Version=v8.0': {
      'App/1.0.0': { dependencies: { 'Serilog.Sinks.Console': '5.0.0' } },
      'Serilog.Sinks.Console/5.0.0': { dependencies: { Serilog: '3.1.1' } },
      'Serilog/3.1.1': {},
    },
  },
  libraries: {
    'App/1.0.0': { type: 'project', serviceable: false, sha512: '' },
    'Serilog.Sinks.Console/5.0.0': {
      type: 'package',
      serviceable: true,
      sha512: 'sha512-abc',
      path: 'serilog.sinks.console/5.0.0',
      hashPath: 'serilog.sinks.console.5.0.0.nupkg.sha512',
    },
    'Serilog/3.1.1': { type: 'package', sha512: 'sha512-def' },
    'Ref.Only/1.0.0': { type: 'referenceassembly' },
  },
});

describe('dotnetCataloger.wants', () => {
  it.each([
    ['/app/App.deps.json', true],
    ['/app/App.runtimeconfig.json', false],
    ['/app/App.dll', false],
  ])('%s → %s', (path, expected) => expect(dotnetCataloger.wants(path)).toBe(expected));

  it('splits library keys', () => {
    expect(splitLibraryKey('Newtonsoft.Json/13.0.1')).toEqual({ name: 'Newtonsoft.Json', version: '13.0.1' });
    expect(splitLibraryKey('NoVersion')).toBeUndefined();
  });
});

describe('dotnetCataloger.catalog', () => {
  it('reports package libraries with sha512 and path, skips the project, links dependencies', async () => {
    const result = await run([{ path: '/app/App.deps.json', content: depsJson, layerDigest: 'sha256:d' }]);
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => p.purl)).toEqual([
      'pkg:nuget/Serilog@3.1.1',
      'pkg:nuget/Serilog.Sinks.Console@5.0.0',
    ]);
    const [serilog, sink] = result.packages;
    expect(sink).toMatchObject({
      type: 'dotnet',
      foundBy: 'dotnet',
      locations: [{ path: '/app/App.deps.json', layer: 'sha256:d', layerIndex: 0 }],
      metadata: {
        sha512: 'sha512-abc',
        path: 'serilog.sinks.console/5.0.0',
        hashPath: 'serilog.sinks.console.5.0.0.nupkg.sha512',
        runtimeTarget: '.NETCoreApp,Version=v8.0',
      },
    });
    expect(result.relationships).toEqual([{ from: sink?.id, to: serilog?.id, type: 'depends-on' }]);
  });

  it('merges the same deps.json across layers and reports broken ones as unknowns', async () => {
    const result = await run(
      [
        { path: '/app/App.deps.json', content: depsJson, layerIndex: 0 },
        { path: '/app/App.deps.json', content: depsJson, layerIndex: 1 },
        { path: '/bad/Bad.deps.json', content: '{"libraries": ', layerDigest: 'sha256:bad' },
      ],
      'all-layers',
    );
    expect(result.packages).toHaveLength(2);
    expect(result.packages[0]?.locations.map((l) => l.layerIndex)).toEqual([0, 1]);
    expect(result.unknowns).toMatchObject([
      { path: '/bad/Bad.deps.json', layer: 'sha256:bad', cataloger: 'dotnet' },
    ]);
  });
});
