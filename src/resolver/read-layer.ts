import { throwIfCancelled } from '../errors/index.js';
import type { LayerHandle } from '../source/types.js';
import { shortDigest } from '../digest/digest.js';
import type { FileRecord } from './file-view.js';
import { SkippedInspection, type Inspector } from './inspection.js';
import type { LayerEntry } from '../source/layer-entry.js';
import type { ProgressListener } from './progress.js';
import { inspectStreaming, inspectWhole, streamsToInspectors } from './stream-inspection.js';
import { readTarLayer, type TarLayerStats } from './tar-layer.js';
import { UnreadableFileError } from '../source/unreadable-file-error.js';

export const DEFAULT_MAX_CONTENT_BYTES = 64 * 1024 * 1024;
/** Files bigger than this are not handed to inspectors (they get a SkippedInspection). */
export const DEFAULT_MAX_INSPECT_BYTES = 128 * 1024 * 1024;

/** What reads a layer: which contents to keep and who inspects what streams by. */
export interface LayerReaders {
  /** Should the content of this path be kept? Asked once per regular file, must be cheap. */
  wants: (path: string) => boolean;
  /** Look at file contents as they stream by; only their results are kept. */
  inspectors: readonly Inspector[];
  /** Content larger than this is not kept (the record says why). */
  maxContentBytes: number;
  /** Files larger than this are not inspected. */
  maxInspectBytes: number;
}

export interface LayerReadSummary {
  index: number;
  digest: string;
  entries: number;
  storedBytes: number;
  tarBytes: number;
  compression?: string;
}

/**
 * Everything the analysis keeps of one layer, independent of the layers around it: its entries in
 * tar order (whiteouts included), the content of wanted files, why some could not be kept, and
 * each inspector's results. Merging the indexes of an image's layers in order gives its files.
 */
export interface LayerIndex {
  summary: LayerReadSummary;
  records: FileRecord[];
  content: Map<FileRecord, Buffer>;
  problems: Map<FileRecord, string>;
  /** By inspector name, then record. */
  inspections: Map<string, Map<FileRecord, unknown>>;
}

export interface ReadLayerOptions {
  /** The layer's place in the image and the image's layer count (for labels and progress). */
  total: number;
  onProgress?: ProgressListener;
  /** Tears the layer stream down mid-entry: CancelledError. */
  signal?: AbortSignal;
}

/** Streams one layer once and keeps what `readers` ask for. */
export async function readLayer(
  layer: LayerHandle,
  readers: LayerReaders,
  options: ReadLayerOptions,
): Promise<LayerIndex> {
  const { index, digest, diffId, size } = layer.descriptor;
  const { total, signal } = options;
  throwIfCancelled(signal, 'image analysis');
  const layerDigest = diffId ?? digest;
  const label = `layer ${index + 1}/${total} (${shortDigest(digest)})`;
  options.onProgress?.({ kind: 'layer-start', index, total, digest, size });
  const stats: TarLayerStats = { storedBytes: 0, tarBytes: 0 };
  const result: LayerIndex = {
    summary: { index, digest, entries: 0, storedBytes: 0, tarBytes: 0 },
    records: [],
    content: new Map(),
    problems: new Map(),
    inspections: new Map(readers.inspectors.map((i) => [i.name, new Map()])),
  };
  const byPath = new Map<string, Buffer>();
  let entries = 0;
  for await (const entry of layerEntries(layer, label, stats, signal)) {
    entries++;
    throwIfCancelled(signal, 'image analysis');
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
    result.records.push(record);
    await keepContent(entry, record, readers, result, byPath);
  }
  result.summary = {
    index,
    digest,
    entries,
    storedBytes: stats.storedBytes,
    tarBytes: stats.tarBytes,
    ...(stats.compression ? { compression: stats.compression } : {}),
  };
  options.onProgress?.({
    kind: 'layer-done',
    index,
    total,
    entries,
    storedBytes: stats.storedBytes,
    tarBytes: stats.tarBytes,
  });
  return result;
}

async function keepContent(
  entry: LayerEntry,
  record: FileRecord,
  readers: LayerReaders,
  layer: LayerIndex,
  byPath: Map<string, Buffer>,
): Promise<void> {
  if (entry.type !== 'file' && entry.type !== 'hardlink') return;
  const keep = readers.wants(entry.path);
  const inspecting = entry.type === 'file' ? readers.inspectors.filter((i) => i.wantsInspect(entry)) : [];
  if (!keep && inspecting.length === 0) return;
  const skip = (reason: string): void => {
    if (keep) layer.problems.set(record, reason);
    for (const inspector of inspecting)
      layer.inspections.get(inspector.name)!.set(record, new SkippedInspection(reason));
  };
  if (entry.type === 'hardlink') {
    const shared = byPath.get(entry.linkTarget!);
    if (shared) layer.content.set(record, shared);
    else layer.problems.set(record, `hard link to ${entry.linkTarget}, whose content was not kept`);
    return;
  }
  const limit = Math.max(keep ? readers.maxContentBytes : 0, inspecting.length ? readers.maxInspectBytes : 0);
  if (entry.size > limit) return skip(`larger (${entry.size} bytes) than the ${limit}-byte content limit`);
  const keepResult = (inspector: Inspector, result: unknown): void => {
    if (result !== undefined) layer.inspections.get(inspector.name)!.set(record, result);
  };
  if (!keep && streamsToInspectors(entry, inspecting)) {
    const results = await inspectStreaming(entry, record, inspecting);
    inspecting.forEach((inspector, i) => keepResult(inspector, results[i]));
    return;
  }
  let content: Buffer;
  try {
    content = await entry.read(limit);
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    return skip(err.reason);
  }
  for (const inspector of inspecting) keepResult(inspector, await inspectWhole(inspector, record, content));
  if (!keep) return;
  layer.content.set(record, content);
  byPath.set(entry.path, content);
}

function layerEntries(
  layer: LayerHandle,
  label: string,
  stats: TarLayerStats,
  signal: AbortSignal | undefined,
): AsyncIterable<LayerEntry> {
  return layer.kind === 'tar' ? readTarLayer(layer, label, stats, signal) : layer.entries();
}
