import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The version of this package, from its package.json. */
export function customsVersion(): string {
  if (cached) return cached;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    cached = pkg.version ?? '0.0.0';
  } catch {
    cached = '0.0.0';
  }
  return cached;
}

let identity: string | undefined;

/**
 * This program's version and build (dist/build-id.txt, written by the build from the sources), or
 * `+source` when running from the sources: part of every layer cache key.
 */
export function programIdentity(): string {
  if (identity) return identity;
  let build = 'source';
  try {
    build = readFileSync(new URL('../build-id.txt', import.meta.url), 'utf8').trim() || build;
  } catch {
    // running from src/: no build
  }
  identity = `${customsVersion()}+${build}`;
  return identity;
}
