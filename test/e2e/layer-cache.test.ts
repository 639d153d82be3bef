// The layer cache on the real test images: an SBOM made from cached layer indexes is the SBOM made
// by reading them, a warm run reads no layer byte (the blobs can be gone), an image sharing its
// base layer pays only for its own layers, and anything that reads layers differently misses.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileLayerCache } from '../../src/layer-cache/index.js';
import type { Sbom } from '../../src/model/sbom.js';
import type { ProgressEvent } from '../../src/resolver/progress.js';
import { generateSbom, type GenerateSbomOptions } from '../../src/sbom/generate-sbom.js';
import { getTestImages, type TestImages } from '../images/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = new Date('2026-06-01T00:00:00Z');
let images: TestImages['images'];
const ref = (image: { ociDir: string; tag: string }): string => `oci-dir:${image.ociDir}:${image.tag}`;

interface Run {
  sbom: Sbom;
  cached: number;
  read: number;
}

async function run(source: string, options: GenerateSbomOptions = {}): Promise<Run> {
  const events: ProgressEvent[] = [];
  const sbom = await generateSbom(source, { now: NOW, ...options, onProgress: (e) => events.push(e) });
  const done = events.filter(
    (e): e is Extract<ProgressEvent, { kind: 'layer-done' }> => e.kind === 'layer-done',
  );
  return { sbom, cached: done.filter((e) => e.cached).length, read: done.filter((e) => !e.cached).length };
}

beforeAll(() => {
  images = getTestImages().images;
});

