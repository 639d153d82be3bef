import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOciLayout } from '../../test/helpers/oci-builder.js';
import { writeClassicDockerArchive } from '../../test/helpers/docker-archive-builder.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { openDir } from '../source/dir/open-dir.js';
import { openDockerArchive } from '../source/docker-archive/open-docker-archive.js';
import { openOciDir } from '../source/oci-dir/open-oci-dir.js';
import { indexImage } from './index-image.js';
import { SkippedInspection } from './inspection.js';

const root = tempDir();
const wantsAll = { wants: () => true };

describe('indexImage', () => {
  it('builds squashed and all-layers views with whiteouts and layer provenance', async () => {
    const dir = join(root, 'layered');
    await writeOciLayout(dir, {
      layers: [
        {
          entries: [
            { name: 'opt/', type: 'directory' },
            { name: 'opt/secret.txt', content: 'AKIA-1' },
            { name: 'etc/c/a.conf', content: 'a' },
          ],
        },
        {
          entries: [{ name: 'opt/.wh.secret.txt' }, { name: 'opt/keep.txt', content: 'keep' }],
          compression: 'zstd',
        },
        {
          entries: [{ name: 'etc/c/.wh..wh..opq' }, { name: 'etc/c/new.conf', content: 'n' }],
          compression: 'none',
        },
      ],
    });
    const files = await indexImage(await openOciDir(dir, {}), wantsAll);
    const squashed = files.squashed.find(() => true).map((r) => `${r.path}@${r.layerIndex}`);
    expect(squashed).toContain('/opt/keep.txt@1');
    expect(squashed).toContain('/etc/c/new.conf@2');
    expect(squashed.some((p) => p.startsWith('/opt/secret.txt') || p.startsWith('/etc/c/a.conf'))).toBe(
      false,
    );
    const secret = files.allLayers.find((p) => p === '/opt/secret.txt');
    expect(secret).toHaveLength(1);
    expect(secret[0]!.layerIndex).toBe(0);
    expect(files.allLayers.content(secret[0]!)?.toString()).toBe('AKIA-1');
    expect(files.allLayers.find((p) => p.includes('.wh.'))).toEqual([]);
    expect(files.layers.map((l) => l.compression)).toEqual(['gzip', 'zstd', 'none']);
  });

  it('keeps only wanted content, and says why big files were skipped', async () => {
    const dir = join(root, 'wanted');
    await writeOciLayout(dir, {
      layers: [
        {
          entries: [
            { name: 'a.txt', content: 'aaa' },
            { name: 'b.txt', content: 'bbbbbbbb' },
            { name: 'c.txt', content: 'c' },
          ],
        },
      ],
    });
    const files = await indexImage(await openOciDir(dir, {}), {
      wants: (p) => p !== '/c.txt',
      maxContentBytes: 4,
    });
    const [a, b, c] = files.squashed.find(() => true);
    expect(files.squashed.content(a!)?.toString()).toBe('aaa');
    expect(files.squashed.content(b!)).toBeUndefined();
    expect(files.squashed.contentProblem(b!)).toMatch(/larger \(8 bytes\)/);
    expect(files.squashed.content(c!)).toBeUndefined();
  });

  it('reads a classic docker-archive with identical results to the OCI layout', async () => {
    const entries = [
      { name: 'etc/os-release', content: 'ID=debian\n' },
      { name: 'usr/bin/su', content: 'x', mode: 0o4755 },
    ];
    await writeClassicDockerArchive(join(root, 'classic.tar'), join(root, 'classic'), [entries]);
    const image = await openDockerArchive(`${join(root, 'classic.tar')}:test/app:latest`, {});
    expect(image.source.tags).toEqual(['test/app:latest']);
    expect(image.config.config?.User).toBe('nobody');
    const files = await indexImage(image, wantsAll);
    const su = files.squashed.lookup('/usr/bin/su');
    expect(su?.mode).toBe(0o4755);
    await expect(openDockerArchive(`${join(root, 'classic.tar')}:other:tag`, {})).rejects.toThrow(
      /no image tagged "other:tag" \(tags: test\/app:latest\)/,
    );
  });

  it('dir: never follows a symlink out of the root filesystem', async () => {
    const rootfs = join(root, 'rootfs');
    mkdirSync(join(rootfs, 'etc'), { recursive: true });
    mkdirSync(join(rootfs, 'usr/lib'), { recursive: true });
    writeFileSync(join(rootfs, 'usr/lib/os-release'), 'ID=debian\nVERSION_ID="12"\n');
    symlinkSync('../usr/lib/os-release', join(rootfs, 'etc/os-release'));
    symlinkSync('/etc/passwd', join(rootfs, 'etc/passwd'));
    symlinkSync('/', join(rootfs, 'hostroot'));
    const files = await indexImage(await openDir(rootfs, {}), wantsAll);
    const osRelease = files.squashed.lookup('/etc/os-release', { follow: true });
    expect(files.squashed.content(osRelease!)?.toString()).toContain('ID=debian');
    // The host's /etc/passwd exists, the image's does not: the link must resolve to nothing.
    expect(files.squashed.lookup('/etc/passwd', { follow: true })).toBeUndefined();
    expect(files.squashed.lookup('/hostroot/etc/hostname', { follow: true })).toBeUndefined();
    expect(files.squashed.find((p) => p.startsWith('/hostroot/'))).toEqual([]);
    const passwdLink = files.squashed.lookup('/etc/passwd');
    expect(passwdLink?.type).toBe('symlink');
    expect(files.squashed.content(passwdLink!)).toBeUndefined();
  });
});

