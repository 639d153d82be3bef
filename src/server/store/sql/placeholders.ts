/**
 * Rewrites numbered placeholders ($1, $2 …) into SQLite's positional `?`, returning the
 * parameters in the order the `?`s appear (a number used twice binds twice). The store's SQL
 * holds no `$` inside string literals, so a plain scan is enough.
 */
export function toPositional<T>(sql: string, params: readonly T[]): { sql: string; params: T[] } {
  const ordered: T[] = [];
  const text = sql.replace(/\$(\d+)/g, (_match, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) {
      throw new RangeError(`placeholder $${n} has no parameter (${params.length} given)`);
    }
    ordered.push(params[index] as T);
    return '?';
  });
  return { sql: text, params: ordered };
}

/** `$from, $from+1, … ` for count values: the placeholders of an IN list or a VALUES row. */
export function placeholderList(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}
