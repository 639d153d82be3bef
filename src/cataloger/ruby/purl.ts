import { PackageURL } from 'packageurl-js';

/** `pkg:gem/name@version`, with `?platform=` for platform gems. */
export function gemPurl(name: string, version: string, platform?: string): string {
  const qualifiers = platform ? { platform } : undefined;
  return new PackageURL('gem', undefined, name, version || undefined, qualifiers, undefined).toString();
}
