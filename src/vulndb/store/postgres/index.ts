import type { VulnStore } from '../types.js';
import { connectPool, redactUrl } from './connect.js';
import { PostgresStore } from './postgres-store.js';

/** The vulnerability database on a PostgreSQL server (same schema as the SQLite file). */
export async function openPostgresStore(url: string): Promise<VulnStore> {
  const location = redactUrl(url);
  const pool = await connectPool(url, location);
  return new PostgresStore(pool, location);
}

export { redactUrl } from './connect.js';
