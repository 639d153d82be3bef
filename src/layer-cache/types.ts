/**
 * What an entry holds: one layer's index, or a whole image's analysis (kept beside its layers'
 * entries, under a key made of the image's config and every layer's key, so that a re-scan of an
 * image seen before skips merging and cataloging too).
 */
export type CacheEntryKind = 'layer' | 'image';

/**
 * Stored layer indexes (and image analyses) by key: the CLI's is a folder under the cache dir
 * (FileLayerCache); a service can keep them in its own store. Implementations never throw for a
 * missing or damaged entry (that is a miss) and make a put visible whole or not at all. Keys of
 * the two kinds never collide; `kind` (default 'layer') lets a store keep or count them apart.
 */
export interface LayerCache {
  get(key: string, kind?: CacheEntryKind): Promise<Buffer | undefined>;
  put(key: string, data: Buffer, kind?: CacheEntryKind): Promise<void>;
}

/** One unit that reads layers (a cataloger, an inspector, the distro detector) and its version. */
export interface LayerReaderUnit {
  name: string;
  version: number;
}
