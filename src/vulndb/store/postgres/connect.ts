import pg from 'pg';
import { DatabaseError } from '../../../errors/index.js';
import { META_GENERATION, SCHEMA_STATEMENTS, SCHEMA_VERSION } from '../schema/schema-v1.js';

/** The URL as shown to users: the password replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

export function pgError(location: string, action: string, err: unknown): DatabaseError {
  if (err instanceof DatabaseError) return err;
  const e = err as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = e.code ?? e.errors?.[0]?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return new DatabaseError(`cannot connect to PostgreSQL at ${location}: ${code}; is the server running?`, {
      cause: err,
    });
  }
  if (code === '3D000') {
    return new DatabaseError(
      `PostgreSQL database in ${location} does not exist: create it first (createdb)`,
      {
        cause: err,
      },
    );
  }
  if (code === '28P01' || code === '28000') {
    return new DatabaseError(`PostgreSQL refused the login for ${location}: check the user and password`, {
      cause: err,
    });
  }
  const reason = (e.message ?? String(err)).split('\n')[0];
  return new DatabaseError(`cannot ${action} PostgreSQL vulnerability database ${location}: ${reason}`, {
    cause: err,
  });
}

/** Connects, and creates the schema in an empty database (or checks its version). */
export async function connectPool(url: string, location: string): Promise<pg.Pool> {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new DatabaseError(`not a PostgreSQL URL: ${location}`);
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined); // idle client errors surface on the next query
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(7301)');
    const exists = await client.query(`SELECT to_regclass('schema_version') AS t`);
    if ((exists.rows[0] as { t: string | null }).t === null) {
      for (const statement of SCHEMA_STATEMENTS) await client.query(statement);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [SCHEMA_VERSION]);
      await client.query(`INSERT INTO meta (key, value) VALUES ($1, '0')`, [META_GENERATION]);
    } else {
      const v = await client.query('SELECT max(version) AS version FROM schema_version');
      const version = Number((v.rows[0] as { version: number | null }).version);
      if (version !== SCHEMA_VERSION) {
        throw new DatabaseError(
          `${location} has database schema ${version}, this customs reads schema ${SCHEMA_VERSION}`,
        );
      }
    }
    await client.query('COMMIT');
    client.release();
    return pool;
  } catch (err) {
    if (client) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
    await pool.end().catch(() => undefined);
    throw pgError(location, 'open', err);
  }
}
