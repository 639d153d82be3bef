export type { LayerCache, LayerReaderUnit } from './types.js';
export {
  LAYER_CACHE_FORMAT,
  layerCacheKey,
  readersFingerprint,
  stableJson,
  type ReadersIdentity,
} from './cache-key.js';
export { decodeLayerIndex, encodeLayerIndex } from './layer-codec.js';
export { cachedLayers, type CachedLayersOptions } from './cached-layers.js';
export {
  DEFAULT_LAYER_CACHE_BYTES,
  FileLayerCache,
  defaultLayerCacheDir,
  type LayerCacheStatus,
} from './file-layer-cache.js';
