import { existsSync } from 'node:fs';

/**
 * Splits `PATH[:TAG]` where PATH may itself hold colons: the longest prefix that exists on disk
 * is the path, the rest the tag. When nothing exists the whole text is the path (the caller then
 * reports it missing).
 */
export function splitPathAndTag(spec: string): { path: string; tag?: string } {
  if (existsSync(spec)) return { path: spec };
  for (let i = spec.lastIndexOf(':'); i > 0; i = spec.lastIndexOf(':', i - 1)) {
    const path = spec.slice(0, i);
    if (existsSync(path)) return { path, tag: spec.slice(i + 1) };
  }
  return { path: spec };
}
