import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestImages } from '../images/index.js';
import { dpkgQuery, type DpkgQueryPackage } from '../oracle/dpkg-query.js';
import { startRegistry, type RunningRegistry } from '../registry/registry-harness.js';
import { runCli } from '../helpers/run-cli.js';

interface SbomPackage {
  name: string;
  version: string;
  type: string;
  purl?: string;
  locations: { path: string; layer?: string; layerIndex?: number }[];
  metadata?: { source?: string; sourceVersion?: string; architecture?: string };
}

const images = getTestImages().images;
let registry: RunningRegistry;

function sbom(args: string[]): {
  packages: SbomPackage[];
  distro: { id: string; versionId: string } | null;
  source: { digest?: string; layers: unknown[] };
} {
  const r = runCli(['sbom', ...args, '-o', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** name, version, source name and source version, as dpkg-query prints them. */
function key(p: {
  name: string;
  version: string;
  sourceName: string;
  sourceVersion: string;
  architecture: string;
}): string {
  return `${p.name}\t${p.version}\t${p.sourceName}\t${p.sourceVersion}\t${p.architecture}`;
}

function keysOf(packages: SbomPackage[]): string[] {
  return packages
    .filter((p) => p.type === 'deb')
    .map((p) =>
      key({
        name: p.name,
        version: p.version,
        sourceName: p.metadata?.source ?? p.name,
        sourceVersion: p.metadata?.sourceVersion ?? p.version,
        architecture: p.metadata?.architecture ?? '',
      }),
    )
    .sort();
}

const oracleKeys = (pkgs: DpkgQueryPackage[]): string[] => pkgs.map(key).sort();

beforeAll(async () => {
  registry = await startRegistry();
  execFileSync('skopeo', [
    'copy',
    '--quiet',
    '--dest-tls-verify=false',
    `oci:${images.bookworm.ociDir}:${images.bookworm.tag}`,
    `docker://${registry.host}/customs/bookworm:latest`,
  ]);
  execFileSync('skopeo', [
    'copy',
    '--quiet',
    '--all',
    '--dest-tls-verify=false',
    `oci:${images.multiarch.ociDir}:${images.multiarch.tag}`,
    `docker://${registry.host}/customs/multiarch:latest`,
  ]);
});
afterAll(async () => registry?.stop());

describe('dpkg packages equal dpkg-query on a debootstrapped bookworm, for every source kind', () => {
  const expected = oracleKeys(dpkgQuery(images.bookworm.rootfs));

  it('the oracle sees a real system', () => {
    expect(expected.length).toBeGreaterThan(80);
    expect(expected.some((k) => k.startsWith('libc6\t') && k.includes('\tglibc\t'))).toBe(true);
  });

  const sources = (): Record<string, string[]> => ({
    'oci-dir': [`oci-dir:${images.bookworm.ociDir}:${images.bookworm.tag}`],
    'oci-archive': [`oci-archive:${images.bookworm.ociArchive}`],
    'docker-archive (classic)': [`docker-archive:${images.bookworm.dockerArchive}`],
    'docker-archive (Docker ≥ 25)': [
      `docker-archive:${images.bookworm.dockerArchiveOci}:${images.bookworm.repoTag}`,
    ],
    dir: [`dir:${images.bookworm.rootfs}`],
    registry: [`registry:${registry.host}/customs/bookworm:latest`, '--insecure-registry', registry.host],
    'bare registry reference': [`${registry.host}/customs/bookworm`, '--insecure-registry', registry.host],
  });

  const results = new Map<string, string[]>();
  for (const name of [
    'oci-dir',
    'oci-archive',
    'docker-archive (classic)',
    'docker-archive (Docker ≥ 25)',
    'dir',
    'registry',
    'bare registry reference',
  ]) {
    it(`${name}`, () => {
      const out = sbom(sources()[name]!);
      expect(out.distro).toMatchObject({ id: 'debian', versionId: '12' });
      const got = keysOf(out.packages);
      expect(got).toEqual(expected);
      results.set(name, got);
      for (const p of out.packages) {
        expect(p.purl).toMatch(/^pkg:deb\/debian\//);
        expect(p.locations[0]!.path).toBe('/var/lib/dpkg/status');
        expect(p.locations[0]!.layer).toMatch(/^sha256:[0-9a-f]{64}$/);
      }
    });
  }

  it('the image sources agree on the manifest digest', () => {
    expect(sbom([`oci-archive:${images.bookworm.ociArchive}`]).source.digest).toBe(
      images.bookworm.manifestDigest,
    );
    expect(sbom([`oci-dir:${images.bookworm.ociDir}:${images.bookworm.tag}`]).source.digest).toBe(
      images.bookworm.manifestDigest,
    );
  });
});

describe('multi-arch images', () => {
  it('picks linux/amd64 by default and the platform asked for', () => {
    const amd = sbom([`oci-dir:${images.multiarch.ociDir}:${images.multiarch.tag}`]);
    expect(amd.source.digest).toBe(images.multiarch.platforms['linux/amd64']);
    expect(amd.packages.length).toBeGreaterThan(80);
    const arm = sbom([
      `oci-dir:${images.multiarch.ociDir}:${images.multiarch.tag}`,
      '--platform',
      'linux/arm64',
    ]);
    expect(arm.source.digest).toBe(images.multiarch.platforms['linux/arm64']);
    expect(arm.packages).toEqual([]);
    const viaRegistry = sbom([
      `registry:${registry.host}/customs/multiarch:latest`,
      '--insecure-registry',
      registry.host,
      '--platform',
      'linux/arm64',
    ]);
    expect(viaRegistry.source.digest).toBe(images.multiarch.platforms['linux/arm64']);
  });

  it('names the platforms it has when the one asked for is missing', () => {
    const r = runCli([
      'sbom',
      `oci-dir:${images.multiarch.ociDir}:${images.multiarch.tag}`,
      '--platform',
      'linux/s390x',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^customs: .*no image for platform linux\/s390x; it offers: linux\/amd64, linux\/arm64/,
    );
  });
});
