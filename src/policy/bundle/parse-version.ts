/** The only bundle format version Anchore (and Customs) reads; the schema checks it. */
export const BUNDLE_VERSION = '1_0';

/** The version as written; a policy or allowlist without one is taken as "1_0" (as Anchore does). */
export function versionOf(value: unknown): string {
  if (value === undefined) return BUNDLE_VERSION;
  return typeof value === 'string' ? value : String(value);
}
