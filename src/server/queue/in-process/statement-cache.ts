import type Database from 'better-sqlite3';

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The connection's prepared statement for `sql`, prepared once: the queue runs the same dozen
 * statements for every job, and preparing them each time was a tenth of a short job's cost.
 * Statements are only ever run with get/all/run (never iterated or put in raw/pluck mode), so
 * sharing one between callers is safe on a connection used by one thread.
 */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = byConnection.get(db);
  if (!statements) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
