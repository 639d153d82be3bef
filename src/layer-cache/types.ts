/**
 * Stored layer indexes by key: the CLI's is a folder under the cache dir (FileLayerCache); a
 * service can keep them in its own store. Implementations never throw for a missing or damaged
 * entry (that is a miss) and make a put visible whole or not at all.
 */
export interface LayerCache {
  get(key: string): Promise<Buffer | undefined>;
  put(key: string, data: Buffer): Promise<void>;
}

/** One unit that reads layers (a cataloger, an inspector, the distro detector) and its version. */
export interface LayerReaderUnit {
  name: string;
  version: number;
}
