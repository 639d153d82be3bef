// ../shared/data beside the checkout: real feeds and fixtures for acceptance runs. A user's
// clone has none, so every test that reads it skips when it is absent.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DATA = path.resolve(fileURLToPath(new URL('../../../shared/data', import.meta.url)));
export const SHARED_FIXTURES = path.join(SHARED_DATA, 'fixtures');

/** Fixture names that are broken on purpose. */
export const BROKEN_FIXTURE = /corrupt|bad|invalid|malformed/i;

/** syft's glob-paths fixtures test path selection only: their content is a placeholder. */
export const PATH_ONLY_FIXTURE = /(^|\/)glob-paths\//;

/** Every regular file below `dir` (none when it does not exist). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
