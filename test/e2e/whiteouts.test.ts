import { describe, expect, it } from 'vitest';
import { indexImage } from '../../src/resolver/index-image.js';
import { openOciDir } from '../../src/source/oci-dir/open-oci-dir.js';
import { openOciArchive } from '../../src/source/oci-archive/open-oci-archive.js';
import { getTestImages } from '../images/index.js';
import { dpkgQuery } from '../oracle/dpkg-query.js';
import { runCli } from '../helpers/run-cli.js';

const { layered, bookworm } = getTestImages().images;

describe('whiteouts on a real multi-layer image (umoci whiteout, opaque zstd layer, plain layer)', () => {
  // skopeo compresses the plain layer when it writes the archive; the layout keeps all three kinds.
  it.each([
    ['oci-dir', () => openOciDir(`${layered.ociDir}:${layered.tag}`, {}), ['gzip', 'zstd', 'none']],
    ['oci-archive', () => openOciArchive(layered.ociArchive, {}), ['gzip', 'zstd']],
  ])(
    '%s: whited-out files are gone from squashed and kept, with their layer, in all-layers',
    async (_name, open, kinds) => {
      const image = await open();
      const files = await indexImage(image, { wants: (p) => p.startsWith('/opt/app/') });
      expect(files.squashed.lookup(layered.secretPath)).toBeUndefined();
      expect(files.squashed.lookup('/opt/app/keep.txt')).toBeDefined();
      expect(files.squashed.lookup('/etc/customs/removed/a.conf')).toBeUndefined();
      expect(files.squashed.lookup('/etc/customs/removed/new.conf')?.layerIndex).toBe(3);
      const secret = files.allLayers.find((p) => p === layered.secretPath);
      expect(secret.map((r) => r.layerIndex)).toEqual([1]);
      expect(secret[0]!.layerDigest).toBe(layered.diffIds[1]);
      expect(files.allLayers.content(secret[0]!)?.toString()).toContain(layered.fakeSecretLine);
      expect(
        files.allLayers.find((p) => p === '/etc/customs/removed/a.conf').map((r) => r.layerIndex),
      ).toEqual([1]);
      expect(new Set(files.layers.map((l) => l.compression))).toEqual(new Set(kinds));
    },
  );

  it('packages: a package removed from the dpkg database in a later layer is only in all-layers', () => {
    const expected = dpkgQuery(bookworm.rootfs).map((p) => p.name);
    const squashed = JSON.parse(
      runCli(['sbom', `oci-dir:${layered.ociDir}:${layered.tag}`, '-o', 'json']).stdout,
    );
    const all = JSON.parse(
      runCli(['sbom', `oci-dir:${layered.ociDir}:${layered.tag}`, '-o', 'json', '--scope', 'all-layers'])
        .stdout,
    );
    const names = (s: { packages: { name: string }[] }): string[] => s.packages.map((p) => p.name).sort();
    expect(names(squashed)).toEqual(expected.filter((n) => n !== layered.removedPackage).sort());
    expect(names(all)).toEqual([...expected].sort());
    const removed = all.packages.find((p: { name: string }) => p.name === layered.removedPackage);
    expect(removed.locations).toEqual([
      { path: '/var/lib/dpkg/status', layer: layered.diffIds[0], layerIndex: 0 },
    ]);
    const libc = all.packages.find((p: { name: string }) => p.name === 'libc6');
    expect(libc.locations.map((l: { layerIndex: number }) => l.layerIndex)).toEqual([
      0,
      layered.diffIds.length - 1,
    ]);
  });
});