describe('indexImage inspectors', () => {
  it('hands wanted content to inspectors while streaming, keeps only their results, per layer version', async () => {
    const dir = join(root, 'inspect');
    await writeOciLayout(dir, {
      layers: [
        {
          entries: [
            { name: 'bin/tool', content: 'v1-binary', mode: 0o755 },
            { name: 'etc/conf', content: 'x' },
          ],
        },
        {
          entries: [
            { name: 'bin/tool', content: 'v2-binary-longer', mode: 0o755 },
            { name: 'bin/huge', content: Buffer.alloc(64, 1), mode: 0o755 },
          ],
        },
      ],
    });
    const seen: string[] = [];
    const inspector = {
      name: 'exec',
      wantsInspect: (h: { path: string; mode: number }) => (h.mode & 0o111) !== 0,
      inspect: async (record: { path: string }, content: Buffer) => {
        seen.push(record.path);
        return content.length;
      },
    };
    const files = await indexImage(await openOciDir(dir, {}), {
      wants: () => false,
      inspectors: [inspector],
      maxInspectBytes: 32,
    });
    const results = files.inspections.get('exec')!;
    const tool = files.allLayers.find((p) => p === '/bin/tool');
    expect(tool.map((r) => results.get(r))).toEqual([9, 16]);
    expect(seen).toEqual(['/bin/tool', '/bin/tool']);
    const huge = files.squashed.lookup('/bin/huge')!;
    expect(results.get(huge)).toBeInstanceOf(SkippedInspection);
    expect((results.get(huge) as SkippedInspection).reason).toMatch(/larger \(64 bytes\)/);
    expect(files.squashed.content(tool[1]!)).toBeUndefined();
  });

  it('reads layers concurrently (progress interleaves) and merges them in order: the same files as one at a time', async () => {
    const dir = join(root, 'concurrent');
    await writeOciLayout(dir, {
      layers: [
        {
          entries: [
            { name: 'etc/a', content: 'a0' },
            { name: 'etc/b', content: 'b0' },
            { name: 'opt/x', content: 'x0' },
          ],
        },
        { entries: [{ name: 'etc/a', content: 'a1' }, { name: 'opt/.wh.x' }], compression: 'zstd' },
        {
          entries: [
            { name: 'etc/b', content: 'b2' },
            { name: 'opt/x', content: 'x2' },
          ],
        },
        { entries: [{ name: 'etc/.wh..wh..opq' }, { name: 'etc/c', content: 'c3' }], compression: 'none' },
      ],
    });
    const listing = async (concurrency: number, events: string[] = []) => {
      const files = await indexImage(await openOciDir(dir, {}), {
        wants: () => true,
        concurrency,
        onProgress: (e) => {
          if (e.kind === 'layer-start' || e.kind === 'layer-done') events.push(`${e.kind}:${e.index}`);
        },
      });
      const show = (view: typeof files.squashed) =>
        view.find(() => true).map((r) => `${r.path}@${r.layerIndex}=${view.content(r)?.toString() ?? ''}`);
      return {
        squashed: show(files.squashed),
        all: show(files.allLayers),
        layers: files.layers.map((l) => l.index),
      };
    };
    const serial = await listing(1);
    const events: string[] = [];
    const concurrent = await listing(2, events);
    expect(concurrent).toEqual(serial);
    expect(serial.squashed).toContain('/etc/c@3=c3');
    expect(serial.squashed).toContain('/opt/x@2=x2');
    expect(serial.squashed.some((l) => l.startsWith('/etc/a') || l.startsWith('/etc/b'))).toBe(false);
    expect(serial.layers).toEqual([0, 1, 2, 3]);
    // The second layer starts before the first is done; every layer starts once and ends once.
    expect(events.slice(0, 2)).toEqual(['layer-start:0', 'layer-start:1']);
    expect([...events].sort()).toEqual(
      [0, 1, 2, 3].flatMap((i) => [`layer-done:${i}`, `layer-start:${i}`]).sort(),
    );
    expect(await listing(8)).toEqual(serial);
  });
});
