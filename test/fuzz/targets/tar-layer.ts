// Layer blobs (tar, gzip- or zstd-framed) through the resolver's tar reader, to the last entry
// and its content. The blob digest is the mutated bytes' own, so the reader parses what it gets
// instead of stopping at a digest mismatch.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { readTarLayer } from '../../../src/resolver/tar-layer.js';
import { buildTar } from '../../helpers/tar-builder.js';
import type { FuzzSeed, FuzzTarget } from '../harness.js';

const MAX_ENTRY_BYTES = 1 << 20;

async function plainTar(): Promise<Buffer> {
  return buildTar([
    { name: 'etc/', type: 'directory' },
    { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
    { name: 'usr/bin/tool', content: Buffer.alloc(700, 7), mode: 0o4755 },
    { name: 'usr/bin/link', type: 'symlink', linkname: '../../etc/os-release' },
    { name: 'usr/bin/hard', type: 'link', linkname: 'usr/bin/tool' },
    { name: 'opt/.wh.gone', content: '' },
    { name: 'a/very/long/' + 'd'.repeat(120) + '/name.txt', content: 'pax path\n' },
  ]);
}

function zstd(bytes: Buffer): Buffer | undefined {
  try {
    return execFileSync('zstd', ['-q', '-c', '-'], { input: bytes });
  } catch {
    return undefined;
  }
}

export const tarLayerTarget: FuzzTarget = {
  name: 'tar-layer',
  async seeds(): Promise<FuzzSeed[]> {
    const tar = await plainTar();
    const compressed = zstd(tar);
    return [{ input: tar }, { input: gzipSync(tar) }, ...(compressed ? [{ input: compressed }] : [])];
  },
  async run(input: Buffer): Promise<void> {
    const digest = 'sha256:' + createHash('sha256').update(input).digest('hex');
    const handle = {
      kind: 'tar' as const,
      descriptor: {
        index: 0,
        digest,
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        size: input.length,
      },
      openBlob: async () => Readable.from([input]),
    };
    for await (const entry of readTarLayer(handle, 'layer 1')) {
      if (entry.type === 'file') await entry.read(MAX_ENTRY_BYTES);
    }
  },
};
