import { packageUrl } from '../package-url.js';

/** `pkg:npm/%40scope/name@version` (the scope is the purl namespace). */
export function npmPurl(name: string, version: string): string | undefined {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  const namespace = slash > 0 ? name.slice(0, slash) : undefined;
  const bare = slash > 0 ? name.slice(slash + 1) : name;
  return packageUrl('npm', namespace, bare, version || undefined);
}
