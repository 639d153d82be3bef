export type { CacheEntryKind, LayerCache, LayerReaderUnit } from './types.js';
export {
  IMAGE_CACHE_FORMAT,
  LAYER_CACHE_FORMAT,
  imageCacheKey,
  layerCacheKey,
  readersFingerprint,
  stableJson,
  type ImageIdentity,
  type ReadersIdentity,
} from './cache-key.js';
export { decodeLayerIndex, encodeLayerIndex } from './layer-codec.js';
export { decodeImageEntry, encodeImageEntry } from './image-codec.js';
export { cachedLayers, type CachedLayersOptions } from './cached-layers.js';
export {
  DEFAULT_LAYER_CACHE_BYTES,
  FileLayerCache,
  defaultLayerCacheDir,
  type LayerCacheStatus,
} from './file-layer-cache.js';
