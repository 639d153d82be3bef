/**
 * Runs `task` over `items` with at most `limit` running at once and returns the results in the
 * items' order, whatever order they finish in. The first failure aborts the signal the other
 * running tasks were given, starts no new task, and is thrown once every running task has
 * settled (so nothing is left reading when the caller closes what the tasks read from).
 */
export async function mapInOrder<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const failure = new AbortController();
  const taskSignal = signal ? AbortSignal.any([signal, failure.signal]) : failure.signal;
  let next = 0;
  let firstError: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!firstError && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T, index, taskSignal);
      } catch (error) {
        if (!firstError) {
          firstError = { error };
          failure.abort();
        }
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (firstError) throw firstError.error;
  return results;
}
