import pg from 'pg';
import { StoreError } from '../../../errors/index.js';
import { storeFailure } from './driver-errors.js';
import type { SqlDriver, SqlExecutor, SqlResult, SqlRow, SqlValue } from './sql-driver.js';

/** Any number the store keeps (sizes, counts) fits a double: read int8 as a number, not a string. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The key of the advisory lock the migrator holds while it reads and applies migrations. */
const MIGRATION_LOCK_KEY = 0x637573746f6d73n % 2n ** 62n; // "customs"

/**
 * The shared store's driver: a pg Pool. Each transaction runs on one client of the pool;
 * statements outside a transaction take any free client.
 */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly location: string;
  readonly #pool: pg.Pool;
  #closed = false;

  private constructor(pool: pg.Pool, location: string) {
    this.#pool = pool;
    this.location = location;
  }

  static open(databaseUrl: string, options: { max?: number } = {}): PostgresDriver {
    const location = `PostgreSQL store ${describeUrl(databaseUrl)}`;
    let pool: pg.Pool;
    try {
      pool = new pg.Pool({
        connectionString: databaseUrl,
        max: options.max ?? 10,
        connectionTimeoutMillis: 10_000,
        idleTimeoutMillis: 30_000,
        types,
      });
    } catch (err) {
      throw new StoreError(`cannot open ${location}: ${(err as Error).message}`, { cause: err });
    }
    // An idle client losing its connection is reported here; the next query gets a fresh one.
    pool.on('error', () => undefined);
    return new PostgresDriver(pool, location);
  }

  async query<R = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<SqlResult<R>> {
    this.#ensureOpen();
    try {
      const result = await this.#pool.query(sql, params.map(bindable));
      return { rows: result.rows as R[], changes: result.rowCount ?? 0 };
    } catch (err) {
      throw this.#failure('query', err);
    }
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#transaction(fn, false);
  }

  exclusiveTransaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#transaction(fn, true);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  async #transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, exclusive: boolean): Promise<T> {
    this.#ensureOpen();
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (err) {
      throw this.#failure('connect', err);
    }
    let open = true;
    const tx: SqlExecutor = {
      query: async <R>(sql: string, params: readonly SqlValue[] = []) => {
        if (!open) throw new StoreError(`${this.location}: a statement ran after its transaction ended`);
        try {
          const result = await client.query(sql, params.map(bindable));
          return { rows: result.rows as R[], changes: result.rowCount ?? 0 };
        } catch (err) {
          throw this.#failure('query', err);
        }
      },
    };
    let broken = false;
    try {
      await client.query('BEGIN');
      if (exclusive) await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      const result = await fn(tx);
      open = false;
      await client.query('COMMIT');
      return result;
    } catch (err) {
      open = false;
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection is gone: the server rolls back on its own
      }
      throw this.#failure('transaction', err);
    } finally {
      client.release(broken);
    }
  }

  #failure(what: string, err: unknown): Error {
    const code = (err as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01') {
      return new StoreError(`cannot connect to ${this.location}: ${(err as Error).message}`, { cause: err });
    }
    return storeFailure(this.location, what, err);
  }

  #ensureOpen(): void {
    if (this.#closed) throw new StoreError(`${this.location} is closed`);
  }
}

/** host:port/database, without user or password. */
export function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return '(an unreadable database URL)';
  }
}

function bindable(value: SqlValue): string | number | boolean | Buffer | null {
  return value === undefined ? null : value;
}
