/** The license name of one `license`/`licenses` item: a string, or `{ type }` (legacy). */
function licenseName(item: unknown): string | undefined {
  if (typeof item === 'string') return item.trim() || undefined;
  if (item && typeof item === 'object') {
    const type = (item as { type?: unknown }).type;
    if (typeof type === 'string' && type.trim()) return type.trim();
  }
  return undefined;
}

function wrap(name: string): string {
  return / (OR|AND|WITH) /.test(name) && !name.startsWith('(') ? `(${name})` : name;
}

/**
 * The license of a package.json (or a lock entry) as one SPDX expression: `license` as a string
 * or `{ type }` object, or the legacy `licenses` array (alternatives, so joined with OR).
 */
export function npmLicenses(license: unknown, legacy?: unknown): string[] {
  const values = Array.isArray(license)
    ? license
    : license !== undefined && license !== null
      ? [license]
      : [];
  if (values.length === 0 && Array.isArray(legacy)) values.push(...(legacy as unknown[]));
  else if (values.length === 0 && legacy !== undefined && legacy !== null) values.push(legacy);
  const names = [...new Set(values.map(licenseName).filter((n): n is string => n !== undefined))];
  if (names.length === 0) return [];
  if (names.length === 1) return [names[0] as string];
  return [names.map(wrap).join(' OR ')];
}
