/** The tables that hold a vulnerability's aliases, references and CVSS scores. */
export type ChildTable = 'aliases' | 'vuln_references' | 'cvss';

/**
 * The rows of `table` that belong to some of `ids` from some of `providers`. Naming the providers
 * lets SQLite use the (provider, vulnerability_id) key; by id alone each lookup read the whole
 * table (88,000 references for a few hundred matches).
 */
export function childRowsSql(table: ChildTable, providers: number, ids: number): string {
  const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
  // In the order they were written (what reading the whole table gave): references and aliases
  // keep the order of the feed.
  return `SELECT * FROM ${table} WHERE provider IN (${marks(providers)}) AND vulnerability_id IN (${marks(ids)}) ORDER BY rowid`;
}

interface Owned {
  provider: string;
  vulnerability_id: string;
}

export const ownerKey = (provider: string, id: string): string => `${provider}\u0000${id}`;

/** Rows by (provider, vulnerability id), in their order. */
export function byOwner<T extends Owned>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = ownerKey(row.provider, row.vulnerability_id);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}
