import { PackageURL } from 'packageurl-js';

/**
 * The purl of a package, or undefined when its parts do not make one. packageurl-js throws on
 * parts it refuses (an empty name, a golang version `v` + something not semver) — and, for that
 * golang case, with a ReferenceError of its own — so no cataloger calls it unguarded: image
 * content must never stop a cataloger.
 */
export function packageUrl(
  type: string,
  namespace: string | undefined,
  name: string,
  version: string | undefined,
  qualifiers?: Record<string, string>,
): string | undefined {
  try {
    return new PackageURL(type, namespace, name, version, qualifiers, undefined).toString();
  } catch {
    return undefined;
  }
}
