import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../../../errors/index.js';
import { AsyncMutex } from './async-mutex.js';
import { storeFailure } from './driver-errors.js';
import { toPositional } from './placeholders.js';
import type { SqlDriver, SqlExecutor, SqlResult, SqlRow, SqlValue } from './sql-driver.js';

/**
 * The embedded store's driver: one better-sqlite3 connection in WAL mode (readers never wait
 * for the writer), a busy timeout for the other processes on the same file (a worker, the job
 * queue), foreign keys on. better-sqlite3 is synchronous; a mutex keeps one transaction's
 * statements from interleaving with anyone else's.
 *
 * The mutex is shared by every driver on the same file in this process: a second connection
 * waiting for the file's write lock waits synchronously (the busy timeout blocks the thread),
 * so it must never try while a transaction of this process is open between two awaits.
 * Code in this process that writes the same file through its own connection must go through
 * a driver (openDriver) for the same reason.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly location: string;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #mutex: AsyncMutex;
  #closed = false;

  private constructor(db: Database.Database, file: string) {
    this.#db = db;
    this.location = `SQLite store ${file}`;
    this.#mutex = file === ':memory:' ? new AsyncMutex() : fileMutex(path.resolve(file));
  }

  static open(file: string): SqliteDriver {
    const location = `SQLite store ${file}`;
    let db: Database.Database;
    try {
      if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      db = new Database(file);
    } catch (err) {
      throw new StoreError(`cannot open ${location}: ${(err as Error).message}`, { cause: err });
    }
    try {
      db.pragma('busy_timeout = 10000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    } catch (err) {
      db.close();
      throw new StoreError(`cannot open ${location}: ${(err as Error).message}`, { cause: err });
    }
    return new SqliteDriver(db, file);
  }

  query<R = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<SqlResult<R>> {
    return this.#mutex.run(() => this.#run<R>(sql, params));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#mutex.run(() => this.#transaction(fn));
  }

  /** BEGIN IMMEDIATE already takes the file's write lock, which every other process respects. */
  exclusiveTransaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.transaction(fn);
  }

  close(): Promise<void> {
    return this.#mutex.run(() => {
      if (this.#closed) return;
      this.#closed = true;
      this.#statements.clear();
      this.#db.close();
    });
  }

  async #transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.#exec('BEGIN IMMEDIATE');
    let open = true;
    const tx: SqlExecutor = {
      query: async <R>(sql: string, params: readonly SqlValue[] = []) => {
        if (!open) throw new StoreError(`${this.location}: a statement ran after its transaction ended`);
        return this.#run<R>(sql, params);
      },
    };
    try {
      const result = await fn(tx);
      open = false;
      this.#exec('COMMIT');
      return result;
    } catch (err) {
      open = false;
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw storeFailure(this.location, 'transaction', err);
    }
  }

  #exec(sql: string): void {
    this.#ensureOpen();
    try {
      this.#db.exec(sql);
    } catch (err) {
      throw storeFailure(this.location, sql.toLowerCase(), err);
    }
  }

  #run<R>(sql: string, params: readonly SqlValue[]): SqlResult<R> {
    this.#ensureOpen();
    const positional = toPositional(sql, params);
    try {
      const statement = this.#prepare(positional.sql);
      const values = positional.params.map(bindable);
      if (statement.reader) {
        const rows = statement.all(...values) as R[];
        return { rows, changes: rows.length };
      }
      const info = statement.run(...values);
      return { rows: [], changes: info.changes };
    } catch (err) {
      throw storeFailure(this.location, 'query', err);
    }
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      // Schema changes run once; only the store's everyday statements are worth keeping.
      if (!/^\s*(create|drop|alter)\b/i.test(sql)) this.#statements.set(sql, statement);
    }
    return statement;
  }

  #ensureOpen(): void {
    if (this.#closed) throw new StoreError(`${this.location} is closed`);
  }
}

const fileMutexes = new Map<string, AsyncMutex>();

/**
 * Runs fn while no store driver of this process is inside a statement or transaction on this
 * SQLite file. Code with its own better-sqlite3 connection to the store's file (the in-process
 * job queue) wraps its writes in this; otherwise its busy wait can block the thread while one
 * of the store's transactions waits between two awaits to commit.
 */
export function withSqliteFileLock<T>(file: string, fn: () => T | Promise<T>): Promise<T> {
  return fileMutex(path.resolve(file)).run(fn);
}

function fileMutex(file: string): AsyncMutex {
  let mutex = fileMutexes.get(file);
  if (!mutex) {
    mutex = new AsyncMutex();
    fileMutexes.set(file, mutex);
  }
  return mutex;
}

/** better-sqlite3 binds numbers, strings, buffers and null: booleans become 0/1. */
function bindable(value: SqlValue): number | string | Buffer | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
