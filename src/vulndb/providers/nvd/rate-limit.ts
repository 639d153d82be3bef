/** A clock and a way to wait, injectable so tests need no real time. */
export interface Timing {
  /** Milliseconds since some fixed point. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTiming: Timing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** At most `limit` requests in any rolling `windowMs`: waits before a request that would exceed it. */
export class RollingRateLimit {
  private readonly sent: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly timing: Timing,
  ) {}

  async acquire(): Promise<void> {
    const now = this.timing.now();
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
    if (this.sent.length >= this.limit) {
      const oldest = this.sent[this.sent.length - this.limit] ?? now;
      const wait = oldest + this.windowMs - now;
      if (wait > 0) await this.timing.sleep(wait);
    }
    this.sent.push(this.timing.now());
  }
}
