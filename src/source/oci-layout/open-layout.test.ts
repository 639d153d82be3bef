import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOciLayout } from '../../../test/helpers/oci-builder.js';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import {
  DigestMismatchError,
  SourceFormatError,
  SourceNotFoundError,
  UnsupportedMediaTypeError,
} from '../../errors/index.js';
import { openOciArchive } from '../oci-archive/open-oci-archive.js';
import { openOciDir } from '../oci-dir/open-oci-dir.js';

const root = tempDir();
const layer = { entries: [{ name: 'etc/hello', content: 'hi' }] };

describe('oci-dir and oci-archive', () => {
  it('opens a layout by tag, with digests, diff_ids and config', async () => {
    const dir = join(root, 'good');
    const digest = await writeOciLayout(dir, {
      layers: [layer, { ...layer, compression: 'zstd' }],
      tag: 'v1',
      config: { User: 'app' },
    });
    for (const image of [await openOciDir(`${dir}:v1`, {}), await openOciDir(dir, {})]) {
      expect(image.source.manifestDigest).toBe(digest);
      expect(image.config.config?.User).toBe('app');
      expect(image.layers).toHaveLength(2);
      expect(image.layers[1]!.descriptor.mediaType).toMatch(/zstd/);
      expect(image.layers[0]!.descriptor.diffId).toMatch(/^sha256:/);
    }
    const archive = join(root, 'good.tar');
    execFileSync('tar', ['-cf', archive, '-C', dir, '.']);
    const fromArchive = await openOciArchive(archive, {});
    expect(fromArchive.source.manifestDigest).toBe(digest);
  });

  it('names the tags it has when the asked one is missing', async () => {
    const dir = join(root, 'tags');
    await writeOciLayout(dir, { layers: [layer], tag: 'v1' });
    await expect(openOciDir(`${dir}:v2`, {})).rejects.toThrow(SourceNotFoundError);
    await expect(openOciDir(`${dir}:v2`, {})).rejects.toThrow(/no image tagged "v2" \(tags: v1\)/);
  });

  it('refuses a manifest whose bytes do not match its digest', async () => {
    const dir = join(root, 'tampered');
    await writeOciLayout(dir, {
      layers: [layer],
      manifestOverride: (m) => Buffer.from(m.toString().replace('"schemaVersion":2', '"schemaVersion":2 ')),
    });
    await expect(openOciDir(dir, {})).rejects.toThrow(DigestMismatchError);
  });

  it('says so when the manifest is not JSON', async () => {
    const dir = join(root, 'notjson');
    await writeOciLayout(dir, { layers: [layer], rawManifest: Buffer.from('<html>oops</html>') });
    await expect(openOciDir(dir, {})).rejects.toThrow(/manifest sha256:\w+ in .* is not JSON/);
  });

  it('refuses unknown manifest and layer media types', async () => {
    const dir = join(root, 'mt1');
    await writeOciLayout(dir, {
      layers: [layer],
      manifestMediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
    });
    await expect(openOciDir(dir, {})).rejects.toThrow(UnsupportedMediaTypeError);
    const dir2 = join(root, 'mt2');
    await writeOciLayout(dir2, { layers: [{ ...layer, mediaType: 'application/x-weird' }] });
    await expect(openOciDir(dir2, {})).rejects.toThrow(/unsupported media type "application\/x-weird"/);
  });

  it('is clear about what is not a layout', async () => {
    await expect(openOciDir(join(root, 'nope'), {})).rejects.toThrow(/does not exist/);
    await expect(openOciDir(root, {})).rejects.toThrow(SourceFormatError);
  });

  it('reports a truncated archive', async () => {
    const dir = join(root, 'trunc');
    await writeOciLayout(dir, {
      layers: [{ entries: [{ name: 'big', content: Buffer.alloc(200_000, 1) }], compression: 'none' }],
    });
    const archive = join(root, 'trunc.tar');
    execFileSync('tar', ['-cf', archive, '-C', dir, '.']);
    execFileSync('truncate', ['-s', '100000', archive]);
    await expect(openOciArchive(archive, {})).rejects.toThrow(/truncated/);
  });
});
