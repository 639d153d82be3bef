import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { defaultDatabasePath, isPostgresLocation, openStore } from '../default-path.js';
import { syncDatabase, type SyncOptions, type SyncResult } from './sync-database.js';
import { workName } from './work-dir.js';

export interface LocationSyncResult extends SyncResult {
  /** The SQLite file did not exist before; `created` says whether it does now. */
  firstSync: boolean;
  created: boolean;
}

/**
 * `db update` on a location: a Postgres URL or an SQLite file. A file that does not exist yet
 * is built as a work file beside it and moved into place only when at least one source
 * succeeded, so a first update that fails leaves no (empty) database behind for a scan to
 * mistake for one with nothing to report. Work files go beside the database (for Postgres: in
 * the user cache).
 */
export async function syncLocation(
  location: string | undefined,
  options: Omit<SyncOptions, 'workDir'>,
): Promise<LocationSyncResult> {
  if (location && isPostgresLocation(location)) {
    const store = await openStore(location);
    try {
      const result = await syncDatabase(store, {
        ...options,
        workDir: path.dirname(defaultDatabasePath()),
      });
      return { ...result, firstSync: false, created: false };
    } finally {
      await store.close();
    }
  }
  const file = location ?? defaultDatabasePath();
  const folder = path.dirname(path.resolve(file));
  await mkdir(folder, { recursive: true }).catch(() => undefined);
  const firstSync = !existsSync(file);
  const target = firstSync ? workName(folder, 'new.sqlite') : file;
  const store = await openStore(target);
  let result: SyncResult;
  try {
    result = await syncDatabase(store, { ...options, workDir: folder });
  } finally {
    await store.close();
  }
  if (!firstSync) return { ...result, firstSync, created: false };
  if (result.done.length === 0) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(target + suffix, { force: true });
    return { ...result, firstSync, created: false };
  }
  await rename(target, file);
  return { ...result, firstSync, created: true };
}
