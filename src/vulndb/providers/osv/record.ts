import type { AffectedPackage, FeedItem, Severity, Vulnerability } from '../../model.js';
import { normalizePackageName } from '../../names.js';
import { isRpmNamespace, mapEcosystem } from './ecosystems.js';
import { isObject, readRanges } from './ranges.js';
import { affectedSeverity, readSeverity } from './severity.js';
import { severityFromWord } from './severity-words.js';

export const PROVIDER = 'osv';

/**
 * One OSV record as Customs stores it. Affected entries in ecosystems Customs does not match
 * against, or with nothing to match (only GIT ranges), are left out; the record is rejected only
 * when none is left (and it is not withdrawn), with the reason naming what was skipped.
 */
export function convertRecord(record: unknown, location: string): FeedItem {
  if (!isObject(record)) return rejected(location, 'not an OSV record (not an object)');
  const id = record.id;
  if (typeof id !== 'string' || id.trim() === '') return rejected(location, 'OSV record has no id');
  if (record.affected !== undefined && !Array.isArray(record.affected)) {
    return rejected(location, `${id}: affected is not a list`);
  }
  const where = `${location}#${id}`;
  const severity = readSeverity(record, id.split('-')[0]?.toLowerCase() ?? PROVIDER);
  const affected: AffectedPackage[] = [];
  const skipped = new Set<string>();
  for (const entry of (record.affected as unknown[] | undefined) ?? []) {
    const result = convertAffected(id, entry);
    if (typeof result === 'string') skipped.add(result);
    else {
      if (severity.ubuntuPriority && result.namespace.startsWith('ubuntu:')) {
        result.severity ??= severity.ubuntuPriority;
      }
      affected.push(result);
    }
  }
  // A withdrawn record is kept even with nothing to match: it tells the store to hide the id.
  if (affected.length === 0 && timestamp(record.withdrawn) === undefined) {
    const why = skipped.size > 0 ? [...skipped].join('; ') : 'no affected packages';
    return rejected(where, why);
  }
  const vulnerability: Vulnerability = {
    id,
    aliases: aliasesOf(record, id, affected),
    severity: severity.severity === 'unknown' ? impactOf(record, affected) : severity.severity,
    cvss: severity.cvss,
    references: referencesOf(record.references),
    provider: PROVIDER,
  };
  if (typeof record.summary === 'string' && record.summary) vulnerability.summary = record.summary;
  if (typeof record.details === 'string' && record.details) {
    vulnerability.description = record.details;
  }
  for (const key of ['published', 'modified', 'withdrawn'] as const) {
    const time = timestamp(record[key]);
    if (time) vulnerability[key] = time;
  }
  return { kind: 'vulnerability', vulnerability, affected };
}

/** An AffectedPackage, or the reason the entry was skipped. */
function convertAffected(id: string, entry: unknown): AffectedPackage | string {
  if (!isObject(entry) || !isObject(entry.package)) return 'affected entry without a package';
  const { ecosystem, name } = entry.package;
  if (typeof ecosystem !== 'string' || typeof name !== 'string' || name.trim() === '') {
    return 'affected package without ecosystem or name';
  }
  const target = mapEcosystem(ecosystem);
  if (!target) return `unsupported ecosystem ${ecosystem}`;
  const reading = readRanges(entry.ranges);
  const versions = Array.isArray(entry.versions)
    ? entry.versions.filter((v): v is string => typeof v === 'string' && v !== '')
    : [];
  if (!reading.usable && versions.length === 0) {
    return `${ecosystem} ${name}: no ECOSYSTEM/SEMVER range and no versions`;
  }
  const affected: AffectedPackage = {
    vulnerabilityId: id,
    namespace: target.namespace,
    package: normalizePackageName(target.namespace, name),
    scheme: target.scheme,
    ranges: reading.ranges,
    fixState: reading.fixedVersions.length > 0 ? 'fixed' : 'not-fixed',
    fixedVersions: reading.fixedVersions,
    provider: PROVIDER,
  };
  if (versions.length > 0) affected.versions = versions;
  const severity = affectedSeverity(entry);
  if (severity) affected.severity = severity;
  return affected;
}

/**
 * `aliases` and `upstream` (USN → UBUNTU-CVE → CVE, CGA → CVE/GHSA). AlmaLinux, Rocky and Red
 * Hat advisories name the CVEs they fix in `related`, so for records about those distros the
 * CVE ids in `related` count too.
 */
function aliasesOf(record: Record<string, unknown>, id: string, affected: AffectedPackage[]) {
  const ids = [...strings(record.aliases), ...strings(record.upstream)];
  if (affected.every((a) => isRpmNamespace(a.namespace))) {
    ids.push(...strings(record.related).filter((r) => r.startsWith('CVE-')));
  }
  return [...new Set(ids)].filter((alias) => alias !== id);
}

/**
 * AlmaLinux and Rocky advisories carry no severity field; their summaries start with Red Hat's
 * impact word ("Important: gupnp security update").
 */
function impactOf(record: Record<string, unknown>, affected: AffectedPackage[]): Severity {
  if (!affected.every((a) => isRpmNamespace(a.namespace))) return 'unknown';
  const word = typeof record.summary === 'string' ? /^(\w+):/.exec(record.summary)?.[1] : undefined;
  return severityFromWord(word) ?? 'unknown';
}

function referencesOf(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const urls = raw.map((r) => (isObject(r) ? r.url : r)).filter((u) => typeof u === 'string');
  return [...new Set(urls as string[])];
}

function strings(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string' && s !== '') : [];
}

/** ISO timestamps as given; Debian's and the Go repository's `0001-01-01…` mean "no date". */
function timestamp(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
  if (typeof raw !== 'string' || raw === '' || raw.startsWith('0001-01-01')) return undefined;
  return raw;
}

function rejected(location: string, reason: string): FeedItem {
  return { kind: 'rejected', location, reason };
}
