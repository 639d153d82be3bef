// The CLI's layer cache: on by default under $CUSTOMS_CACHE_DIR, --no-cache bypasses it,
// `customs cache status|clean` show and empty it. A warm run does not open a layer blob.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTestImages } from '../images/index.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

let source: string;
let layout: string;
let layers: number;

beforeAll(() => {
  const { layered } = getTestImages().images;
  layout = join(tempDir('customs-cli-cache-'), 'oci');
  cpSync(layered.ociDir, layout, { recursive: true });
  source = `oci-dir:${layout}:${layered.tag}`;
  layers = layered.diffIds.length;
});

const withoutTimestamp = (json: string): unknown => {
  const sbom = JSON.parse(json) as { descriptor: { timestamp?: string } };
  delete sbom.descriptor.timestamp;
  return sbom;
};

function deleteLayerBlobs(): void {
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
    manifests: { digest: string }[];
  };
  const blob = (digest: string): string => join(layout, 'blobs', 'sha256', digest.split(':')[1]!);
  const manifest = JSON.parse(readFileSync(blob(index.manifests[0]!.digest), 'utf8')) as {
    layers: { digest: string }[];
  };
  for (const layer of manifest.layers) rmSync(blob(layer.digest));
}

describe('customs cache', () => {
  it('fills on the first run, serves the second, and is shown and cleaned', () => {
    const env = { CUSTOMS_CACHE_DIR: tempDir('customs-cli-cache-dir-') };
    const empty = runCli(['cache', 'status', '--json'], env);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ dir: env.CUSTOMS_CACHE_DIR, entries: 0, bytes: 0 });

    const cold = runCli(['sbom', source, '-o', 'json'], env);
    expect(cold.code, cold.stderr).toBe(0);
    const filled = JSON.parse(runCli(['cache', 'status', '--json'], env).stdout) as {
      entries: number;
      layers: number;
      images: number;
      bytes: number;
    };
    // One entry per layer, and one for the image's whole analysis.
    expect(filled).toMatchObject({ entries: layers + 1, layers, images: 1 });
    expect(filled.bytes).toBeGreaterThan(0);
    expect(runCli(['cache', 'status'], env).stdout).toMatch(
      new RegExp(`: ${layers} layers and 1 image, [0-9.]+ MB of at most 2048.0 MB`),
    );

    deleteLayerBlobs();
    const warm = runCli(['sbom', source, '-o', 'json'], env);
    expect(warm.code, warm.stderr).toBe(0);
    expect(withoutTimestamp(warm.stdout)).toEqual(withoutTimestamp(cold.stdout));

    // --no-cache reads the layers, and they are gone: one line naming what is missing.
    const bypass = runCli(['sbom', source, '-o', 'json', '--no-cache'], env);
    expect(bypass.code).toBe(1);
    expect(bypass.stderr.trim().split('\n')).toHaveLength(1);

    const clean = runCli(['cache', 'clean'], env);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(new RegExp(`removed ${layers} layers and 1 image`));
    expect(JSON.parse(runCli(['cache', 'status', '--json'], env).stdout)).toMatchObject({ entries: 0 });
    expect(runCli(['sbom', source, '-o', 'json'], env).code).toBe(1);
  });
});
