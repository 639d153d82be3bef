import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** A pass-through stream that hashes what flows through it and counts the bytes. */
export class DigestTap extends Transform {
  private readonly hash: Hash | undefined;
  private readonly algorithm: string;
  bytes = 0;
  private result: string | undefined;

  /** `algorithm` as digests name it: sha256 (default) or sha512; null counts bytes only. */
  constructor(algorithm: string | null = 'sha256') {
    super();
    this.algorithm = algorithm ?? 'none';
    this.hash = algorithm === null ? undefined : createHash(algorithm);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash?.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  /** `<algorithm>:<hex>` of everything that passed; only meaningful once the stream has ended. */
  digest(): string {
    if (!this.hash) throw new RangeError('this tap counts bytes only');
    this.result ??= `${this.algorithm}:` + this.hash.digest('hex');
    return this.result;
  }
}
