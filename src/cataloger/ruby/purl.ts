import { packageUrl } from '../package-url.js';

/** `pkg:gem/name@version`, with `?platform=` for platform gems. */
export function gemPurl(name: string, version: string, platform?: string): string | undefined {
  const qualifiers = platform ? { platform } : undefined;
  return packageUrl('gem', undefined, name, version || undefined, qualifiers);
}
