import path from 'node:path';
import { FileLayerCache, type CacheEntryKind, type LayerCache } from '../../layer-cache/index.js';
import type { LayerBlobStore, ServiceStore } from '../store/types.js';

/** DATA_DIR/layers: the machine's layer cache, shared by every worker process on it. */
export function layerCacheDir(dataDir: string): string {
  return path.join(dataDir, 'layers');
}

/**
 * The layer cache a worker analyzes with: a folder in the data dir, so a base layer shared by
 * many images is read once per machine; with the PostgreSQL store, the store's layer table
 * behind it, so a layer one machine read is not read again by another (a hit there is copied
 * into the folder). Whole-image entries stay in the folder only: an image is analyzed once per
 * digest, so they would seldom help another machine and would only grow the shared table.
 */
export function serviceLayerCache(dataDir: string, store: ServiceStore): LayerCache {
  const local = new FileLayerCache(layerCacheDir(dataDir));
  return store.kind === 'postgres' ? new TieredLayerCache(local, store.layers) : local;
}

export class TieredLayerCache implements LayerCache {
  constructor(
    private readonly local: LayerCache,
    private readonly shared: LayerBlobStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(key: string, kind: CacheEntryKind = 'layer'): Promise<Buffer | undefined> {
    const hit = await this.local.get(key, kind);
    if (hit || kind !== 'layer') return hit;
    // A shared store that cannot answer costs a read of the layer, never the analysis.
    const shared = await this.shared.get(key).catch(() => undefined);
    if (shared) await this.local.put(key, shared, kind);
    return shared;
  }

  async put(key: string, data: Buffer, kind: CacheEntryKind = 'layer'): Promise<void> {
    await this.local.put(key, data, kind);
    if (kind === 'layer') await this.shared.put(key, data, this.now().toISOString()).catch(() => undefined);
  }
}
