import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** A pass-through stream that hashes what flows through it and counts the bytes. */
export class DigestTap extends Transform {
  private readonly hash: Hash;
  private readonly algorithm: string;
  bytes = 0;
  private result: string | undefined;

  /** `algorithm` as digests name it: sha256 (default) or sha512. */
  constructor(algorithm = 'sha256') {
    super();
    this.algorithm = algorithm;
    this.hash = createHash(algorithm);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  /** `<algorithm>:<hex>` of everything that passed; only meaningful once the stream has ended. */
  digest(): string {
    this.result ??= `${this.algorithm}:` + this.hash.digest('hex');
    return this.result;
  }
}
