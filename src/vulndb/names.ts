/**
 * The one way package names are written in the database and looked up by the matcher, per
 * namespace (see AffectedPackage): PyPI's PEP 503 form, Packagist lower-cased; others as given.
 */
export function normalizePackageName(namespace: string, name: string): string {
  const trimmed = name.trim();
  if (namespace === 'pypi') return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
  if (namespace === 'packagist') return trimmed.toLowerCase();
  if (namespace === 'nuget') return trimmed.toLowerCase();
  return trimmed;
}
