import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../test/helpers/dpkg-fixtures.js';
import { memoryImage, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import { syntheticElf } from '../elf/synthetic-elf.js';
import type { CatalogResult } from '../types.js';
import { BUILD_INFO_MAGIC, readBuildInfo } from './build-info-blob.js';
import { goBinaryCataloger } from './go-cataloger.js';
import { parseModInfo } from './mod-info.js';
import { golangPurl, stdlibVersion } from './purl.js';

const START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

const MOD_INFO = [
  'path\texample.com/app/cmd/app',
  'mod\texample.com/app\t(devel)\t',
  'dep\tgithub.com/a/b\tv1.2.3\th1:abc=',
  'dep\tgithub.com/c/d\tv0.0.0-20230101000000-abcdef123456\th1:def=',
  'dep\tgithub.com/old/x\tv1.0.0',
  '=>\tgithub.com/new/x\tv1.1.0\th1:xyz=',
  'dep\tgithub.com/e/f\tv2.0.0+incompatible',
  'dep\tgithub.com/local/g\tv0.1.0',
  '=>\t../g\t',
  'build\t-ldflags="-s -w -X main.version=1.0"',
  'build\tGOOS=linux',
  'build\tGOARCH=arm64',
  'build\tvcs.revision=0123abcd',
  '',
].join('\n');

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Buffer.from(out);
}

const str = (s: Buffer): Buffer => Buffer.concat([varint(s.length), s]);

/** A Go ≥ 1.18 blob: header with the inline flag, then varint-prefixed version and mod info. */
function inlineBlob(goVersion: string, modInfo: string): Buffer {
  const header = Buffer.alloc(32);
  BUILD_INFO_MAGIC.copy(header);
  header[14] = 8;
  header[15] = 2;
  return Buffer.concat([
    header,
    str(Buffer.from(goVersion)),
    str(Buffer.concat([START, Buffer.from(modInfo), END])),
  ]);
}

/** An old (Go < 1.18) binary: the blob holds pointers to Go string headers in another section. */
function pointerFormatElf(goVersion: string, modInfo: string): Buffer {
  const base = 0x500000;
  const version = Buffer.from(goVersion);
  const mod = Buffer.concat([START, Buffer.from(modInfo), END]);
  const data = Buffer.alloc(32 + version.length + mod.length);
  data.writeBigUInt64LE(BigInt(base + 32), 0);
  data.writeBigUInt64LE(BigInt(version.length), 8);
  data.writeBigUInt64LE(BigInt(base + 32 + version.length), 16);
  data.writeBigUInt64LE(BigInt(mod.length), 24);
  version.copy(data, 32);
  mod.copy(data, 32 + version.length);
  const blob = Buffer.alloc(32);
  BUILD_INFO_MAGIC.copy(blob);
  blob[14] = 8;
  blob[15] = 0;
  blob.writeBigUInt64LE(BigInt(base), 16);
  blob.writeBigUInt64LE(BigInt(base + 16), 24);
  return syntheticElf([
    { name: '.go.buildinfo', data: blob, address: 0x400000 },
    { name: '.noptrdata', data, address: base },
  ]);
}

describe('readBuildInfo', () => {
  it('reads the inline (Go ≥ 1.18) layout from the .go.buildinfo section', () => {
    const elf = syntheticElf([{ name: '.go.buildinfo', data: inlineBlob('go1.21.5', MOD_INFO) }]);
    expect(readBuildInfo(elf)).toEqual({ kind: 'go', info: { goVersion: 'go1.21.5', modInfo: MOD_INFO } });
  });

  it('reads the old pointer layout through the section addresses', () => {
    expect(readBuildInfo(pointerFormatElf('go1.16.15', MOD_INFO))).toEqual({
      kind: 'go',
      info: { goVersion: 'go1.16.15', modInfo: MOD_INFO },
    });
  });

  it('is undefined for non-executables and executables without build info', () => {
    expect(
      readBuildInfo(Buffer.concat([inlineBlob('go1.21.5', MOD_INFO), Buffer.alloc(64)])),
    ).toBeUndefined();
    expect(readBuildInfo(syntheticElf([{ name: '.text', data: Buffer.alloc(100) }]))).toBeUndefined();
  });

  it('reports truncated and corrupt blobs without throwing', () => {
    const whole = syntheticElf([{ name: '.go.buildinfo', data: inlineBlob('go1.21.5', MOD_INFO) }]);
    const at = whole.indexOf(BUILD_INFO_MAGIC);
    expect(readBuildInfo(whole.subarray(0, at + 60))).toMatchObject({ kind: 'corrupt' });
    const badVersion = Buffer.from(whole);
    badVersion.write('xx', at + 33, 'latin1');
    expect(readBuildInfo(badVersion)).toMatchObject({ kind: 'corrupt' });
    const badPointer = pointerFormatElf('go1.16', MOD_INFO);
    badPointer.writeBigUInt64LE(0x7777777n, badPointer.indexOf(BUILD_INFO_MAGIC) + 16);
    expect(readBuildInfo(badPointer)).toMatchObject({ kind: 'corrupt', message: /not in the file/ });
    for (let cut = at; cut < at + 200; cut += 7)
      expect(() => readBuildInfo(whole.subarray(0, cut))).not.toThrow();
  });
});

