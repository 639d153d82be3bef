import type { SqlDriver } from '../sql/sql-driver.js';
import type { LayerBlobStore } from '../types.js';
import { now } from './row-values.js';

/** The per-layer index cache every worker shares, keyed by layer digest and reader versions. */
export class SqlLayerBlobStore implements LayerBlobStore {
  constructor(private readonly db: SqlDriver) {}

  /** A hit records when the entry was last used (for a later size-bounded sweep). */
  async get(key: string): Promise<Buffer | undefined> {
    const { rows } = await this.db.query<{ data: Buffer }>('SELECT data FROM layer_blobs WHERE key = $1', [
      key,
    ]);
    const data = rows[0]?.data;
    if (data === undefined) return undefined;
    await this.db.query('UPDATE layer_blobs SET used_at = $2 WHERE key = $1', [key, now()]);
    return Buffer.isBuffer(data) ? data : Buffer.from(data);
  }

  /** The first writer wins: the same key always holds the same index, so a second put is a no-op. */
  async put(key: string, data: Buffer, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO layer_blobs (key, data, size, created_at, used_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (key) DO NOTHING`,
      [key, data, data.length, at],
    );
  }

  async stats(): Promise<{ entries: number; bytes: number }> {
    const { rows } = await this.db.query<{ entries: number; bytes: number }>(
      'SELECT COUNT(*) AS entries, CAST(COALESCE(SUM(size), 0) AS BIGINT) AS bytes FROM layer_blobs',
    );
    return { entries: Number(rows[0]?.entries ?? 0), bytes: Number(rows[0]?.bytes ?? 0) };
  }
}