describe('layer cache on the test images', () => {
  it.each(['bookworm', 'layered', 'polyglot'] as const)(
    '%s: the SBOM from cached layers equals the SBOM from reading them',
    async (name) => {
      const cache = new FileLayerCache(tempDir('customs-layer-cache-'));
      const source = ref(images[name]);
      const plain = await run(source);
      const cold = await run(source, { layerCache: cache });
      const warm = await run(source, { layerCache: cache });
      expect(cold.read).toBe(images[name].diffIds.length);
      expect(cold.cached).toBe(0);
      expect(warm.cached).toBe(images[name].diffIds.length);
      expect(warm.read).toBe(0);
      expect(cold.sbom).toEqual(plain.sbom);
      expect(warm.sbom).toEqual(plain.sbom);
      expect(warm.sbom.packages.length).toBeGreaterThan(50);
    },
  );

  it('all layers scope and secrets: the same from the cache', async () => {
    const cache = new FileLayerCache(tempDir('customs-layer-cache-'));
    const source = ref(images.layered);
    const options: GenerateSbomOptions = {
      scope: 'all-layers',
      catalog: { files: 'all', fileDigests: true },
    };
    const plain = await run(source, options);
    await run(source, { ...options, layerCache: cache });
    const warm = await run(source, { ...options, layerCache: cache });
    expect(warm.read).toBe(0);
    expect(warm.sbom).toEqual(plain.sbom);
    // The deleted secret is still found in its layer: whiteouts are applied after the cache.
    expect(warm.sbom.secrets.some((s) => s.path === images.layered.secretPath)).toBe(true);
  });

  it('a warm run reads no layer byte: it works with the layer blobs deleted', async () => {
    const layout = join(tempDir('customs-layer-copy-'), 'oci');
    cpSync(images.layered.ociDir, layout, { recursive: true });
    const source = `oci-dir:${layout}:${images.layered.tag}`;
    const cache = new FileLayerCache(tempDir('customs-layer-cache-'));
    const cold = await run(source, { layerCache: cache });
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
      manifests: { digest: string }[];
    };
    const manifestDigest = index.manifests[0]!.digest.split(':')[1]!;
    const manifest = JSON.parse(readFileSync(join(layout, 'blobs', 'sha256', manifestDigest), 'utf8')) as {
      layers: { digest: string }[];
    };
    for (const layer of manifest.layers) rmSync(join(layout, 'blobs', 'sha256', layer.digest.split(':')[1]!));
    const warm = await run(source, { layerCache: cache });
    expect(warm.read).toBe(0);
    expect(warm.sbom).toEqual(cold.sbom);
    // Without the cache the same source cannot be read any more: the blobs really are gone.
    await expect(generateSbom(source, { now: NOW })).rejects.toThrow(/layer|blob|not found|no such/i);
  });

  it('an image on the same base pays only for its own layers', async () => {
    const cache = new FileLayerCache(tempDir('customs-layer-cache-'));
    await run(ref(images.bookworm), { layerCache: cache });
    const polyglot = await run(ref(images.polyglot), { layerCache: cache });
    expect(images.polyglot.diffIds[0]).toBe(images.bookworm.diffIds[0]);
    expect(polyglot.cached).toBe(1);
    expect(polyglot.read).toBe(images.polyglot.diffIds.length - 1);
    expect(polyglot.sbom).toEqual((await run(ref(images.polyglot))).sbom);
  });

  it('other catalog options or a changed rules file read the layers again', async () => {
    const dir = tempDir('customs-layer-cache-');
    const cache = new FileLayerCache(dir);
    const source = ref(images.bookworm);
    await run(source, { layerCache: cache });
    expect((await run(source, { layerCache: cache, catalog: { files: 'all' } })).read).toBe(1);
    expect((await run(source, { layerCache: cache, catalog: { files: 'all' } })).read).toBe(0);
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, 'rules:\n  - id: one\n    category: test\n    title: one\n    regex: ONE[0-9]{8}\n');
    const withRules = { layerCache: cache, catalog: { secrets: { rulesFile: rules } } };
    expect((await run(source, withRules)).read).toBe(1);
    expect((await run(source, withRules)).read).toBe(0);
    writeFileSync(rules, 'rules:\n  - id: two\n    category: test\n    title: two\n    regex: TWO[0-9]{8}\n');
    expect((await run(source, withRules)).read).toBe(1);
  });

  it('a damaged entry is a miss: the layer is read again and the entry replaced', async () => {
    const dir = tempDir('customs-layer-cache-');
    const cache = new FileLayerCache(dir);
    const source = ref(images.bookworm);
    const cold = await run(source, { layerCache: cache });
    // Without its image entry, so that the layer entry is what the next run looks for.
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.image'))) rmSync(join(dir, name));
    const [entry] = readdirSync(dir).filter((f) => f.endsWith('.layer'));
    const bytes = readFileSync(join(dir, entry!));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(join(dir, entry!), bytes);
    const damaged = await run(source, { layerCache: cache });
    expect(damaged.read).toBe(1);
    expect(damaged.sbom).toEqual(cold.sbom);
    expect((await run(source, { layerCache: cache })).cached).toBe(1);
  });

  it('a second run of an image is answered by its image entry; a damaged one is a miss', async () => {
    const dir = tempDir('customs-layer-cache-');
    const cache = new FileLayerCache(dir);
    const source = ref(images.layered);
    const cold = await run(source, { layerCache: cache });
    const entries = readdirSync(dir);
    expect(entries.filter((f) => f.endsWith('.image'))).toHaveLength(1);
    expect(entries.filter((f) => f.endsWith('.layer'))).toHaveLength(images.layered.diffIds.length);
    // The layer entries gone: only the image entry can answer, and it does.
    for (const name of entries.filter((f) => f.endsWith('.layer'))) rmSync(join(dir, name));
    const warm = await run(source, { layerCache: cache });
    expect(warm.read).toBe(0);
    expect(warm.cached).toBe(images.layered.diffIds.length);
    expect(warm.sbom).toEqual(cold.sbom);
    const [entry] = readdirSync(dir).filter((f) => f.endsWith('.image'));
    const bytes = readFileSync(join(dir, entry!));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(join(dir, entry!), bytes);
    const damaged = await run(source, { layerCache: cache });
    expect(damaged.read).toBe(images.layered.diffIds.length);
    expect(damaged.sbom).toEqual(cold.sbom);
  });
});
