import type { AffectedPackage, VersionRange } from '../../model.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of a CPE 2.3 formatted string, split on colons that are not escaped. */
function cpeFields(criteria: string): string[] | undefined {
  if (!criteria.startsWith('cpe:2.3:')) return undefined;
  const fields = criteria.split(/(?<!\\):/);
  return fields.length >= 6 ? fields : undefined;
}

interface Collected {
  ranges: VersionRange[];
  versions: string[];
}

function rangeOf(match: Json): VersionRange | undefined {
  const range: VersionRange = {};
  const text = (key: string): string | undefined =>
    typeof match[key] === 'string' && (match[key] as string).trim() !== ''
      ? (match[key] as string).trim()
      : undefined;
  const startIncluding = text('versionStartIncluding');
  const startExcluding = text('versionStartExcluding');
  if (startIncluding) range.introduced = startIncluding;
  else if (startExcluding) {
    range.introduced = startExcluding;
    range.lowerExclusive = true;
  }
  const endExcluding = text('versionEndExcluding');
  const endIncluding = text('versionEndIncluding');
  if (endExcluding) range.fixed = endExcluding;
  else if (endIncluding) range.lastAffected = endIncluding;
  return Object.keys(range).length > 0 ? range : undefined;
}

function walkNodes(node: unknown, visit: (match: Json) => void): void {
  if (!isObject(node)) return;
  for (const match of Array.isArray(node.cpeMatch) ? node.cpeMatch : []) if (isObject(match)) visit(match);
  for (const child of Array.isArray(node.nodes) ? node.nodes : []) walkNodes(child, visit);
}

/**
 * The vulnerable CPE matches of one CVE as `nvd:cpe` packages named `vendor:product`, one per
 * product; platform-only matches (`vulnerable: false`) are left out. A match with version
 * bounds gives a range, a concrete version in the criteria an exact version, and `*` or `-`
 * every version. Unreadable criteria come back in `invalid`.
 */
export function cpeAffected(
  id: string,
  configurations: unknown,
): { affected: AffectedPackage[]; invalid: string[] } {
  const byProduct = new Map<string, Collected>();
  const invalid: string[] = [];
  for (const configuration of Array.isArray(configurations) ? configurations : []) {
    walkNodes(configuration, (match) => {
      if (match.vulnerable !== true) return;
      const fields = typeof match.criteria === 'string' ? cpeFields(match.criteria) : undefined;
      if (!fields) {
        invalid.push(String(match.criteria));
        return;
      }
      const [, , , vendor = '', product = '', version = '*'] = fields;
      const key = `${vendor}:${product}`;
      const collected = byProduct.get(key) ?? { ranges: [], versions: [] };
      byProduct.set(key, collected);
      const range = rangeOf(match);
      if (range) collected.ranges.push(range);
      else if (version === '*' || version === '-') collected.ranges.push({});
      else if (!collected.versions.includes(version)) collected.versions.push(version);
    });
  }
  const affected = [...byProduct].map(([pkg, { ranges, versions }]): AffectedPackage => {
    const fixedVersions = ranges.flatMap((range) => (range.fixed ? [range.fixed] : []));
    const entry: AffectedPackage = {
      vulnerabilityId: id,
      namespace: 'nvd:cpe',
      package: pkg,
      scheme: 'generic',
      ranges,
      fixState: fixedVersions.length > 0 ? 'fixed' : 'not-fixed',
      fixedVersions,
      provider: 'nvd',
    };
    if (versions.length > 0) entry.versions = versions;
    return entry;
  });
  return { affected, invalid };
}
