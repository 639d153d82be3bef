import type { SqlExecutor, SqlValue } from '../sql/sql-driver.js';

/** Rows per INSERT: well under both dialects' parameter limits for the store's widest index row. */
const ROWS_PER_STATEMENT = 200;

/** Inserts rows with multi-row VALUES lists, a few hundred at a time (inside the caller's transaction). */
export async function insertRows(
  tx: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = chunk
      .map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
      .join(', ');
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
}
