import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';
import { Decompress as ZstdStream } from 'fzstd';

export type Compression = 'gzip' | 'zstd' | 'none';

/** Tells the compression of a blob from its first bytes; media types lie more often than magic. */
export function detectCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return 'none';
}

/** A decompressing transform for `compression` (a pass-through for 'none'). */
export function decompressor(compression: Compression): Transform {
  // Large output chunks: at zlib's 16 KiB default, per-chunk overhead halves gunzip throughput.
  if (compression === 'gzip') return zlib.createGunzip({ chunkSize: 256 * 1024 });
  if (compression === 'zstd') return zstdDecoder();
  return new PassThrough();
}

/** Resolves with the first chunk of `stream` (empty at end), leaving it unread in the stream. */
export function peekHead(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onReadable = (): void => {
      const chunk = stream.read() as Buffer | null;
      if (chunk === null) return;
      cleanup();
      stream.unshift(chunk);
      resolve(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.alloc(0));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    stream.on('readable', onReadable);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}

type ZlibWithZstd = typeof zlib & { createZstdDecompress?: () => Transform };

/** zstd through the runtime's zlib where it has it (Node ≥ 22.15), else a pure-JS decoder. */
function zstdDecoder(): Transform {
  const native = (zlib as ZlibWithZstd).createZstdDecompress;
  if (native) return native();
  return new FzstdTransform();
}

class FzstdTransform extends Transform {
  private readonly decoder = new ZstdStream((chunk) => {
    this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.decoder.push(chunk);
      done();
    } catch (err) {
      done(asError(err));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      done();
    } catch (err) {
      done(asError(err));
    }
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
