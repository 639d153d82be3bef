import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The sub-folders of a `src/` folder: each is one unit (a cataloger, a format, a source kind). */
export function unitFolders(srcFolder: string): string[] {
  const dir = fileURLToPath(new URL(`../../src/${srcFolder}/`, import.meta.url));
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Files of one unit folder, recursively, relative to it. */
export function unitFiles(srcFolder: string, unit: string): string[] {
  const dir = fileURLToPath(new URL(`../../src/${srcFolder}/${unit}/`, import.meta.url));
  return readdirSync(dir, { recursive: true }).map(String);
}
