import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { SourceFormatError } from '../../errors/index.js';
import { resolveInside } from '../../image-path/path.js';
import type { TarIndex } from '../tar-archive/tar-index.js';

/** Blobs are read in large chunks: fewer, bigger writes into the decompressor. */
export const READ_CHUNK = 1024 * 1024;

/** Files of an image layout, wherever they live: a directory, or members of a tar archive. */
export interface BlobStore {
  /** For messages: the directory or archive. */
  readonly where: string;
  exists(path: string): Promise<boolean>;
  /** Reads a small file whole (JSON documents); refuses ones larger than `maxBytes`. */
  read(path: string, maxBytes: number): Promise<Buffer>;
  stream(path: string): Promise<Readable>;
}

export class DirectoryBlobStore implements BlobStore {
  constructor(readonly where: string) {}

  private full(path: string): string {
    return join(this.where, resolveInside('/', path));
  }

  async exists(path: string): Promise<boolean> {
    try {
      return (await stat(this.full(path))).isFile();
    } catch {
      return false;
    }
  }

  async read(path: string, maxBytes: number): Promise<Buffer> {
    const handle = await open(this.full(path), 'r').catch((err: NodeJS.ErrnoException) => {
      throw new SourceFormatError(`${this.where}: cannot read ${path}: ${err.code ?? err.message}`, {
        cause: err,
      });
    });
    try {
      const { size } = await handle.stat();
      if (size > maxBytes)
        throw new SourceFormatError(
          `${this.where}: ${path} is ${size} bytes, more than the ${maxBytes} expected`,
        );
      const buffer = Buffer.alloc(size);
      await handle.read(buffer, 0, size, 0);
      return buffer;
    } finally {
      await handle.close();
    }
  }

  async stream(path: string): Promise<Readable> {
    if (!(await this.exists(path))) throw new SourceFormatError(`${this.where}: blob ${path} is missing`);
    return createReadStream(this.full(path), { highWaterMark: READ_CHUNK });
  }
}

export class TarBlobStore implements BlobStore {
  readonly where: string;

  constructor(private readonly index: TarIndex) {
    this.where = index.file;
  }

  async exists(path: string): Promise<boolean> {
    return this.index.has(path);
  }

  async read(path: string, maxBytes: number): Promise<Buffer> {
    return this.index.read(path, maxBytes);
  }

  async stream(path: string): Promise<Readable> {
    if (!this.index.has(path)) throw new SourceFormatError(`${this.where}: blob ${path} is missing`);
    return this.index.open(path);
  }
}
