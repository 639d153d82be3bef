import { availableParallelism } from 'node:os';
import type { LayerHandle, OpenedImage } from '../source/types.js';
import { mapInOrder } from './in-order-pool.js';
import type { Inspector } from './inspection.js';
import { mergeLayers, type ImageFiles } from './merge-layers.js';
import type { ProgressListener } from './progress.js';
import {
  DEFAULT_MAX_CONTENT_BYTES,
  DEFAULT_MAX_INSPECT_BYTES,
  readLayer,
  type LayerIndex,
  type LayerReaders,
} from './read-layer.js';

export { DEFAULT_MAX_CONTENT_BYTES, DEFAULT_MAX_INSPECT_BYTES } from './read-layer.js';

/**
 * Layers read at once by default: 2 when the machine has a core to spare, else 1. Reading one
 * layer already keeps two cores busy (gunzip runs on libuv's thread pool beside the tar parsing
 * and cataloging on the main thread); on a 2-core machine a second layer in flight measured
 * slower (1 GB image: 12.8 s vs 9.7 s) and bigger (262 vs 248 MiB), see docs/benchmarks.md.
 * Each read in flight holds its decompressor's buffers and at most one file's content, so
 * memory grows with this number, not with the image.
 */
export const DEFAULT_LAYER_CONCURRENCY = availableParallelism() > 2 ? 2 : 1;
export type { ImageFiles } from './merge-layers.js';
export type { LayerIndex, LayerReaders, LayerReadSummary } from './read-layer.js';

/**
 * Where layer indexes already made can be found again (see src/layer-cache), for one set of
 * readers: `read` returns the stored index of `layer`, or calls `fresh` and may store the result.
 */
export interface LayerIndexCache {
  read(layer: LayerHandle, fresh: () => Promise<LayerIndex>): Promise<LayerIndex>;
}

export interface IndexOptions {
  /** Should the content of this path be kept? Asked once per regular file, must be cheap. */
  wants: (path: string) => boolean;
  /** Content larger than this is not kept (the record says why). */
  maxContentBytes?: number;
  onProgress?: ProgressListener;
  /** Look at file contents as they stream by; only their results are kept. */
  inspectors?: readonly Inspector[];
  maxInspectBytes?: number;
  /** Stops the read within moments (a layer stream is torn down mid-entry): CancelledError. */
  signal?: AbortSignal;
  /** Layers read before with the same readers are taken from here instead of read again. */
  cache?: LayerIndexCache;
  /** How many layers may be read at once (default DEFAULT_LAYER_CONCURRENCY); merged in order. */
  concurrency?: number;
}

/**
 * Reads every layer of `image` once as a stream (or takes its index from the cache), up to
 * `concurrency` layers at once, then merges them in layer order: the squashed tree (whiteouts
 * applied) and the all-layers record list, with the content of wanted files only. Progress
 * events of layers read at once interleave; each carries its layer index.
 */
export async function indexImage(image: OpenedImage, options: IndexOptions): Promise<ImageFiles> {
  const total = image.layers.length;
  const inspectors = options.inspectors ?? [];
  const readers: LayerReaders = {
    wants: options.wants,
    inspectors,
    maxContentBytes: options.maxContentBytes ?? DEFAULT_MAX_CONTENT_BYTES,
    maxInspectBytes: options.maxInspectBytes ?? DEFAULT_MAX_INSPECT_BYTES,
  };
  options.onProgress?.({
    kind: 'source-opened',
    reference: image.source.reference,
    layers: total,
    totalBytes: image.layers.reduce((n, l) => n + l.descriptor.size, 0),
  });
  const indexes = await mapInOrder(
    image.layers,
    options.concurrency ?? DEFAULT_LAYER_CONCURRENCY,
    (layer, _index, signal) => {
      const fresh = (): Promise<LayerIndex> =>
        readLayer(layer, readers, {
          total,
          signal,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
      return options.cache ? options.cache.read(layer, fresh) : fresh();
    },
    options.signal,
  );
  return mergeLayers(
    indexes,
    inspectors.map((i) => i.name),
  );
}
