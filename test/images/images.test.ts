// Sanity checks of the cached real test images (built by scripts/build-test-images.mjs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dpkgQuery, dpkgQueryStatus } from '../oracle/dpkg-query.js';
import { getTestImages, TEST_IMAGES_DIR } from './index.js';

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: { architecture: string; os: string; variant?: string };
}
interface Manifest {
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
}
interface Index {
  manifests: Descriptor[];
}

const blob = (layout: string, digest: string): string =>
  path.join(layout, 'blobs', 'sha256', digest.replace(/^sha256:/, ''));
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

function tagged(layout: string, tag: string): Descriptor {
  const index = readJson<Index>(path.join(layout, 'index.json'));
  const d = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag);
  if (!d) throw new Error(`no tag ${tag} in ${layout}`);
  return d;
}

/** Entry names of a layer blob, via the tar (and zstd) CLIs. */
function layerEntries(file: string, mediaType: string): string[] {
  const args = mediaType.endsWith('+zstd') ? ['-I', 'zstd', '-tf', file] : ['-tf', file];
  return execFileSync('tar', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/^\.\//, ''));
}

function layerFile(file: string, mediaType: string, member: string): Buffer {
  const args = mediaType.endsWith('+zstd') ? ['-I', 'zstd', '-xOf', file, member] : ['-xOf', file, member];
  return execFileSync('tar', args, { maxBuffer: 64 * 1024 * 1024 });
}

describe('test images cache', () => {
  const images = getTestImages();

  it('lists files and directories that exist', () => {
    const { bookworm, layered, multiarch } = images.images;
    const paths = [
      bookworm.ociDir,
      bookworm.ociArchive,
      bookworm.dockerArchive,
      bookworm.dockerArchiveOci,
      bookworm.rootfs,
      layered.ociDir,
      layered.ociArchive,
      layered.dockerArchiveOci,
      multiarch.ociDir,
      multiarch.ociArchive,
    ];
    for (const p of paths) {
      expect(path.isAbsolute(p), p).toBe(true);
      expect(p.startsWith(TEST_IMAGES_DIR), p).toBe(true);
      expect(fs.existsSync(p), p).toBe(true);
    }
    for (const dir of [bookworm.ociDir, layered.ociDir, multiarch.ociDir]) {
      expect(fs.existsSync(path.join(dir, 'oci-layout'))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'index.json'))).toBe(true);
    }
    expect(fs.existsSync(path.join(bookworm.rootfs, 'var/lib/dpkg/status'))).toBe(true);
    expect(
      fs.readdirSync(path.join(bookworm.rootfs, 'var/cache/apt/archives')).filter((f) => f.endsWith('.deb')),
    ).toEqual([]);
  });

  it('bookworm config carries the Dockerfile-like settings and a HEALTHCHECK', () => {
    const { ociDir, tag, manifestDigest } = images.images.bookworm;
    const desc = tagged(ociDir, tag);
    expect(desc.digest).toBe(manifestDigest);
    const manifest = readJson<Manifest>(blob(ociDir, desc.digest));
    expect(manifest.layers).toHaveLength(1);
    expect(manifest.layers[0]?.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
    const cfg = readJson<{
      architecture: string;
      config: Record<string, unknown>;
      history: { created_by?: string; empty_layer?: boolean }[];
    }>(blob(ociDir, manifest.config.digest));
    expect(cfg.architecture).toBe('amd64');
    expect(cfg.config.User).toBe('0');
    expect(cfg.config.WorkingDir).toBe('/srv');
    expect(cfg.config.Env).toContain('CUSTOMS_TEST=1');
    expect(cfg.config.ExposedPorts).toEqual({ '8080/tcp': {} });
    expect(cfg.config.Entrypoint).toEqual(['/bin/sh']);
    expect(cfg.config.Cmd).toEqual(['-c', 'echo hello']);
    expect(cfg.config.Labels).toEqual({ 'org.opencontainers.image.title': 'customs-test-bookworm' });
    expect(cfg.config.Healthcheck).toMatchObject({ Test: ['CMD-SHELL', expect.any(String)], Retries: 3 });
    expect(cfg.history.filter((h) => !h.empty_layer)).toHaveLength(1);
    expect(cfg.history[0]?.created_by).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/);
    expect(cfg.history.some((h) => h.created_by?.includes('HEALTHCHECK'))).toBe(true);
  });

  it('Docker >= 25 archive has manifest.json + OCI layout with uncompressed layers', () => {
    const { dockerArchiveOci, diffIds, configDigest, repoTag } = images.images.bookworm;
    const names = layerEntries(dockerArchiveOci, 'application/x-tar');
    expect(names).toEqual(expect.arrayContaining(['oci-layout', 'index.json', 'manifest.json']));
    const legacy = JSON.parse(
      execFileSync('tar', ['-xOf', dockerArchiveOci, 'manifest.json'], { encoding: 'utf8' }),
    ) as { Config: string; RepoTags: string[]; Layers: string[] }[];
    expect(legacy).toEqual([
      {
        Config: `blobs/sha256/${configDigest.slice(7)}`,
        RepoTags: [repoTag],
        Layers: diffIds.map((d) => `blobs/sha256/${d.slice(7)}`),
      },
    ]);
    const index = JSON.parse(
      execFileSync('tar', ['-xOf', dockerArchiveOci, 'index.json'], { encoding: 'utf8' }),
    ) as Index;
    const mdesc = index.manifests[0]!;
    const manifest = JSON.parse(
      execFileSync('tar', ['-xOf', dockerArchiveOci, `blobs/sha256/${mdesc.digest.slice(7)}`], {
        encoding: 'utf8',
      }),
    ) as Manifest;
    expect(manifest.layers.map((l) => l.mediaType)).toEqual(
      diffIds.map(() => 'application/vnd.oci.image.layer.v1.tar'),
    );
    expect(manifest.layers.map((l) => l.digest)).toEqual(diffIds);
  });

  it('layered image has whiteouts, an opaque dir, a zstd and an uncompressed layer', () => {
    const { ociDir, tag, layerMediaTypes, removedPackage } = images.images.layered;
    const manifest = readJson<Manifest>(blob(ociDir, tagged(ociDir, tag).digest));
    expect(manifest.layers.length).toBeGreaterThanOrEqual(5);
    expect(manifest.layers.map((l) => l.mediaType)).toEqual(layerMediaTypes);
    const types = manifest.layers.map((l) => l.mediaType);
    expect(types).toContain('application/vnd.oci.image.layer.v1.tar+zstd');
    expect(types).toContain('application/vnd.oci.image.layer.v1.tar');

    const entries = manifest.layers.slice(1).map((l) => layerEntries(blob(ociDir, l.digest), l.mediaType));
    const all = entries.flat();
    expect(entries[0]).toEqual(
      expect.arrayContaining(['opt/app/secret.txt', 'opt/app/keep.txt', 'etc/customs/removed/a.conf']),
    );
    expect(all).toContain('opt/app/.wh.secret.txt');
    const zstd = manifest.layers.findIndex((l) => l.mediaType.endsWith('+zstd'));
    expect(entries[zstd - 1]).toEqual(
      expect.arrayContaining(['etc/customs/removed/.wh..wh..opq', 'etc/customs/removed/new.conf']),
    );
    const secretLayer = manifest.layers[1]!;
    expect(
      layerFile(blob(ociDir, secretLayer.digest), secretLayer.mediaType, 'opt/app/secret.txt').toString(),
    ).toContain(images.images.layered.fakeSecretLine);

    // The uncompressed layer's dpkg status lacks exactly one package of the base image.
    const raw = manifest.layers.findIndex((l) => l.mediaType === 'application/vnd.oci.image.layer.v1.tar');
    const rawLayer = manifest.layers[raw]!;
    const status = layerFile(blob(ociDir, rawLayer.digest), rawLayer.mediaType, 'var/lib/dpkg/status');
    const squashed = dpkgQueryStatus(status).map((p) => p.name);
    const base = dpkgQuery(images.images.bookworm.rootfs).map((p) => p.name);
    expect(base).toContain(removedPackage);
    expect(squashed).not.toContain(removedPackage);
    expect(base.filter((n) => !squashed.includes(n))).toEqual([removedPackage]);
  });

  it('multiarch index has linux/amd64 and linux/arm64', () => {
    const { ociDir, tag, indexDigest, platforms } = images.images.multiarch;
    const top = tagged(ociDir, tag);
    expect(top.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(top.digest).toBe(indexDigest);
    const nested = readJson<Index>(blob(ociDir, top.digest));
    const byPlatform = Object.fromEntries(
      nested.manifests.map((m) => [`${m.platform?.os}/${m.platform?.architecture}`, m.digest]),
    );
    expect(byPlatform).toEqual(platforms);
    expect(byPlatform['linux/amd64']).toBe(images.images.bookworm.manifestDigest);
    const arm = readJson<Manifest>(blob(ociDir, platforms['linux/arm64']!));
    const cfg = readJson<{ architecture: string; os: string }>(blob(ociDir, arm.config.digest));
    expect(cfg).toMatchObject({ architecture: 'arm64', os: 'linux' });
    const layer = arm.layers[0]!;
    expect(layerFile(blob(ociDir, layer.digest), layer.mediaType, 'etc/customs-arch').toString()).toBe(
      'arm64\n',
    );
    // skopeo copy --all kept the nested index in the archive.
    const archived = execFileSync('tar', ['-tf', images.images.multiarch.ociArchive], { encoding: 'utf8' });
    expect(archived).toContain(`blobs/sha256/${indexDigest.slice(7)}`);
    expect(archived).toContain(`blobs/sha256/${platforms['linux/arm64']!.slice(7)}`);
  });

  it('dpkg-query oracle reads the rootfs', () => {
    const pkgs = dpkgQuery(images.images.bookworm.rootfs);
    expect(pkgs.length).toBeGreaterThan(50);
    expect(pkgs.find((p) => p.name === 'libc6')).toMatchObject({
      sourceName: 'glibc',
      architecture: 'amd64',
    });
    expect(pkgs.find((p) => p.name === 'python3-minimal')).toBeDefined();
  });
});
