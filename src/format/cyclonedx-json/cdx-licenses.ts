import { classifyLicense } from '../spdx-json/license-expression.js';
import type { CdxLicenseEntry } from './cdx-types.js';

/**
 * CycloneDX licenses for a package: SPDX ids as `license.id`, other names as `license.name`,
 * and a valid SPDX expression as the single `expression` the schema allows. Several licenses
 * with an expression among them become one expression when every part is SPDX, else names.
 */
export function cdxLicenses(licenses: readonly string[] | undefined): CdxLicenseEntry[] | undefined {
  const kinds = (licenses ?? []).map(classifyLicense).filter((k) => k !== undefined);
  if (kinds.length === 0) return undefined;
  const expressions = kinds.filter((k) => k.kind === 'expression');
  if (expressions.length > 0) {
    if (kinds.length === 1) return [{ expression: expressions[0]!.expression }];
    if (kinds.every((k) => k.kind !== 'name')) {
      const parts = kinds.map((k) => (k.kind === 'id' ? k.id : `(${k.expression})`));
      return [{ expression: [...new Set(parts)].join(' AND ') }];
    }
  }
  const seen = new Set<string>();
  const out: CdxLicenseEntry[] = [];
  for (const kind of kinds) {
    const entry =
      kind.kind === 'id' ? { id: kind.id } : { name: kind.kind === 'name' ? kind.name : kind.expression };
    const key = JSON.stringify(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ license: entry });
  }
  return out;
}

/** License strings back from CycloneDX license entries (ids, names and expressions as written). */
export function licensesFromCdx(entries: readonly CdxLicenseEntry[] | undefined): string[] {
  const out: string[] = [];
  for (const entry of entries ?? []) {
    const text = entry.expression ?? entry.license?.id ?? entry.license?.name;
    if (typeof text === 'string' && text.trim() !== '') out.push(text.trim());
  }
  return out;
}
