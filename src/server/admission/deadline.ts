import { WaitTimeoutError } from '../../errors/index.js';

/**
 * Settles with `work`, or rejects with a WaitTimeoutError naming `what` once `deadlineAt`
 * (epoch ms) has passed first. The work itself goes on (an analysis keeps running for the next
 * review); its late failure is dropped here.
 */
export function beforeDeadline<T>(work: Promise<T>, deadlineAt: number, what: string): Promise<T> {
  const remaining = deadlineAt - Date.now();
  work.catch(() => undefined);
  if (remaining <= 0) return Promise.reject(new WaitTimeoutError(`${what}: the admission deadline passed`));
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new WaitTimeoutError(`${what}: not done within the admission deadline`)),
      remaining,
    );
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
