import { throwIfCancelled } from '../errors/index.js';
import type { OpenedImage, LayerHandle } from '../source/types.js';
import type { FileRecord, FileView } from './file-view.js';
import { FileTree, whiteoutKind } from './file-tree.js';
import type { LayerEntry } from './layer-entry.js';
import { shortDigest } from './digest.js';
import type { ProgressListener } from './progress.js';
import { readTarLayer, type TarLayerStats } from './tar-layer.js';
import { UnreadableFileError } from './unreadable-file-error.js';
import { SkippedInspection, type Inspections, type Inspector } from './inspection.js';
import { AllLayersView, SquashedView, type ContentStore } from './views.js';

export const DEFAULT_MAX_CONTENT_BYTES = 64 * 1024 * 1024;
/** Files bigger than this are not handed to inspectors (they get a SkippedInspection). */
export const DEFAULT_MAX_INSPECT_BYTES = 128 * 1024 * 1024;

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
}

export interface LayerReadSummary {
  index: number;
  digest: string;
  entries: number;
  storedBytes: number;
  tarBytes: number;
  compression?: string;
}

export interface ImageFiles {
  squashed: FileView;
  allLayers: FileView;
  layers: LayerReadSummary[];
  inspections: Inspections;
}

/**
 * Reads every layer of `image` once, in order, as a stream: builds the squashed tree (whiteouts
 * applied) and the all-layers record list, and keeps the content of wanted files only.
 */
export async function indexImage(image: OpenedImage, options: IndexOptions): Promise<ImageFiles> {
  const tree = new FileTree();
  const records: FileRecord[] = [];
  const store: ContentStore = { content: new Map(), problems: new Map() };
  const max = options.maxContentBytes ?? DEFAULT_MAX_CONTENT_BYTES;
  const total = image.layers.length;
  const summaries: LayerReadSummary[] = [];
  const maxInspect = options.maxInspectBytes ?? DEFAULT_MAX_INSPECT_BYTES;
  const inspectors = options.inspectors ?? [];
  const inspections: Inspections = new Map(inspectors.map((i) => [i.name, new Map()]));
  options.onProgress?.({
    kind: 'source-opened',
    reference: image.source.reference,
    layers: total,
    totalBytes: image.layers.reduce((n, l) => n + l.descriptor.size, 0),
  });

  for (const layer of image.layers) {
    throwIfCancelled(options.signal, 'image analysis');
    const { index, digest, diffId, size } = layer.descriptor;
    const layerDigest = diffId ?? digest;
    const label = `layer ${index + 1}/${total} (${shortDigest(digest)})`;
    options.onProgress?.({ kind: 'layer-start', index, total, digest, size });
    const stats: TarLayerStats = { storedBytes: 0, tarBytes: 0 };
    const byPath = new Map<string, Buffer>();
    let entries = 0;
    for await (const entry of layerEntries(layer, label, stats, options.signal)) {
      entries++;
      throwIfCancelled(options.signal, 'image analysis');
      if ((entries & 0x3ff) === 0) options.onProgress?.({ kind: 'layer-progress', index, total, entries });
      const record: FileRecord = {
        path: entry.path,
        type: entry.type,
        mode: entry.mode,
        uid: entry.uid,
        gid: entry.gid,
        size: entry.size,
        layerIndex: index,
        layerDigest,
      };
      if (entry.linkTarget !== undefined) record.linkTarget = entry.linkTarget;
      tree.apply(record);
      if (whiteoutKind(entry.path)) continue;
      records.push(record);
      if (entry.type !== 'file' && entry.type !== 'hardlink') continue;
      const keep = options.wants(entry.path);
      const inspecting = entry.type === 'file' ? inspectors.filter((i) => i.wantsInspect(entry)) : [];
      if (!keep && inspecting.length === 0) continue;
      if (entry.type === 'hardlink') {
        const shared = byPath.get(entry.linkTarget!);
        if (shared) store.content.set(record, shared);
        else store.problems.set(record, `hard link to ${entry.linkTarget}, whose content was not kept`);
        continue;
      }
      const limit = Math.max(keep ? max : 0, inspecting.length ? maxInspect : 0);
      if (entry.size > limit) {
        const reason = `larger (${entry.size} bytes) than the ${limit}-byte content limit`;
        if (keep) store.problems.set(record, reason);
        for (const inspector of inspecting)
          inspections.get(inspector.name)!.set(record, new SkippedInspection(reason));
        continue;
      }
      let content: Buffer;
      try {
        content = await entry.read(limit);
      } catch (err) {
        if (!(err instanceof UnreadableFileError)) throw err;
        if (keep) store.problems.set(record, err.reason);
        for (const inspector of inspecting)
          inspections.get(inspector.name)!.set(record, new SkippedInspection(err.reason));
        continue;
      }
      for (const inspector of inspecting) {
        let result: unknown;
        try {
          result = await inspector.inspect(record, content);
        } catch (err) {
          result = new SkippedInspection(`inspection failed: ${(err as Error).message}`);
        }
        if (result !== undefined) inspections.get(inspector.name)!.set(record, result);
      }
      if (!keep) continue;
      store.content.set(record, content);
      byPath.set(entry.path, content);
    }
    const summary: LayerReadSummary = {
      index,
      digest,
      entries,
      storedBytes: stats.storedBytes,
      tarBytes: stats.tarBytes,
    };
    if (stats.compression) summary.compression = stats.compression;
    summaries.push(summary);
    options.onProgress?.({
      kind: 'layer-done',
      index,
      total,
      entries,
      storedBytes: stats.storedBytes,
      tarBytes: stats.tarBytes,
    });
  }

  return {
    squashed: new SquashedView(tree, store),
    allLayers: new AllLayersView(tree, store, records),
    layers: summaries,
    inspections,
  };
}

function layerEntries(
  layer: LayerHandle,
  label: string,
  stats: TarLayerStats,
  signal: AbortSignal | undefined,
): AsyncIterable<LayerEntry> {
  return layer.kind === 'tar' ? readTarLayer(layer, label, stats, signal) : layer.entries();
}
