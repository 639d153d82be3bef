import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import {
  CancelledError,
  CustomsError,
  DigestMismatchError,
  LayerFormatError,
  onCancel,
} from '../errors/index.js';
import type { TarLayerHandle } from '../source/types.js';
import { decompressor, detectCompression, peekHead, type Compression } from './decompress.js';
import { digestAlgorithm } from '../digest/digest.js';
import { DigestTap } from './digest-tap.js';
import type { FileType, LayerEntry } from '../source/layer-entry.js';
import { normalizeEntryPath } from '../image-path/path.js';

export interface TarLayerStats {
  compression?: Compression;
  /** Bytes of the blob as stored. */
  storedBytes: number;
  /** Bytes of the uncompressed tar. */
  tarBytes: number;
}

const TYPES: Record<string, FileType> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'dir',
  symlink: 'symlink',
  link: 'hardlink',
  'character-device': 'char',
  'block-device': 'block',
  fifo: 'fifo',
};

/**
 * Streams the entries of a tar layer: decompresses by magic, parses the tar, and checks the blob
 * digest and the diffId once the last byte has passed. Nothing is written to disk and no more
 * than one entry's wanted content is held at a time. A mismatch, a truncated or corrupt stream
 * or a hostile path throws a CustomsError naming the layer. When `signal` fires the blob stream is
 * torn down at once, even in the middle of an entry, and the reader throws CancelledError.
 */
export async function* readTarLayer(
  handle: TarLayerHandle,
  label: string,
  stats: TarLayerStats = { storedBytes: 0, tarBytes: 0 },
  signal?: AbortSignal,
): AsyncGenerator<LayerEntry> {
  const { descriptor } = handle;
  // A source whose blob stream checks its own digest (the registry's) is not hashed twice.
  const blobTap = new DigestTap(handle.blobVerified ? null : digestAlgorithm(descriptor.digest, label));
  const tarTap = new DigestTap(descriptor.diffId ? digestAlgorithm(descriptor.diffId, label) : 'sha256');
  let raw: Readable | undefined;
  const extract = tar.extract();
  let finished = false;
  let cancelled = false;
  const stopListening = onCancel(signal, () => {
    cancelled = true;
    raw?.destroy();
    extract.destroy(new CancelledError(`reading ${label}`));
  });
  try {
    raw = await openUnlessCancelled(handle, () => cancelled);
    const stored = pipeline(raw, blobTap);
    stored.catch(() => undefined);
    const head = await peekHead(blobTap);
    stats.compression = detectCompression(head);
    const flow = pipeline(blobTap, decompressor(stats.compression), tarTap, extract);
    flow.catch(() => undefined);

    for await (const item of extract) {
      const stream = item as unknown as Readable & { header: tar.Header };
      const header = stream.header;
      const type = TYPES[header.type ?? 'file'];
      if (!type) {
        stream.resume();
        continue;
      }
      const path = normalizeEntryPath(header.name, label);
      let consumed = false;
      const entry: LayerEntry = {
        path,
        type,
        mode: (header.mode ?? 0) & 0o7777,
        uid: header.uid ?? 0,
        gid: header.gid ?? 0,
        size: header.size ?? 0,
        mtime: header.mtime,
        // A stream that breaks inside an entry's content fails as the layer, not as zlib.
        read: async (limit: number) => {
          consumed = true;
          try {
            return await readEntry(stream, header.size ?? 0, limit);
          } catch (err) {
            throw cancelled ? new CancelledError(`reading ${label}`) : asLayerError(err, label);
          }
        },
        chunks: () => {
          consumed = true;
          return layerChunks(stream, label, () => cancelled);
        },
      };
      if (type === 'symlink') entry.linkTarget = header.linkname ?? '';
      if (type === 'hardlink') entry.linkTarget = normalizeEntryPath(header.linkname ?? '', label);
      yield entry;
      if (!consumed) stream.resume();
    }
    await flow;
    await stored;
    finished = true;
  } catch (err) {
    if (cancelled) throw new CancelledError(`reading ${label}`);
    throw asLayerError(err, label);
  } finally {
    stopListening();
    if (!finished) {
      raw?.destroy();
      extract.destroy();
    }
  }
  stats.storedBytes = blobTap.bytes;
  stats.tarBytes = tarTap.bytes;
  if (!handle.blobVerified) {
    const blobDigest = blobTap.digest();
    if (blobDigest !== descriptor.digest)
      throw new DigestMismatchError(`${label} blob`, descriptor.digest, blobDigest);
  }
  if (descriptor.diffId) {
    const diffId = tarTap.digest();
    if (diffId !== descriptor.diffId)
      throw new DigestMismatchError(`${label} uncompressed content (diff_id)`, descriptor.diffId, diffId);
  }
}

/** An entry's content chunk by chunk; a failure mid-entry is the layer's error. */
async function* layerChunks(
  stream: Readable,
  label: string,
  cancelled: () => boolean,
): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } catch (err) {
    throw cancelled() ? new CancelledError(`reading ${label}`) : asLayerError(err, label);
  }
}

/** Opens the blob; one that arrives after cancellation is closed and never read. */
async function openUnlessCancelled(handle: TarLayerHandle, cancelled: () => boolean): Promise<Readable> {
  const raw = await handle.openBlob();
  if (cancelled()) {
    raw.destroy();
    throw new CancelledError(`opening layer ${handle.descriptor.index + 1}`);
  }
  return raw;
}

/**
 * Reads an entry's content, at most `limit` bytes, into one buffer sized from the tar header:
 * chunks are copied in as they arrive, so the file is held once (collecting the chunks and
 * concatenating them at the end held it twice, briefly, which set the peak for big files).
 */
async function readEntry(stream: Readable, size: number, limit: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(Math.max(0, Math.min(size, limit)));
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (length >= out.length) continue;
    length += chunk.copy(out, length, 0, Math.min(chunk.length, out.length - length));
  }
  return length === out.length ? out : out.subarray(0, length);
}

function asLayerError(err: unknown, label: string): Error {
  if (err instanceof CustomsError) return err;
  // Error codes are strings from Node (Z_DATA_ERROR, ENOENT) but numbers from fzstd.
  const e = err as { code?: unknown; message?: string };
  const message = e?.message ?? String(err);
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(message)) {
    return new LayerFormatError(`${label} is truncated: ${message}`, { cause: err });
  }
  if (code?.startsWith('Z_'))
    return new LayerFormatError(`${label} is not valid gzip data: ${message}`, { cause: err });
  if (/zstd/i.test(message))
    return new LayerFormatError(`${label} is not valid zstd data: ${message}`, { cause: err });
  if (/tar header|checksum/i.test(message)) {
    return new LayerFormatError(`${label} is not a valid tar archive: ${message}`, { cause: err });
  }
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    return new LayerFormatError(`${label} cannot be read: ${message}`, { cause: err });
  }
  return new LayerFormatError(`${label} cannot be read: ${message}`, { cause: err });
}
