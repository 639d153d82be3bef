import type { Match } from '../model/match.js';
import type { ImageDrift, VulnerabilityRef } from './types.js';

function ref(m: Match): VulnerabilityRef {
  return {
    id: m.vulnerability.id,
    severity: m.vulnerability.severity,
    packageType: m.package.type,
    packageName: m.package.name,
    packageVersion: m.package.version,
    fixedIn: [...m.vulnerability.fix.versions],
  };
}

const key = (r: VulnerabilityRef) => `${r.id}\u0000${r.packageType}\u0000${r.packageName}`;

/**
 * Vulnerabilities by id and package name: introduced (only after) and fixed (only before). The
 * same id on the same package at another version is neither: it is still there.
 */
export function diffVulnerabilities(
  before: readonly Match[],
  after: readonly Match[],
): NonNullable<ImageDrift['vulnerabilities']> {
  const was = new Map(before.map((m) => [key(ref(m)), ref(m)]));
  const now = new Map(after.map((m) => [key(ref(m)), ref(m)]));
  const order = (a: VulnerabilityRef, b: VulnerabilityRef) =>
    a.id.localeCompare(b.id) ||
    a.packageType.localeCompare(b.packageType) ||
    a.packageName.localeCompare(b.packageName);
  return {
    introduced: [...now]
      .filter(([k]) => !was.has(k))
      .map(([, r]) => r)
      .sort(order),
    fixed: [...was]
      .filter(([k]) => !now.has(k))
      .map(([, r]) => r)
      .sort(order),
  };
}
