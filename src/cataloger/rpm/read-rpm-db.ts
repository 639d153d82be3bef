import { isBdbHashDb, readBdbHashDb } from './bdb-hash-db.js';
import type { DbBlobs } from './db-blobs.js';
import { isNdbDb, readNdbDb } from './ndb-db.js';
import { rpmEntryOfBlob, type RpmEntry } from './rpm-entry.js';
import { isSqliteDb, readSqliteDb } from './sqlite-db.js';

/** What inspecting one rpm database yields: its packages, and what could not be read. */
export interface RpmDbResult {
  format: 'sqlite' | 'bdb' | 'ndb' | 'empty';
  entries: RpmEntry[];
  problems: string[];
}

function blobsOf(content: Buffer): { format: RpmDbResult['format']; blobs: DbBlobs } {
  if (isSqliteDb(content)) return { format: 'sqlite', blobs: readSqliteDb(content) };
  if (isNdbDb(content)) return { format: 'ndb', blobs: readNdbDb(content) };
  if (isBdbHashDb(content)) return { format: 'bdb', blobs: readBdbHashDb(content) };
  throw new Error('not an rpm database (neither SQLite, Berkeley DB hash nor NDB)');
}

/**
 * Reads an rpm database of any of the three backends, chosen by its magic bytes. Never throws:
 * an unreadable database comes back as a problem; an unreadable package as a problem next to
 * the packages that could be read. A zero-length file is an empty database.
 */
export function readRpmDb(content: Buffer): RpmDbResult {
  if (content.length === 0) return { format: 'empty', entries: [], problems: [] };
  try {
    const { format, blobs } = blobsOf(content);
    const result: RpmDbResult = { format, entries: [], problems: [...blobs.problems] };
    blobs.blobs.forEach((blob, index) => {
      try {
        result.entries.push(rpmEntryOfBlob(blob));
      } catch (error) {
        result.problems.push(`package #${index + 1}: ${(error as Error).message}`);
      }
    });
    return result;
  } catch (error) {
    return { format: 'empty', entries: [], problems: [(error as Error).message] };
  }
}
