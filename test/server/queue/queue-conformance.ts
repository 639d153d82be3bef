import { afterEach, expect, it } from 'vitest';
import type { JobContext, JobQueue } from '../../../src/server/queue/types.js';

/** Opens another queue over the same storage (a second process, or the same one after a restart). */
export type QueueOpener = () => JobQueue;

/**
 * The behaviour every JobQueue shares. `fresh` gives an opener over new, empty storage per test.
 */
export function queueConformance(fresh: () => Promise<QueueOpener>): void {
  const open: JobQueue[] = [];
  async function started(opener: QueueOpener): Promise<JobQueue> {
    const queue = opener();
    open.push(queue);
    await queue.start();
    return queue;
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.stop({ timeoutMs: 100 }).catch(() => undefined)));
  });

  it('runs enqueued jobs to completion', async () => {
    const queue = await started(await fresh());
    const ids = await Promise.all(
      ['sha256:a', 'sha256:b', 'sha256:c'].map((digest) =>
        queue.enqueue('analyze-image', { digest, accountId: 'acc' }),
      ),
    );
    expect(new Set(ids).size).toBe(3);
    const seen: string[] = [];
    await queue.work('analyze-image', async (job) => {
      seen.push(`${job.data.digest}#${job.attempt}`);
      await Promise.resolve();
    });
    await until(async () =>
      (await Promise.all(ids.map((id) => queue.get(id)))).every((j) => j?.state === 'completed'),
    );
    expect(seen.sort()).toEqual(['sha256:a#1', 'sha256:b#1', 'sha256:c#1']);
    const info = await queue.get(ids[0]!);
    expect(info).toMatchObject({ name: 'analyze-image', data: { digest: 'sha256:a' }, attempts: 1 });
    expect(info?.error).toBeUndefined();
    expect(Date.parse(info!.completedAt!)).toBeGreaterThanOrEqual(Date.parse(info!.createdAt));
    expect(await queue.get('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await queue.get('not-an-id')).toBeUndefined();
  });

  it('retries a failing job with a growing delay, then fails it keeping the last error', async () => {
    const queue = await started(await fresh());
    const id = await queue.enqueue('sync-feeds', {}, { retryLimit: 2, retryDelaySeconds: 1 });
    const runs: Array<{ at: number; attempt: number; last: boolean }> = [];
    await queue.work('sync-feeds', async (job) => {
      runs.push({ at: Date.now(), attempt: job.attempt, last: job.lastAttempt });
      await Promise.resolve();
      throw new Error(`feed unreachable (attempt ${job.attempt})`);
    });
    await until(async () => (await queue.get(id))?.state === 'failed', 20_000);
    expect(runs.map((r) => [r.attempt, r.last])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    const first = runs[1]!.at - runs[0]!.at;
    const second = runs[2]!.at - runs[1]!.at;
    expect(first).toBeGreaterThanOrEqual(900);
    expect(second).toBeGreaterThanOrEqual(1900);
    const info = await queue.get(id);
    expect(info).toMatchObject({ state: 'failed', attempts: 3, error: 'feed unreachable (attempt 3)' });
    expect(info?.completedAt).toBeDefined();
  });

  it('keeps one job per singleton key while it is queued or running', async () => {
    const queue = await started(await fresh());
    const data = { digest: 'sha256:one', accountId: 'a1' };
    const first = await queue.enqueue('analyze-image', data, { singletonKey: 'sha256:one' });
    const again = await queue.enqueue(
      'analyze-image',
      { ...data, accountId: 'a2' },
      { singletonKey: 'sha256:one' },
    );
    expect(again).toBe(first);
    const other = await queue.enqueue(
      'evaluate-image',
      { ...data, reason: 'x' },
      { singletonKey: 'sha256:one' },
    );
    expect(other).not.toBe(first);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    await queue.work('analyze-image', async () => {
      runs++;
      await released;
    });
    await until(async () => (await queue.get(first))?.state === 'active');
    expect(await queue.enqueue('analyze-image', data, { singletonKey: 'sha256:one' })).toBe(first);
    release();
    await until(async () => (await queue.get(first))?.state === 'completed');
    expect(runs).toBe(1);
    const later = await queue.enqueue('analyze-image', data, { singletonKey: 'sha256:one' });
    expect(later).not.toBe(first);
  });

  it('finds the newest job of a singleton key in any state', async () => {
    const queue = await started(await fresh());
    expect(await queue.lastByKey('analyze-image', 'sha256:k')).toBeUndefined();
    const data = { digest: 'sha256:k', accountId: 'a1' };
    const first = await queue.enqueue('analyze-image', data, { singletonKey: 'sha256:k', retryLimit: 0 });
    expect((await queue.lastByKey('analyze-image', 'sha256:k'))?.id).toBe(first);
    await queue.work('analyze-image', async () => {
      await Promise.resolve();
      throw new Error('registry said 404');
    });
    await until(async () => (await queue.get(first))?.state === 'failed');
    expect(await queue.lastByKey('analyze-image', 'sha256:k')).toMatchObject({
      id: first,
      state: 'failed',
      error: 'registry said 404',
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await queue.enqueue('analyze-image', data, { singletonKey: 'sha256:k', retryLimit: 0 });
    expect(second).not.toBe(first);
    expect((await queue.lastByKey('analyze-image', 'sha256:k'))?.id).toBe(second);
    expect(await queue.lastByKey('evaluate-image', 'sha256:k')).toBeUndefined();
  });

  it('gives an expired job back to the queue and aborts the expired run', async () => {
    const queue = await started(await fresh());
    const id = await queue.enqueue(
      'analyze-image',
      { digest: 'sha256:slow', accountId: 'a' },
      { expireInSeconds: 1, retryLimit: 1, retryDelaySeconds: 0 },
    );
    const aborted: boolean[] = [];
    let hang!: () => void;
    const hung = new Promise<void>((resolve) => (hang = resolve));
    await queue.work(
      'analyze-image',
      async (job) => {
        if (job.attempt === 1) {
          await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve()));
          aborted.push(job.signal.aborted);
          await hung; // a handler that ignores its signal still loses the job
        }
      },
      { concurrency: 2 },
    );
    await until(async () => (await queue.get(id))?.state === 'completed', 20_000);
    expect(aborted).toEqual([true]);
    expect(await queue.get(id)).toMatchObject({ state: 'completed', attempts: 2 });
    hang();
  });

  it('stop() waits for a running job to finish', async () => {
    const queue = await started(await fresh());
    const id = await queue.enqueue('sync-feeds', {});
    let finished = false;
    let running!: () => void;
    const isRunning = new Promise<void>((resolve) => (running = resolve));
    await queue.work('sync-feeds', async () => {
      running();
      await sleep(300);
      finished = true;
    });
    await isRunning;
    await queue.stop({ timeoutMs: 10_000 });
    expect(finished).toBe(true);
    void id;
  });

  it('stop() aborts a long job after its timeout and gives the job back', async () => {
    const opener = await fresh();
    const queue = await started(opener);
    const id = await queue.enqueue('analyze-image', { digest: 'sha256:long', accountId: 'a' });
    let signal: AbortSignal | undefined;
    await queue.work('analyze-image', async (job: JobContext<'analyze-image'>) => {
      signal = job.signal;
      await new Promise<void>((_resolve, reject) =>
        job.signal.addEventListener('abort', () => reject(job.signal.reason as Error)),
      );
    });
    await until(async () => (await queue.get(id))?.state === 'active');
    const before = Date.now();
    await queue.stop({ timeoutMs: 300 });
    expect(Date.now() - before).toBeLessThan(5000);
    expect(signal?.aborted).toBe(true);

    const next = await started(opener);
    expect(await next.get(id)).toMatchObject({ state: 'queued', attempts: 0 });
    const attempts: number[] = [];
    await next.work('analyze-image', async (job) => {
      attempts.push(job.attempt);
      await Promise.resolve();
    });
    await until(async () => (await next.get(id))?.state === 'completed');
    expect(attempts).toEqual([1]);
  });

  it('keeps queued jobs across a restart', async () => {
    const opener = await fresh();
    const first = await started(opener);
    const id = await first.enqueue('evaluate-image', { digest: 'sha256:x', accountId: 'a', reason: 'feeds' });
    await first.stop();
    const second = await started(opener);
    const reasons: string[] = [];
    await second.work('evaluate-image', async (job) => {
      reasons.push(job.data.reason);
      await Promise.resolve();
    });
    await until(async () => (await second.get(id))?.state === 'completed');
    expect(reasons).toEqual(['feeds']);
  });

  it('counts jobs per name and state', async () => {
    const queue = await started(await fresh());
    await queue.enqueue('analyze-image', { digest: 'sha256:1', accountId: 'a' });
    await queue.enqueue('analyze-image', { digest: 'sha256:2', accountId: 'a' });
    const feeds = await queue.enqueue('sync-feeds', {}, { retryLimit: 0 });
    await queue.work('sync-feeds', () => Promise.reject(new Error('no network')));
    await until(async () => (await queue.get(feeds))?.state === 'failed');
    const counts = await queue.counts();
    expect(counts['analyze-image']).toEqual({ queued: 2 });
    expect(counts['sync-feeds']).toEqual({ failed: 1 });
    expect(counts['evaluate-image']).toEqual({});
    expect((await queue.get(feeds))?.error).toBe('no network');
  });
}

export async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
