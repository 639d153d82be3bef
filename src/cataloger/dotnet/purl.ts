import { PackageURL } from 'packageurl-js';

/** `pkg:nuget/Name@Version`. */
export function nugetPurl(name: string, version: string): string {
  return new PackageURL('nuget', undefined, name, version || undefined, undefined, undefined).toString();
}
