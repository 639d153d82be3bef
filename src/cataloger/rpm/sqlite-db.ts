import Database from 'better-sqlite3';
import { RpmDbError, type DbBlobs } from './db-blobs.js';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

export function isSqliteDb(content: Buffer): boolean {
  return content.length >= 100 && content.subarray(0, 16).equals(SQLITE_MAGIC);
}

/**
 * Header blobs of rpm's SQLite backend (`rpmdb.sqlite`, table `Packages(hnum, blob)`), read from
 * the captured bytes in memory. A database in WAL mode is opened as a rollback-journal one (the
 * -wal file is another file, so what it holds is not seen).
 */
export function readSqliteDb(content: Buffer): DbBlobs {
  if (!isSqliteDb(content)) throw new RpmDbError('not an SQLite database');
  const copy = Buffer.from(content);
  // Bytes 18/19 are the write/read format versions: 2 means WAL, which a deserialised DB cannot use.
  if (copy[18] === 2) copy[18] = 1;
  if (copy[19] === 2) copy[19] = 1;
  let db: Database.Database | undefined;
  try {
    db = new Database(copy, { readonly: true });
    const rows = db.prepare('SELECT hnum, blob FROM Packages ORDER BY hnum').all() as Array<{
      hnum: number;
      blob: unknown;
    }>;
    const blobs: Buffer[] = [];
    const problems: string[] = [];
    for (const row of rows) {
      if (Buffer.isBuffer(row.blob)) blobs.push(row.blob);
      else problems.push(`package ${row.hnum}: blob is not binary`);
    }
    return { blobs, problems };
  } catch (error) {
    throw new RpmDbError(`cannot read the rpm SQLite database: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}
