import { placeholderList } from '../sql/placeholders.js';
import type { SqlDriver, SqlExecutor } from '../sql/sql-driver.js';
import type { LookupIndexStore, LookupKeyRow } from '../types.js';
import { insertRows } from './batched-insert.js';

/** Pairs per lookup statement (two parameters each). */
const KEYS_PER_QUERY = 400;

export class SqlLookupIndexStore implements LookupIndexStore {
  constructor(private readonly db: SqlDriver) {}

  async digestsFor(keys: readonly LookupKeyRow[]): Promise<string[]> {
    const found = new Set<string>();
    // One name may sit in many namespaces: asking by name (indexed) and keeping the exact pairs
    // is one cheap statement per few hundred pairs.
    for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
      const chunk = keys.slice(i, i + KEYS_PER_QUERY);
      const names = [...new Set(chunk.map((k) => k.name))];
      const wanted = new Set(chunk.map((k) => `${k.namespace}\u0000${k.name}`));
      const { rows } = await this.db.query<{ digest: string; namespace: string; name: string }>(
        `SELECT DISTINCT digest, namespace, name FROM analysis_lookups WHERE name IN (${placeholderList(1, names.length)})`,
        names,
      );
      for (const row of rows) if (wanted.has(`${row.namespace}\u0000${row.name}`)) found.add(row.digest);
    }
    return [...found].sort();
  }

  async unindexed(limit: number): Promise<string[]> {
    const { rows } = await this.db.query<{ digest: string }>(
      'SELECT digest FROM analyses WHERE lookups_indexed = 0 ORDER BY digest LIMIT $1',
      [limit],
    );
    return rows.map((r) => r.digest);
  }

  async index(digest: string, keys: readonly LookupKeyRow[]): Promise<void> {
    await this.db.transaction((tx) => writeLookups(tx, digest, keys));
  }
}

/** Inside the caller's transaction: the digest's pairs, replacing earlier ones, and its mark. */
export async function writeLookups(
  tx: SqlExecutor,
  digest: string,
  keys: readonly LookupKeyRow[],
): Promise<void> {
  await tx.query('DELETE FROM analysis_lookups WHERE digest = $1', [digest]);
  await insertRows(
    tx,
    'analysis_lookups',
    ['digest', 'namespace', 'name'],
    keys.map((k) => [digest, k.namespace, k.name]),
  );
  await tx.query('UPDATE analyses SET lookups_indexed = 1 WHERE digest = $1', [digest]);
}
