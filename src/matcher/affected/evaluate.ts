import type { AffectedPackage, VersionRange } from '../../vulndb/model.js';
import type { VersionScheme } from '../../versioning/types.js';

/** Whether a version is affected by one record, and the constraint that said so. */
export type Verdict = { affected: true; constraint: string } | { affected: false };

const NOT_AFFECTED: Verdict = { affected: false };

/** `introduced: "0"` (OSV's "from the beginning") is no lower bound in any scheme. */
function hasLowerBound(range: VersionRange): range is VersionRange & { introduced: string } {
  return range.introduced !== undefined && range.introduced !== '' && range.introduced !== '0';
}

/** `ruby:2.7` of an rpm modularity label `ruby:2.7:8080020230427102918:63b34585`. */
export function moduleStream(label: unknown): string | undefined {
  if (typeof label !== 'string') return undefined;
  const [name, stream] = label.split(':');
  return name && stream ? `${name}:${stream}` : undefined;
}

/**
 * Data without stream tags (AlmaLinux, Rocky OSV) lists every stream's fix for a modular runtime
 * side by side. For the runtime itself (package `ruby` of module `ruby:2.7`) with a numeric
 * stream, a modular fix whose version is not of that stream (`3.0.2-140.module_el8…`) belongs to
 * another stream. Other packages of a module (rubygem-*) keep every range.
 */
function otherStreamsFix(
  range: VersionRange,
  packageName: string,
  packageModule: string | undefined,
): boolean {
  if (!packageModule || range.fixed === undefined || !/\.module[_+]/.test(range.fixed)) return false;
  const [name, stream] = packageModule.split(':') as [string, string];
  if (name !== packageName || !/^\d+(?:\.\d+)*$/.test(stream)) return false;
  const upstream = range.fixed.replace(/^\d+:/, '').split('-')[0] ?? '';
  return upstream !== stream && !upstream.startsWith(`${stream}.`);
}

function inRange(version: string, range: VersionRange, scheme: VersionScheme): boolean {
  if (hasLowerBound(range)) {
    const lower = scheme.compare(version, range.introduced);
    if (lower < 0 || (lower === 0 && range.lowerExclusive)) return false;
  }
  if (range.fixed !== undefined && scheme.compare(version, range.fixed) >= 0) return false;
  if (range.lastAffected !== undefined && scheme.compare(version, range.lastAffected) > 0) return false;
  return true;
}

/** `>=1.0 <1.2` — a range as people read it. */
export function describeRange(range: VersionRange): string {
  const parts: string[] = [];
  if (hasLowerBound(range)) parts.push(`${range.lowerExclusive ? '>' : '>='}${range.introduced}`);
  if (range.fixed !== undefined) parts.push(`<${range.fixed}`);
  if (range.lastAffected !== undefined) parts.push(`<=${range.lastAffected}`);
  return parts.length ? parts.join(' ') : 'all versions';
}

/**
 * Affected when the version falls in any range, equals one of `versions`, or satisfies one of
 * `constraints`. A record with none of the three affects every version only when the data says
 * there is no fix (`not-fixed`, `wont-fix`: distros' "unfixed"); `not-affected` never matches.
 * Ranges of another module stream than `packageModule` (`ruby:2.7`, from an rpm's modularity
 * label) are passed over; with no known stream, every range counts (never a silent miss).
 * Throws InvalidVersionError when a version in the record cannot be read.
 */
export function evaluate(
  version: string,
  record: AffectedPackage,
  scheme: VersionScheme,
  packageModule?: string,
): Verdict {
  if (record.fixState === 'not-affected') return NOT_AFFECTED;
  for (const range of record.ranges) {
    // Another module stream's fix says nothing about this package (ruby:3.1's fix for ruby:2.7).
    if (range.module && packageModule && range.module !== packageModule) continue;
    if (!range.module && otherStreamsFix(range, record.package, packageModule)) continue;
    if (inRange(version, range, scheme)) return { affected: true, constraint: describeRange(range) };
  }
  for (const listed of record.versions ?? []) {
    if (scheme.compare(version, listed) === 0) return { affected: true, constraint: `=${listed}` };
  }
  for (const constraint of record.constraints ?? []) {
    if (scheme.satisfies(version, constraint)) return { affected: true, constraint };
  }
  const empty = !record.ranges.length && !record.versions?.length && !record.constraints?.length;
  if (empty && (record.fixState === 'not-fixed' || record.fixState === 'wont-fix')) {
    return { affected: true, constraint: 'all versions' };
  }
  return NOT_AFFECTED;
}
