import { describe, expect, it } from 'vitest';
import { mapInOrder } from './in-order-pool.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapInOrder', () => {
  it('returns results in item order though later items finish first, with at most `limit` running', async () => {
    let running = 0;
    let most = 0;
    const finished: number[] = [];
    const results = await mapInOrder([40, 5, 25, 1, 10], 2, async (ms, index) => {
      running++;
      most = Math.max(most, running);
      await sleep(ms);
      running--;
      finished.push(index);
      return `r${index}`;
    });
    expect(results).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(most).toBe(2);
    expect(finished).not.toEqual([0, 1, 2, 3, 4]);
  });

  it('runs one at a time with limit 1 (and treats a nonsense limit as 1)', async () => {
    for (const limit of [1, 0, Number.NaN]) {
      let running = 0;
      let most = 0;
      await mapInOrder([1, 2, 3], limit, async () => {
        most = Math.max(most, ++running);
        await sleep(1);
        running--;
      });
      expect(most).toBe(1);
    }
  });

  it('throws the first failure after the running tasks settle, aborting them and starting no more', async () => {
    const started: number[] = [];
    let abortedSibling = false;
    let siblingSettled = false;
    const run = mapInOrder([0, 1, 2, 3], 2, async (_item, index, signal) => {
      started.push(index);
      if (index === 0) {
        await sleep(5);
        throw new Error('layer 0 is broken');
      }
      await new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
          abortedSibling = true;
          resolve();
        });
      });
      await sleep(5);
      siblingSettled = true;
      throw new Error('aborted');
    });
    await expect(run).rejects.toThrow('layer 0 is broken');
    expect(abortedSibling).toBe(true);
    expect(siblingSettled).toBe(true);
    expect(started).toEqual([0, 1]);
  });

  it("passes the caller's abort on to every task", async () => {
    const controller = new AbortController();
    const run = mapInOrder(
      [0, 1],
      2,
      (_item, _index, signal) => {
        return new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error(`cancelled: ${String(signal.reason)}`)));
        });
      },
      controller.signal,
    );
    controller.abort('stop');
    await expect(run).rejects.toThrow('cancelled: stop');
  });
});
