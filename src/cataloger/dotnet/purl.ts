import { packageUrl } from '../package-url.js';

/** `pkg:nuget/Name@Version`. */
export function nugetPurl(name: string, version: string): string | undefined {
  return packageUrl('nuget', undefined, name, version || undefined);
}