describe('parseModInfo and purls', () => {
  it('parses path, main module, deps with replacements and build settings', () => {
    const info = parseModInfo(MOD_INFO);
    expect(info.path).toBe('example.com/app/cmd/app');
    expect(info.main).toEqual({ path: 'example.com/app', version: '(devel)' });
    expect(info.deps).toHaveLength(5);
    expect(info.deps[2]?.replace).toEqual({ path: 'github.com/new/x', version: 'v1.1.0', sum: 'h1:xyz=' });
    expect(info.settings).toContainEqual({ key: '-ldflags', value: '-s -w -X main.version=1.0' });
    expect(info.problems).toEqual([]);
    expect(parseModInfo('garbage line\n=>\tx\tv1').problems).toHaveLength(2);
  });

  it.each([
    ['github.com/a/b', 'v1.2.3', 'pkg:golang/github.com/a/b@v1.2.3'],
    [
      'golang.org/x/net',
      'v0.0.0-20230101000000-abcdef123456',
      'pkg:golang/golang.org/x/net@v0.0.0-20230101000000-abcdef123456',
    ],
    ['stdlib', '1.21.5', 'pkg:golang/stdlib@1.21.5'],
  ])('purl %s@%s', (path, version, purl) => expect(golangPurl(path, version)).toBe(purl));

  it.each([
    ['go1.21.5', '1.21.5'],
    ['go1.22.1 X:boringcrypto', '1.22.1'],
  ])('stdlib version of %s', (go, v) => expect(stdlibVersion(go)).toBe(v));
});

async function catalog(
  specs: MemoryFileSpec[],
  scope: 'squashed' | 'all-layers' = 'all-layers',
): Promise<CatalogResult> {
  const image = memoryImage(specs);
  const view = scope === 'squashed' ? image.squashed : image.allLayers;
  const inspections = new Map<never, unknown>();
  for (const record of image.allLayers.find(() => true)) {
    const content = image.allLayers.content(record);
    if (
      !content ||
      !goBinaryCataloger.wantsInspect?.({ path: record.path, size: content.length, mode: record.mode })
    )
      continue;
    const result = await goBinaryCataloger.inspect?.(record, content);
    if (result !== undefined) inspections.set(record as never, result);
  }
  return goBinaryCataloger.catalog({ ...contextOf(view, null), squashed: image.squashed, inspections });
}

describe('goBinaryCataloger', () => {
  const binary = syntheticElf([{ name: '.go.buildinfo', data: inlineBlob('go1.21.5', MOD_INFO) }]);

  it('reports main module, deps (replacements applied, versions verbatim) and stdlib, with depends-on edges', async () => {
    const result = await catalog([{ path: '/usr/local/bin/app', content: binary, mode: 0o755 }]);
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual([
      'example.com/app@(devel)',
      'github.com/a/b@v1.2.3',
      'github.com/c/d@v0.0.0-20230101000000-abcdef123456',
      'github.com/e/f@v2.0.0+incompatible',
      'github.com/local/g@v0.1.0',
      'github.com/new/x@v1.1.0',
      'stdlib@1.21.5',
    ]);
    const stdlib = result.packages.find((p) => p.name === 'stdlib');
    expect(stdlib?.purl).toBe('pkg:golang/stdlib@1.21.5');
    expect(stdlib?.metadata).toMatchObject({ goVersion: 'go1.21.5', architecture: 'arm64', goos: 'linux' });
    const main = result.packages.find((p) => p.name === 'example.com/app');
    expect(main?.metadata).toMatchObject({ buildSettings: { 'vcs.revision': '0123abcd' } });
    expect(result.packages.find((p) => p.name === 'github.com/new/x')?.metadata).toMatchObject({
      replaces: 'github.com/old/x@v1.0.0',
    });
    expect(result.relationships).toHaveLength(6);
    expect(result.relationships?.every((r) => r.from === main?.id && r.type === 'depends-on')).toBe(true);
  });

  it('merges the same binary in several layers into one package per module, one location per layer', async () => {
    const specs: MemoryFileSpec[] = [0, 1].map((layerIndex) => ({
      path: '/usr/local/bin/app',
      content: binary,
      mode: 0o755,
      layerIndex,
    }));
    const all = await catalog(specs);
    expect(all.packages).toHaveLength(7);
    expect(all.packages[0]?.locations.map((l) => l.layerIndex)).toEqual([0, 1]);
    const squashed = await catalog(specs, 'squashed');
    expect(squashed.packages[0]?.locations.map((l) => l.layerIndex)).toEqual([1]);
  });

  it('leaves a located unknown for a binary with corrupt build info, and ignores non-Go files', async () => {
    const corrupt = Buffer.from(binary);
    corrupt.writeUInt8(0xff, corrupt.indexOf(BUILD_INFO_MAGIC) + 32);
    const result = await catalog([
      { path: '/bin/broken', content: corrupt, mode: 0o755, layerDigest: 'sha256:L' },
      { path: '/bin/sh', content: syntheticElf([{ name: '.text', data: Buffer.alloc(64) }]), mode: 0o755 },
      { path: '/etc/app.conf', content: binary },
    ]);
    expect(result.packages).toEqual([]);
    expect(result.unknowns).toEqual([
      expect.objectContaining({ path: '/bin/broken', layer: 'sha256:L', cataloger: 'go-module-binary' }),
    ]);
  });
});
