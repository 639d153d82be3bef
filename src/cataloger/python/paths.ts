import { posix } from 'node:path';

/** What a path the Python cataloger reads is. */
export type PythonFileKind =
  | 'metadata' // *.dist-info/METADATA, *.egg-info/PKG-INFO, a *.egg-info file
  | 'sidecar' // RECORD, installed-files.txt, top_level.txt, direct_url.json, requires.txt beside it
  | 'requirements'
  | 'poetry-lock'
  | 'pipfile-lock'
  | 'uv-lock';

const SIDECARS = new Set([
  'RECORD',
  'installed-files.txt',
  'top_level.txt',
  'direct_url.json',
  'requires.txt',
]);

function isDistDir(dir: string): boolean {
  return /dist-info$/i.test(dir);
}

function isEggDir(dir: string): boolean {
  return /egg-info$/i.test(dir);
}

/** Classifies a path, or undefined when the Python cataloger does not read it. */
export function pythonFileKind(path: string): PythonFileKind | undefined {
  const name = posix.basename(path);
  const parent = posix.basename(posix.dirname(path));
  if (name === 'METADATA' && isDistDir(parent)) return 'metadata';
  if (name === 'PKG-INFO' && isEggDir(parent)) return 'metadata';
  if (/\.egg-info$/i.test(name)) return 'metadata';
  if (SIDECARS.has(name) && (isDistDir(parent) || isEggDir(parent))) return 'sidecar';
  if (name === 'poetry.lock') return 'poetry-lock';
  if (name === 'Pipfile.lock') return 'pipfile-lock';
  if (name === 'uv.lock') return 'uv-lock';
  if (/requirements.*\.txt$/i.test(name) || (parent === 'requirements' && name.endsWith('.txt'))) {
    return 'requirements';
  }
  return undefined;
}

export function wantsPythonPath(path: string): boolean {
  return pythonFileKind(path) !== undefined;
}

/**
 * Where an installed distribution's metadata lives: `dir` is the .dist-info/.egg-info directory
 * (undefined for a single-file .egg-info), `sitePackages` the directory RECORD paths are
 * relative to.
 */
export function distributionDirs(metadataPath: string): { dir?: string; sitePackages: string } {
  const name = posix.basename(metadataPath);
  if (/\.egg-info$/i.test(name) && name !== 'PKG-INFO') {
    return { sitePackages: posix.dirname(metadataPath) };
  }
  const dir = posix.dirname(metadataPath);
  return { dir, sitePackages: posix.dirname(dir) };
}
