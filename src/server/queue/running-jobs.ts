import { CancelledError } from '../../errors/index.js';

/** Why a running job's signal fired. */
export type AbortCause = 'stopping' | 'expired';

interface Running {
  controller: AbortController;
  settled: Promise<void>;
  cause?: AbortCause;
}

/**
 * The handlers a queue is running in this process, each with its AbortController, so stop() can
 * wait for them, abort the ones still running after the timeout, and tell a handler that gave up
 * because the queue stopped (its job goes back) from one that failed.
 */
export class RunningJobs {
  private readonly running = new Map<string, Running>();

  get size(): number {
    return this.running.size;
  }

  /** Runs `work` under a fresh signal; resolves with its outcome and the abort cause, if any. */
  async run(
    key: string,
    work: (signal: AbortSignal) => Promise<void>,
  ): Promise<{ error?: unknown; cause?: AbortCause }> {
    const controller = new AbortController();
    let release!: () => void;
    const entry: Running = { controller, settled: new Promise<void>((r) => (release = r)) };
    this.running.set(key, entry);
    try {
      await work(controller.signal);
      return entry.cause ? { cause: entry.cause } : {};
    } catch (error) {
      return entry.cause ? { error, cause: entry.cause } : { error };
    } finally {
      this.running.delete(key);
      release();
    }
  }

  /** Aborts one running job (its lease ran out). */
  abort(key: string, cause: AbortCause): void {
    const entry = this.running.get(key);
    if (!entry || entry.controller.signal.aborted) return;
    entry.cause = cause;
    entry.controller.abort(
      new CancelledError(cause === 'expired' ? 'the job expired' : 'the worker is stopping'),
    );
  }

  /**
   * Waits up to `timeoutMs` for every running job; then aborts the rest and gives them `graceMs`
   * to wind down. Returns the keys of the jobs still running after that.
   */
  async drain(timeoutMs: number, graceMs = 2_000): Promise<string[]> {
    const all = (): Promise<void> =>
      Promise.all([...this.running.values()].map((r) => r.settled)).then(() => undefined);
    if (await within(all(), timeoutMs)) return [];
    for (const key of [...this.running.keys()]) this.abort(key, 'stopping');
    if (await within(all(), graceMs)) return [];
    return [...this.running.keys()];
  }
}

async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
