/** What `run` returns, or `'invalid'` when it throws: how differential tests compare refusals. */
export function orInvalid<T>(run: () => T): T | 'invalid' {
  try {
    return run();
  } catch {
    return 'invalid';
  }
}
