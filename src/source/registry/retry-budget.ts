import { RegistryTransferError, type RegistryFault } from '../../errors/index.js';
import type { HttpResponse } from './http-transport.js';
import { retryableFailure } from './network-errors.js';
import type { RegistryLimits } from './registry-limits.js';
import { backoffDelay, parseRetryAfter, RETRY_STATUSES } from './retry-delay.js';

/** Why a try failed, in a few words that complete "registry R: blob sha256:… <detail>". */
export interface TryFailure {
  fault: RegistryFault;
  detail: string;
  /** What the server asked with Retry-After, in ms. */
  retryAfterMs?: number;
  status?: number;
  cause?: unknown;
}

/** `1.5 s`, `30 s`, `15 min`. */
export function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** `sha256:ab12cd34ef56…`, as registries and docker print digests. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return colon > 0 && digest.length > colon + 13 ? `${digest.slice(0, colon + 13)}…` : digest;
}

/**
 * The tries and the deadline of one fetch (a blob or a manifest, with its retries and resumes).
 * The deadline counts network time only: it is paused while the reader of a blob is not asking
 * for more bytes, so a slow consumer never makes a healthy download time out.
 */
export class RetryBudget {
  readonly registry: string;
  readonly subject: string;
  private readonly limits: RegistryLimits;
  private readonly userSignal: AbortSignal | undefined;
  private readonly deadline = new AbortController();
  private readonly cancellation = new AbortController();
  /** Signal for requests: the caller's, the deadline, or cancel(). */
  readonly signal: AbortSignal;
  private tries = 0;
  private failedWithoutProgress = 0;
  private progressThisTry = false;
  private remainingMs: number;
  private runningSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly random: () => number;

  constructor(
    registry: string,
    subject: string,
    limits: RegistryLimits,
    options: { signal?: AbortSignal | undefined; random?: () => number } = {},
  ) {
    this.registry = registry;
    this.subject = subject;
    this.limits = limits;
    this.userSignal = options.signal;
    this.random = options.random ?? Math.random;
    this.remainingMs = limits.deadlineMs;
    this.signal = this.userSignal
      ? AbortSignal.any([this.userSignal, this.deadline.signal])
      : this.deadline.signal;
    this.resume();
  }

  get triesMade(): number {
    return this.tries;
  }

  startTry(): void {
    this.tries++;
    this.progressThisTry = false;
  }

  progressed(): void {
    this.progressThisTry = true;
  }

  /**
   * Sends a request (an idempotent GET) until it gets an answer worth returning: a reset, a
   * stall or HTTP 429/500/502/503/504 is tried again within the budget; other errors are thrown.
   */
  async send(once: (signal: AbortSignal) => Promise<HttpResponse>): Promise<HttpResponse> {
    for (;;) {
      this.startTry();
      let res: HttpResponse;
      try {
        res = await once(this.signal);
      } catch (err) {
        if (this.signal.aborted) throw this.abortReason();
        const failure = retryableFailure(err, this.limits);
        if (!failure) throw err;
        await this.retry(failure);
        continue;
      }
      if (!RETRY_STATUSES.has(res.status)) return res;
      const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
      await res.body.dump().catch(() => undefined);
      await this.retry({
        fault: 'http-status',
        detail: `answered HTTP ${res.status}`,
        status: res.status,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
  }

  /**
   * After a failed try: waits the backoff (or Retry-After) and returns, or throws the one-line
   * RegistryTransferError when no try is left or the wait would pass the deadline.
   */
  async retry(failure: TryFailure): Promise<void> {
    this.failedWithoutProgress = this.progressThisTry ? 0 : this.failedWithoutProgress + 1;
    if (
      this.failedWithoutProgress >= this.limits.triesWithoutProgress ||
      this.tries >= this.limits.maxTries
    ) {
      throw this.error(failure, `${failure.detail} after ${this.triesText()}`);
    }
    const wait =
      failure.retryAfterMs ??
      backoffDelay(
        Math.max(1, this.failedWithoutProgress),
        this.limits.backoffMs,
        this.limits.maxBackoffMs,
        this.random,
      );
    const left = this.timeLeft();
    if (wait >= left) {
      const asked =
        failure.retryAfterMs !== undefined ? `Retry-After ${formatDuration(wait)}` : 'the next try';
      throw this.error(
        failure,
        `${failure.detail} after ${this.triesText()}; ${asked} would pass the ${formatDuration(this.limits.deadlineMs)} deadline`,
      );
    }
    await this.sleep(wait);
  }

  /** The error for a transfer the deadline stopped; `progress` says how far it got. */
  deadlineError(progress?: string): RegistryTransferError {
    const how = progress ? ` (${progress})` : '';
    return this.error(
      { fault: 'deadline', detail: '' },
      `not complete within the ${formatDuration(this.limits.deadlineMs)} deadline${how} after ${this.triesText()}`,
    );
  }

  /** Stops the deadline clock (the reader does not want more bytes for now). */
  pause(): void {
    if (this.runningSince === undefined) return;
    this.remainingMs -= Date.now() - this.runningSince;
    this.runningSince = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  resume(): void {
    if (this.runningSince !== undefined || this.deadline.signal.aborted) return;
    this.runningSince = Date.now();
    this.timer = setTimeout(() => this.deadline.abort(new Error('deadline')), Math.max(0, this.remainingMs));
    this.timer.unref?.();
  }

  /** Ends the clock; call when the fetch is over either way. */
  dispose(): void {
    this.pause();
  }

  /** The reader went away: ends the clock and aborts a request or a backoff wait in progress. */
  cancel(): void {
    this.dispose();
    this.cancellation.abort(new Error('cancelled'));
  }

  private timeLeft(): number {
    const running = this.runningSince === undefined ? 0 : Date.now() - this.runningSince;
    return this.remainingMs - running;
  }

  private triesText(): string {
    return this.tries === 1 ? '1 try' : `${this.tries} tries`;
  }

  private error(failure: TryFailure, detail: string): RegistryTransferError {
    return new RegistryTransferError(
      { registry: this.registry, subject: this.subject, fault: failure.fault, detail, tries: this.tries },
      {
        ...(failure.cause !== undefined ? { cause: failure.cause } : {}),
        ...(failure.status !== undefined ? { status: failure.status } : {}),
      },
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = this.signal;
      if (signal.aborted) {
        reject(this.abortReason());
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(this.abortReason());
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** What to throw when the signal fired: the caller's reason, or the deadline error. */
  abortReason(progress?: string): unknown {
    if (this.userSignal?.aborted) return this.userSignal.reason;
    if (this.cancellation.signal.aborted) return this.cancellation.signal.reason;
    return this.deadlineError(progress);
  }
}
