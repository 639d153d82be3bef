/** A value a query binds: booleans and objects are converted by the driver (0/1, JSON text). */
export type SqlValue = string | number | boolean | null | Buffer | undefined;

export type SqlRow = Record<string, unknown>;

export interface SqlResult<R = SqlRow> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
}

/**
 * What the store's SQL runs on: one connection's worth of statements. Queries use numbered
 * placeholders ($1, $2 …) in both dialects; the SQLite driver rewrites them.
 */
export interface SqlExecutor {
  query<R = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<SqlResult<R>>;
}

export type SqlDialect = 'sqlite' | 'postgres';

/**
 * The small seam between the store and a database library. Everything dialect-specific that is
 * not DDL lives here: placeholders, booleans, integer widths, transactions, error mapping.
 */
export interface SqlDriver extends SqlExecutor {
  readonly dialect: SqlDialect;
  /** Where the store lives, for messages (never a password). */
  readonly location: string;
  /**
   * Runs fn in one transaction: committed when fn resolves, rolled back when it rejects (the
   * rejection is passed on). Other statements of this driver wait until it ends.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Like transaction, but first takes the store-wide migration lock (an advisory lock on
   * PostgreSQL, the write lock on SQLite), so concurrent openers migrate one after another.
   */
  exclusiveTransaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
