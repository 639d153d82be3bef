import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTar } from '../../test/helpers/tar-builder.js';
import { DigestMismatchError, LayerFormatError, UnsafePathError } from '../errors/index.js';
import type { TarLayerHandle } from '../source/types.js';
import type { LayerEntry } from '../source/layer-entry.js';
import { readTarLayer, type TarLayerStats } from './tar-layer.js';

const sha = (b: Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex');

function handle(blob: Buffer, digest = sha(blob), diffId?: string): TarLayerHandle {
  const descriptor = {
    index: 0,
    digest,
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
    size: blob.length,
    ...(diffId ? { diffId } : {}),
  };
  // Small chunks, so that parsing really streams across chunk borders.
  return { kind: 'tar', descriptor, openBlob: async () => Readable.from(chunks(blob, 1000)) };
}

function* chunks(b: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

async function collect(
  h: TarLayerHandle,
  stats?: TarLayerStats,
): Promise<Array<Omit<LayerEntry, 'read'> & { content?: string }>> {
  const out = [];
  for await (const e of readTarLayer(h, 'layer 1/1', stats)) {
    const { read, ...rest } = e;
    out.push(e.path.endsWith('.txt') ? { ...rest, content: (await read(1 << 20)).toString() } : rest);
  }
  return out;
}

const tarPromise = buildTar([
  { name: './etc/', type: 'directory' },
  { name: './etc/hello.txt', content: 'hello world' },
  { name: 'etc/big.bin', content: Buffer.alloc(300_000, 7) },
  { name: 'usr/bin/su', content: 'x', mode: 0o4755 },
  { name: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
  { name: 'etc/hard.txt', type: 'link', linkname: './etc/hello.txt' },
  { name: 'a'.repeat(150) + '/long-name.txt', content: 'long' },
]);

describe('readTarLayer', () => {
  it.each(['gzip', 'zstd', 'none'] as const)(
    'reads a %s layer, checking digest and diff_id',
    async (compression) => {
      const tar = await tarPromise;
      const blob =
        compression === 'gzip'
          ? gzipSync(tar)
          : compression === 'zstd'
            ? execFileSync('zstd', ['-q', '-c', '-'], { input: tar })
            : tar;
      const stats: TarLayerStats = { storedBytes: 0, tarBytes: 0 };
      const entries = await collect(handle(blob, sha(blob), sha(tar)), stats);
      expect(stats.compression).toBe(compression);
      expect(stats.tarBytes).toBe(tar.length);
      expect(stats.storedBytes).toBe(blob.length);
      expect(entries.map((e) => e.path)).toEqual([
        '/etc',
        '/etc/hello.txt',
        '/etc/big.bin',
        '/usr/bin/su',
        '/etc/os-release',
        '/etc/hard.txt',
        '/' + 'a'.repeat(150) + '/long-name.txt',
      ]);
      expect(entries[1]).toMatchObject({ type: 'file', content: 'hello world', size: 11 });
      expect(entries[3]).toMatchObject({ mode: 0o4755 });
      expect(entries[4]).toMatchObject({ type: 'symlink', linkTarget: '../usr/lib/os-release' });
      expect(entries[5]).toMatchObject({ type: 'hardlink', linkTarget: '/etc/hello.txt' });
      expect(entries[6]).toMatchObject({ content: 'long' });
    },
  );

  it('reads at most the limit and drains the rest', async () => {
    const tar = await tarPromise;
    const seen: string[] = [];
    for await (const e of readTarLayer(handle(tar), 'layer'))
      if (e.path === '/etc/hello.txt') seen.push((await e.read(5)).toString());
    expect(seen).toEqual(['hello']);
  });

  it('refuses a blob whose digest does not match', async () => {
    const tar = await tarPromise;
    await expect(collect(handle(tar, sha(Buffer.from('other'))))).rejects.toThrow(DigestMismatchError);
  });

  it('refuses content whose diff_id does not match', async () => {
    const tar = await tarPromise;
    const blob = gzipSync(tar);
    await expect(collect(handle(blob, sha(blob), sha(Buffer.from('x'))))).rejects.toThrow(
      /diff_id.*digest mismatch/,
    );
  });

  it('reports a truncated gzip layer', async () => {
    const full = gzipSync(await tarPromise);
    const blob = full.subarray(0, Math.floor(full.length / 2));
    await expect(collect(handle(blob))).rejects.toThrow(LayerFormatError);
    await expect(collect(handle(blob))).rejects.toThrow(/layer 1\/1 is truncated/);
  });

  it('reports corrupt gzip data', async () => {
    const blob = Buffer.from(gzipSync(await tarPromise));
    for (let i = 20; i < 400; i++) blob[i] = 0xff;
    await expect(collect(handle(blob))).rejects.toThrow(
      /layer 1\/1 (is not valid gzip data|is truncated|cannot be read)/,
    );
  });

  it('reports corrupt zstd data as a layer error (fzstd gives numeric error codes; found by fuzzing)', async () => {
    const blob = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(300, 0xff)]);
    await expect(collect(handle(blob))).rejects.toThrow(LayerFormatError);
    await expect(collect(handle(blob))).rejects.toThrow(/layer 1\/1 (is not valid zstd data|is truncated)/);
  });

  it('reports a layer that breaks inside a file as a layer error, when the file is read (found by fuzzing)', async () => {
    const tar = await buildTar([{ name: 'big.bin', content: Buffer.alloc(200_000, 9) }]);
    const full = gzipSync(tar);
    const blob = full.subarray(0, Math.floor(full.length * 0.6));
    const read = async () => {
      for await (const entry of readTarLayer(handle(blob), 'layer 1/1')) await entry.read(1 << 20);
    };
    await expect(read()).rejects.toThrow(LayerFormatError);
    await expect(read()).rejects.toThrow(/layer 1\/1 is truncated/);
  });

  it('reports a blob that is not a tar archive', async () => {
    const blob = Buffer.alloc(4096, 0x41);
    await expect(collect(handle(blob))).rejects.toThrow(/not a valid tar archive/);
  });

  it('refuses a path-traversal entry', async () => {
    const tar = await buildTar([{ name: '../../etc/cron.d/evil', content: 'x' }]);
    await expect(collect(handle(tar))).rejects.toThrow(UnsafePathError);
  });

  it('refuses a hard link that climbs out of the root', async () => {
    const tar = await buildTar([{ name: 'x', type: 'link', linkname: '../../etc/shadow' }]);
    await expect(collect(handle(tar))).rejects.toThrow(UnsafePathError);
  });
});
