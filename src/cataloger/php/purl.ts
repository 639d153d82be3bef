import { packageUrl } from '../package-url.js';

/** `pkg:composer/vendor/name@version`. */
export function composerPurl(name: string, version: string): string | undefined {
  const slash = name.indexOf('/');
  const namespace = slash > 0 ? name.slice(0, slash) : undefined;
  const bare = slash > 0 ? name.slice(slash + 1) : name;
  return packageUrl('composer', namespace, bare, version || undefined);
}
