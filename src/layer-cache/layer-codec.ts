import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { FileRecord } from '../resolver/file-view.js';
import type { LayerIndex } from '../resolver/index-image.js';
import { SkippedInspection } from '../resolver/inspection.js';
import { isPlainData } from './plain-data.js';
import type { FileType } from '../source/layer-entry.js';

const MAGIC = Buffer.from('CUSTOMS-LAYER/1\n');
const HASH_BYTES = 32;

type StoredRecord = [
  path: string,
  type: FileType,
  mode: number,
  uid: number,
  gid: number,
  size: number,
  link?: string,
];

interface StoredLayer {
  summary: LayerIndex['summary'];
  records: StoredRecord[];
  /** Distinct contents; hard links share one. */
  blobs: Buffer[];
  content: [record: number, blob: number][];
  problems: [record: number, problem: string][];
  inspections: [inspector: string, results: [record: number, result: unknown][]][];
}

const SKIPPED = '\u0000customs:skipped-inspection';

/**
 * The bytes a layer index is stored as: a header, a SHA-256 of the payload, and the payload (V8
 * serialization). Undefined when an inspection result would not come back the same (a class
 * instance other than SkippedInspection): such a layer is simply not stored.
 */
export function encodeLayerIndex(layer: LayerIndex): Buffer | undefined {
  const position = new Map<FileRecord, number>(layer.records.map((r, i) => [r, i]));
  const blobIndex = new Map<Buffer, number>();
  const blobs: Buffer[] = [];
  const stored: StoredLayer = {
    summary: layer.summary,
    records: layer.records.map((r) => {
      const row: StoredRecord = [r.path, r.type, r.mode, r.uid, r.gid, r.size];
      if (r.linkTarget !== undefined) row.push(r.linkTarget);
      return row;
    }),
    blobs,
    content: [],
    problems: [],
    inspections: [],
  };
  for (const [record, content] of layer.content) {
    let blob = blobIndex.get(content);
    if (blob === undefined) {
      blob = blobs.push(content) - 1;
      blobIndex.set(content, blob);
    }
    stored.content.push([position.get(record)!, blob]);
  }
  for (const [record, problem] of layer.problems) stored.problems.push([position.get(record)!, problem]);
  for (const [name, results] of layer.inspections) {
    const rows: [number, unknown][] = [];
    for (const [record, result] of results) {
      const value = result instanceof SkippedInspection ? { [SKIPPED]: result.reason } : result;
      if (!isPlainData(value)) return undefined;
      rows.push([position.get(record)!, value]);
    }
    stored.inspections.push([name, rows]);
  }
  const payload = serialize(stored);
  return Buffer.concat([MAGIC, createHash('sha256').update(payload).digest(), payload]);
}

/**
 * The layer index stored in `data`, its records placed at `index` of the image being read (a
 * shared base layer may sit elsewhere in another image). Undefined for damaged or foreign bytes.
 */
export function decodeLayerIndex(data: Buffer, index: number, layerDigest: string): LayerIndex | undefined {
  if (data.length < MAGIC.length + HASH_BYTES || !data.subarray(0, MAGIC.length).equals(MAGIC))
    return undefined;
  const hash = data.subarray(MAGIC.length, MAGIC.length + HASH_BYTES);
  const payload = data.subarray(MAGIC.length + HASH_BYTES);
  if (!createHash('sha256').update(payload).digest().equals(hash)) return undefined;
  let stored: StoredLayer;
  try {
    stored = deserialize(payload) as StoredLayer;
  } catch {
    return undefined;
  }
  const records = stored.records.map(([path, type, mode, uid, gid, size, link]): FileRecord => {
    const record: FileRecord = { path, type, mode, uid, gid, size, layerIndex: index, layerDigest };
    if (link !== undefined) record.linkTarget = link;
    return record;
  });
  const at = (i: number): FileRecord => records[i]!;
  return {
    summary: { ...stored.summary, index },
    records,
    content: new Map(stored.content.map(([r, b]) => [at(r), stored.blobs[b]!])),
    problems: new Map(stored.problems.map(([r, p]) => [at(r), p])),
    inspections: new Map(
      stored.inspections.map(([name, rows]) => [
        name,
        new Map(rows.map(([r, value]) => [at(r), revive(value)])),
      ]),
    ),
  };
}

function revive(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && SKIPPED in value)
    return new SkippedInspection((value as Record<string, string>)[SKIPPED]!);
  return value;
}
