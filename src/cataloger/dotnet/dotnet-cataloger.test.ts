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
      'Serilog.Sinks.Console/5.0.0': {
        dependencies: { Serilog: '3.1.1' },
        runtime: { 'lib/net7.0/Serilog.Sinks.Console.dll': {} },
      },
      'Serilog/3.1.1': { runtime: { 'lib/net7.0/Serilog.dll': {} } },
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

  // What a net6.0 build writes (shape of syft's TestLibrary.deps.json): a project reference,
  // a package whose assembly the shared framework carries (dependencies only, no runtime
  // assets), one with an empty target entry, a native-only package and a meta-package.
  const net6 = '.NETCoreApp,Version=v6.0';
  const frameworkProvided = (runtimeTarget: string | undefined) =>
    JSON.stringify({
      ...(runtimeTarget ? { runtimeTarget: { name: runtimeTarget } } : {}),
      targets: {
        [net6]: {
          'App/1.0.0': {
            dependencies: {
              'Microsoft.Extensions.Logging': '6.0.0',
              Common: '1.0.0',
              Meta: '1.0.0',
              Libuv: '1.9.1',
            },
            runtime: { 'App.dll': {} },
          },
          'Microsoft.Extensions.Logging/6.0.0': {
            dependencies: { 'System.Diagnostics.DiagnosticSource': '6.0.0', Meta: '1.0.0' },
            runtime: { 'lib/net6.0/Microsoft.Extensions.Logging.dll': { assemblyVersion: '6.0.0.0' } },
          },
          'System.Diagnostics.DiagnosticSource/6.0.0': {
            dependencies: { 'System.Runtime.CompilerServices.Unsafe': '6.0.0' },
          },
          'System.Runtime.CompilerServices.Unsafe/6.0.0': {},
          'Meta/1.0.0': { dependencies: { Serilog: '2.10.0' } },
          'Serilog/2.10.0': { runtime: { 'lib/net5.0/Serilog.dll': {} } },
          'Libuv/1.9.1': {
            runtimeTargets: {
              'runtimes/linux-x64/native/libuv.so': { rid: 'linux-x64', assetType: 'native' },
            },
          },
          'Common/1.0.0': { dependencies: { 'AWSSDK.Core': '3.7.10.6' }, runtime: { 'Common.dll': {} } },
          'AWSSDK.Core/3.7.10.6': { runtime: { 'lib/netcoreapp3.1/AWSSDK.Core.dll': {} } },
        },
      },
      libraries: {
        'App/1.0.0': { type: 'project', serviceable: false, sha512: '' },
        'Common/1.0.0': { type: 'project', serviceable: false, sha512: '' },
        'Microsoft.Extensions.Logging/6.0.0': { type: 'package', serviceable: true, sha512: 'sha512-a' },
        'System.Diagnostics.DiagnosticSource/6.0.0': {
          type: 'package',
          serviceable: true,
          sha512: 'sha512-b',
        },
        'System.Runtime.CompilerServices.Unsafe/6.0.0': {
          type: 'package',
          serviceable: true,
          sha512: 'sha512-c',
        },
        'Meta/1.0.0': { type: 'package', serviceable: true, sha512: 'sha512-d' },
        'Serilog/2.10.0': { type: 'package', serviceable: true, sha512: 'sha512-e' },
        'Libuv/1.9.1': { type: 'package', serviceable: true, sha512: 'sha512-f' },
        'AWSSDK.Core/3.7.10.6': { type: 'package', serviceable: true, sha512: 'sha512-g' },
      },
    });

  it('leaves out projects and packages that deploy no file to the runtime target', async () => {
    const result = await run([{ path: '/app/App.deps.json', content: frameworkProvided(net6) }]);
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'AWSSDK.Core@3.7.10.6',
      'Libuv@1.9.1',
      'Microsoft.Extensions.Logging@6.0.0',
      'Serilog@2.10.0',
    ]);
  });

  it('links dependencies through the packages it leaves out', async () => {
    const result = await run([{ path: '/app/App.deps.json', content: frameworkProvided(net6) }]);
    const name = new Map(result.packages.map((p) => [p.id, p.name]));
    // Logging -> DiagnosticSource -> Unsafe: both left out, nothing to link to. Logging -> Meta
    // (a meta-package, left out) -> Serilog: Logging depends on Serilog.
    expect((result.relationships ?? []).map((r) => `${name.get(r.from)}>${name.get(r.to)}`)).toEqual([
      'Microsoft.Extensions.Logging>Serilog',
    ]);
  });

  it('keeps every package when the runtime target is not in the file (nothing to tell them apart)', async () => {
    const result = await run([{ path: '/app/App.deps.json', content: frameworkProvided(undefined) }]);
    expect(result.packages).toHaveLength(7);
    const names = new Map(result.packages.map((p) => [p.id, p.name]));
    expect((result.relationships ?? []).map((r) => `${names.get(r.from)}>${names.get(r.to)}`).sort()).toEqual(
      [
        'Meta>Serilog',
        'Microsoft.Extensions.Logging>Meta',
        'Microsoft.Extensions.Logging>System.Diagnostics.DiagnosticSource',
        'System.Diagnostics.DiagnosticSource>System.Runtime.CompilerServices.Unsafe',
      ],
    );
  });
});
