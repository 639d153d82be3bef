import type { LayerHandle } from '../source/types.js';
import type { LayerIndex, LayerIndexCache } from '../resolver/index-image.js';
import type { ProgressListener } from '../resolver/progress.js';
import { layerCacheKey } from './cache-key.js';
import { decodeLayerIndex, encodeLayerIndex } from './layer-codec.js';
import type { LayerCache } from './types.js';

export interface CachedLayersOptions {
  /** readersFingerprint of the readers of this analysis. */
  fingerprint: string;
  total: number;
  onProgress?: ProgressListener;
}

/**
 * The resolver's view of a LayerCache for one analysis: a stored index is decoded in place of a
 * read, and a layer read in full is stored. A cache that fails to store is not an error (the SBOM
 * is right either way); it is counted as a miss next time.
 */
export function cachedLayers(cache: LayerCache, options: CachedLayersOptions): LayerIndexCache {
  return {
    async read(layer: LayerHandle, fresh: () => Promise<LayerIndex>): Promise<LayerIndex> {
      const key = layerCacheKey(layer, options.fingerprint);
      if (key === undefined) return fresh();
      const { index, digest, diffId, size } = layer.descriptor;
      const stored = await cache.get(key);
      const decoded = stored ? decodeLayerIndex(stored, index, diffId ?? digest) : undefined;
      if (decoded) {
        const { total } = options;
        options.onProgress?.({ kind: 'layer-start', index, total, digest, size });
        options.onProgress?.({
          kind: 'layer-done',
          index,
          total,
          entries: decoded.summary.entries,
          storedBytes: decoded.summary.storedBytes,
          tarBytes: decoded.summary.tarBytes,
          cached: true,
        });
        return decoded;
      }
      const read = await fresh();
      const encoded = encodeLayerIndex(read);
      if (encoded) await cache.put(key, encoded);
      return read;
    },
  };
}
