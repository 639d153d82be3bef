import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseError } from '../../../errors/index.js';
import { SCHEMA_STATEMENTS, SCHEMA_VERSION } from '../schema/schema-v1.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (and, writable, creates) a database file with the current schema. Every failure is a
 * DatabaseError naming the file and what to do.
 */
export function openDatabase(file: string, readonly: boolean): SqliteDatabase {
  const memory = file === ':memory:';
  if (!memory) {
    const dir = path.dirname(path.resolve(file));
    if (!existsSync(dir)) {
      throw new DatabaseError(`cannot open vulnerability database ${file}: directory ${dir} does not exist`);
    }
    if (readonly && !existsSync(file)) {
      throw new DatabaseError(
        `no vulnerability database at ${file}: run 'customs db update' or 'customs db import' first`,
      );
    }
  }
  if (readonly && !memory && existsSync(`${file}-journal`)) recoverHotJournal(file);
  let db: SqliteDatabase;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (err) {
    throw wrap(file, 'open', err);
  }
  try {
    db.pragma('busy_timeout = 10000');
    if (!readonly) {
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
    }
    checkSchema(db, file, readonly);
  } catch (err) {
    db.close();
    throw err instanceof DatabaseError ? err : wrap(file, 'open', err);
  }
  return db;
}

/**
 * A writer killed mid-transaction leaves a hot journal; a read-only connection cannot roll it
 * back (SQLITE_READONLY), so a writable one does it first when it may.
 */
function recoverHotJournal(file: string): void {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      db.close();
    }
  } catch {
    // not ours to fix (no write permission): the read-only open reports it
  }
}

function checkSchema(db: SqliteDatabase, file: string, readonly: boolean): void {
  const hasVersionTable = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`)
    .get();
  if (!hasVersionTable) {
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as {
      n: number;
    };
    if (tables.n > 0) {
      throw new DatabaseError(`${file} is an SQLite database but not a Customs vulnerability database`);
    }
    if (readonly)
      throw new DatabaseError(`${file} is empty: run 'customs db import' or 'customs db update' first`);
    db.transaction(() => {
      for (const statement of SCHEMA_STATEMENTS) db.exec(statement);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
    })();
    return;
  }
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as {
    version: number | null;
  };
  if (row.version !== SCHEMA_VERSION) {
    throw new DatabaseError(
      `${file} has database schema ${String(row.version)}, this customs reads schema ${SCHEMA_VERSION}: ` +
        `rebuild it with 'customs db update' into a new --db path`,
    );
  }
}

export function wrap(file: string, action: string, err: unknown): DatabaseError {
  const e = err as { code?: string; message?: string };
  const reason = e.message ?? String(err);
  if (e.code === 'SQLITE_NOTADB' || /not a database/i.test(reason)) {
    return new DatabaseError(`${file} is not an SQLite database (corrupt or another kind of file)`, {
      cause: err,
    });
  }
  if (e.code === 'SQLITE_READONLY' || e.code === 'SQLITE_CANTOPEN' || e.code === 'SQLITE_PERM') {
    return new DatabaseError(`cannot ${action} vulnerability database ${file}: not writable (${e.code})`, {
      cause: err,
    });
  }
  return new DatabaseError(`cannot ${action} vulnerability database ${file}: ${reason}`, { cause: err });
}
