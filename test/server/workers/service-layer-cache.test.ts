// The workers' layer cache: the machine's folder in front of the PostgreSQL store's layer table,
// so a layer read on one machine is not read again on another.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileLayerCache } from '../../../src/layer-cache/index.js';
import type { LayerBlobStore, ServiceStore } from '../../../src/server/store/index.js';
import { serviceLayerCache, TieredLayerCache } from '../../../src/server/worker/index.js';
import { sbomImage } from '../../../src/usecases/index.js';
import { writeOciLayout } from '../../helpers/oci-builder.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { tempDir } from '../../helpers/temp-dir.js';

const backends = await serviceStoreBackends();
const dir = tempDir('customs-layer-tiers-');
const layout = join(dir, 'layout');

beforeAll(async () => {
  await writeOciLayout(layout, {
    tag: 'v1',
    layers: [
      { entries: [{ name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' }] },
      {
        entries: [
          {
            name: 'srv/node_modules/left-pad/package.json',
            content: JSON.stringify({ name: 'left-pad', version: '1.3.0' }),
          },
        ],
      },
    ],
  });
});

/** The store's layer table, counting the hits it gives. */
function counting(layers: LayerBlobStore): LayerBlobStore & { hits: number } {
  const counted = {
    hits: 0,
    get: async (key: string) => {
      const data = await layers.get(key);
      if (data) counted.hits++;
      return data;
    },
    put: (key: string, data: Buffer, at: string) => layers.put(key, data, at),
    stats: () => layers.stats(),
  };
  return counted;
}

describe.skipIf(!backends.postgres)('the layer cache of workers on PostgreSQL', () => {
  let store: ServiceStore;
  beforeAll(async () => {
    store = await backends.postgres!.fresh();
  });
  afterAll(async () => store?.close());

  it('gives a second machine the layers the first one read, and keeps image entries local', async () => {
    const source = `oci-dir:${layout}:v1`;
    const first = await sbomImage(source, { layerCache: serviceLayerCache(join(dir, 'machine-a'), store) });
    expect((await store.layers.stats()).entries).toBe(2);

    const shared = counting(store.layers);
    const second = new TieredLayerCache(new FileLayerCache(join(dir, 'machine-b', 'layers')), shared);
    const again = await sbomImage(source, { layerCache: second });
    expect(shared.hits).toBe(2);
    expect(again.sbom.packages.map((p) => p.name)).toEqual(first.sbom.packages.map((p) => p.name));
    const copied = await readdir(join(dir, 'machine-b', 'layers'));
    expect(copied.filter((f) => f.endsWith('.layer'))).toHaveLength(2);
    // Whole-image entries stay on the machine that made them.
    expect((await store.layers.stats()).entries).toBe(2);
    expect(copied.filter((f) => f.endsWith('.image'))).toHaveLength(1);
  });
});

describe('the layer cache of the embedded service', () => {
  it('is the data dir’s folder alone', async () => {
    const store = await backends.sqlite.fresh();
    try {
      const cache = serviceLayerCache(join(dir, 'embedded'), store);
      expect(cache).toBeInstanceOf(FileLayerCache);
      expect((cache as FileLayerCache).dir).toBe(join(dir, 'embedded', 'layers'));
    } finally {
      await store.close();
    }
  });
});
