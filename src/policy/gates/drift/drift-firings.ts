import type { ConfigChange, DriftKind, ImageDrift, PackageVersions } from '../../../drift/types.js';
import { matchesAtStart } from '../../checks/regex-match.js';
import { severityRank } from '../vulnerabilities/severity-order.js';
import type { Firing } from '../types.js';

/** Which changes of a drift a rule looks at. */
export interface DriftFilter {
  kinds: ReadonlySet<DriftKind>;
  /** File changes only under paths this matches (from the start); all when absent. */
  pathRegex?: RegExp;
  /** Introduced vulnerabilities of at least this severity rank; all when absent. */
  minSeverityRank?: number;
}

const versions = (list: readonly string[]) => (list.length > 0 ? list.join(', ') : '(none)');
const pkgName = (p: { type: string; name: string }) => `${p.type}/${p.name}`;

function packageFirings(kind: DriftKind, list: readonly PackageVersions[], verb: string): Firing[] {
  return list.map((p) => ({
    message: `Package ${pkgName(p)} ${versions(p.versions)} was ${verb} since the previous image`,
    identity: `${kind}:${pkgName(p)}`,
  }));
}

function configMessage(change: ConfigChange): string {
  const what = change.key !== undefined ? `${change.field} ${change.key}` : change.field;
  if (change.before === undefined) return `Config ${what} was added (${change.after ?? ''})`;
  if (change.after === undefined) return `Config ${what} was removed (was ${change.before})`;
  return `Config ${what} changed from ${change.before} to ${change.after}`;
}

function pathWanted(filter: DriftFilter, path: string): boolean {
  return !filter.pathRegex || matchesAtStart(filter.pathRegex, path);
}

/** One firing per change of the kinds the filter names, in the order of DRIFT_KINDS. */
export function driftFirings(drift: ImageDrift, filter: DriftFilter): Firing[] {
  const out: Firing[] = [];
  const { kinds } = filter;
  if (kinds.has('package_added')) out.push(...packageFirings('package_added', drift.packages.added, 'added'));
  if (kinds.has('package_removed'))
    out.push(...packageFirings('package_removed', drift.packages.removed, 'removed'));
  if (kinds.has('package_changed'))
    for (const change of drift.packages.changed)
      out.push({
        message: `Package ${pkgName(change)} changed from ${versions(change.before)} to ${versions(change.after)} since the previous image`,
        identity: `package_changed:${pkgName(change)}`,
      });
  const files: [DriftKind, readonly { path: string; changes?: readonly string[] }[], string][] = [
    ['file_added', drift.files.added, 'was added'],
    ['file_removed', drift.files.removed, 'was removed'],
    ['file_changed', drift.files.changed, 'changed'],
  ];
  for (const [kind, list, verb] of files)
    if (kinds.has(kind))
      for (const file of list)
        if (pathWanted(filter, file.path))
          out.push({
            message: `File ${file.path} ${verb}${file.changes ? ` (${file.changes.join(', ')})` : ''} since the previous image`,
            identity: `${kind}:${file.path}`,
          });
  if (kinds.has('config_changed'))
    for (const change of drift.config)
      out.push({
        message: `${configMessage(change)} since the previous image`,
        identity: `config_changed:${change.field}${change.key !== undefined ? `:${change.key}` : ''}`,
      });
  if (kinds.has('vulnerability_introduced'))
    for (const vuln of drift.vulnerabilities?.introduced ?? [])
      if (filter.minSeverityRank === undefined || severityRank(vuln.severity) >= filter.minSeverityRank)
        out.push({
          message: `Vulnerability ${vuln.id} (${vuln.severity}) in ${vuln.packageType}/${vuln.packageName} ${vuln.packageVersion} is new since the previous image`,
          identity: `vulnerability_introduced:${vuln.id}+${vuln.packageType}/${vuln.packageName}`,
        });
  return out;
}
