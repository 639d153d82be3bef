import { homedir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from './store/sqlite/index.js';
import type { VulnStore } from './store/types.js';

/** `$XDG_CACHE_HOME/customs/vulndb.sqlite`, else `~/.cache/customs/vulndb.sqlite`. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  const cache =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
      ? env.XDG_CACHE_HOME
      : path.join(homedir(), '.cache');
  return path.join(cache, 'customs', 'vulndb.sqlite');
}

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface OpenStoreOptions {
  /** Lookups only (SQLite: the file must exist). */
  readonly?: boolean;
}

/**
 * Opens the database a `--db` value names: a `postgres://` URL, or an SQLite file path (the
 * default path when none is given; its `customs` folder is created when writing).
 */
export async function openStore(location?: string, options: OpenStoreOptions = {}): Promise<VulnStore> {
  // pg is loaded only for a postgres:// location.
  if (location && isPostgresLocation(location))
    return (await import('./store/postgres/index.js')).openPostgresStore(location);
  const file = location ?? defaultDatabasePath();
  if (!location && !options.readonly) {
    const { mkdirSync } = await import('node:fs');
    try {
      mkdirSync(path.dirname(file), { recursive: true });
    } catch {
      // openSqliteStore reports the missing or unwritable folder
    }
  }
  return openSqliteStore(file, { readonly: options.readonly ?? false });
}
