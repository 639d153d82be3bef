import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DigestMismatchError, RegistryError } from '../../errors/index.js';
import type { ResponseBody } from './http-transport.js';
import { describeNetworkError, retryableFailure } from './network-errors.js';
import type { RegistryClient } from './registry-client.js';
import { shortDigest, type RetryBudget, type TryFailure } from './retry-budget.js';

export interface BlobToFetch {
  digest: string;
  /** Size from the descriptor: the number of bytes the stream delivers, whatever headers say. */
  size: number;
  /** Names the blob in digest errors, e.g. `layer blob sha256:… of test/app:v1`. */
  label: string;
  /** The error for an answer other than 200/206 (404 and the like). */
  unexpectedStatus(status: number): Error;
}

interface Answer {
  body: ResponseBody;
  /** Bytes at the start of `body` that were delivered already. */
  skip: number;
}

/**
 * Opens a blob and streams exactly `size` bytes of it, verified: the digest is computed over
 * the whole stream and a mismatch is an error at its end, never a silently wrong blob. A reset,
 * a stall or an early end is tried again within the client's limits, resuming with
 * `Range: bytes=N-` when the registry serves ranges (Accept-Ranges or 206), else from the start
 * with the bytes already delivered skipped. The first answer is awaited, so a missing blob
 * rejects the returned promise; later failures end the stream with a RegistryTransferError.
 */
export async function openBlobStream(client: RegistryClient, blob: BlobToFetch): Promise<Readable> {
  const budget = client.budget(`blob ${shortDigest(blob.digest)}`);
  const fetcher = new BlobFetcher(client, blob, budget);
  let first: Answer;
  try {
    first = await fetcher.request();
  } catch (err) {
    budget.dispose();
    throw err;
  }
  return fetcher.stream(first);
}

class BlobFetcher {
  private received = 0;
  private rangesServed = false;
  private readonly hash: Hash;
  private current: ResponseBody | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly client: RegistryClient,
    private readonly blob: BlobToFetch,
    private readonly budget: RetryBudget,
  ) {
    const colon = blob.digest.indexOf(':');
    this.hash = createHash(colon > 0 ? blob.digest.slice(0, colon) : 'sha256');
  }

  /** One GET (with its status retries), from where the stream has got to. */
  async request(): Promise<Answer> {
    const resume = this.received > 0 && this.rangesServed;
    const res = await this.client.get(`blobs/${this.blob.digest}`, {
      followRedirects: true,
      budget: this.budget,
      ...(resume ? { headers: { range: `bytes=${this.received}-` } } : {}),
    });
    if (res.status === 206) {
      const start = contentRangeStart(res.headers['content-range']);
      if (start === undefined || start > this.received) {
        await res.body.dump().catch(() => undefined);
        throw new RegistryError(
          'registry-response',
          `registry ${this.client.registry} answered a range request for blob ${shortDigest(this.blob.digest)} with an unusable Content-Range (${String(res.headers['content-range'])})`,
          { status: 206 },
        );
      }
      this.rangesServed = true;
      return { body: res.body, skip: this.received - start };
    }
    if (res.status === 200) {
      if (headerText(res.headers['accept-ranges'])?.toLowerCase() === 'bytes') this.rangesServed = true;
      else if (resume) this.rangesServed = false;
      return { body: res.body, skip: this.received };
    }
    await res.body.dump().catch(() => undefined);
    throw this.blob.unexpectedStatus(res.status);
  }

  stream(first: Answer): Readable {
    const out = new Readable({
      read: () => this.wake?.(),
      destroy: (err, callback) => {
        this.stop();
        callback(err);
      },
    });
    this.pump(out, first).then(
      (error) => {
        this.stop();
        if (error) out.destroy(error);
        else out.push(null);
      },
      (err: unknown) => {
        this.stop();
        out.destroy(err as Error);
      },
    );
    return out;
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.current?.destroy();
    this.budget.cancel();
    this.wake?.();
  }

  /** Delivers the blob into `out`; resolves with a digest error, or undefined when it verified. */
  private async pump(out: Readable, first: Answer): Promise<Error | undefined> {
    const { size } = this.blob;
    let answer: Answer | undefined = first;
    for (;;) {
      answer ??= await this.request();
      if (this.stopped) return undefined;
      const failure = await this.deliver(out, answer);
      answer = undefined;
      if (this.stopped) return undefined;
      if (this.received >= size) break;
      await this.budget.retry(
        failure ?? {
          fault: 'truncated',
          detail: `ended early: ${this.received} of ${size} bytes`,
        },
      );
      if (this.stopped) return undefined;
    }
    const actual = `${this.blob.digest.slice(0, this.blob.digest.indexOf(':'))}:${this.hash.digest('hex')}`;
    if (actual !== this.blob.digest)
      return new DigestMismatchError(this.blob.label, this.blob.digest, actual);
    return undefined;
  }

  /** Copies one answer's body; returns why it broke off (undefined when it ended or was enough). */
  private async deliver(out: Readable, { body, skip }: Answer): Promise<TryFailure | undefined> {
    this.current = body;
    let toSkip = skip;
    try {
      for await (const chunk of body) {
        if (this.stopped) return undefined;
        let buf = chunk as Buffer;
        if (toSkip > 0) {
          if (buf.length <= toSkip) {
            toSkip -= buf.length;
            continue;
          }
          buf = buf.subarray(toSkip);
          toSkip = 0;
        }
        const room = this.blob.size - this.received;
        if (buf.length > room) buf = buf.subarray(0, room);
        this.hash.update(buf);
        this.received += buf.length;
        this.budget.progressed();
        if (!out.push(buf)) await this.waitForReader();
        if (this.received >= this.blob.size) break;
      }
      return undefined;
    } catch (err) {
      if (this.stopped || this.received >= this.blob.size) return undefined;
      if (this.budget.signal.aborted) throw this.budget.abortReason(this.progress());
      const failure = retryableFailure(err, this.client.limits);
      if (failure) return failure;
      throw new RegistryError(
        'registry-unreachable',
        `registry ${this.client.registry}: blob ${shortDigest(this.blob.digest)} broke off: ${describeNetworkError(err)}`,
        { cause: err },
      );
    } finally {
      body.destroy();
      this.current = undefined;
    }
  }

  private waitForReader(): Promise<void> {
    this.budget.pause();
    return new Promise<void>((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        this.budget.resume();
        resolve();
      };
    });
  }

  private progress(): string {
    return `${this.received} of ${this.blob.size} bytes`;
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim();
}

/** The first byte of `Content-Range: bytes <first>-<last>/<total>`. */
function contentRangeStart(value: string | string[] | undefined): number | undefined {
  const match = /^bytes\s+(\d+)-\d+\/(?:\d+|\*)$/i.exec(headerText(value) ?? '');
  return match ? Number(match[1]) : undefined;
}
