import { cvssFromVector, severityFromScore } from '../../cvss/index.js';
import type { Cvss, Severity } from '../../model.js';
import { isObject } from './ranges.js';
import { severityFromWord } from './severity-words.js';

const CVSS_TYPES = new Set(['CVSS_V2', 'CVSS_V3', 'CVSS_V4']);

export interface RecordSeverity {
  severity: Severity;
  cvss: Cvss[];
  /** Ubuntu's priority for the record, when it gave one (applies to its Ubuntu packages). */
  ubuntuPriority?: Severity;
}

/**
 * The record's severity: from its CVSS vectors (the newest CVSS version wins), else GHSA's
 * `database_specific.severity`, else Ubuntu's priority, else 'unknown'. Every readable vector is
 * kept in `cvss`; an unreadable one is dropped.
 */
export function readSeverity(record: Record<string, unknown>, source: string): RecordSeverity {
  const cvss: Cvss[] = [];
  let ubuntuPriority: Severity | undefined;
  const entries = Array.isArray(record.severity) ? record.severity : [];
  for (const entry of entries) {
    if (!isObject(entry) || typeof entry.score !== 'string') continue;
    if (CVSS_TYPES.has(String(entry.type))) {
      const parsed = cvssFromVector(entry.score, source);
      if (parsed && !cvss.some((c) => c.vector === parsed.vector)) cvss.push(parsed);
    } else if (entry.type === 'Ubuntu') {
      ubuntuPriority = severityFromWord(entry.score) ?? ubuntuPriority;
    }
  }
  const newest = [...cvss].sort((a, b) => Number(b.version) - Number(a.version))[0];
  const databaseWord = isObject(record.database_specific)
    ? severityFromWord(record.database_specific.severity)
    : undefined;
  const severity = newest
    ? severityFromScore(newest.baseScore, newest.version)
    : (databaseWord ?? ubuntuPriority ?? 'unknown');
  return ubuntuPriority ? { severity, cvss, ubuntuPriority } : { severity, cvss };
}

/** A per-package verdict: Debian's urgency, or a severity in ecosystem/database_specific. */
export function affectedSeverity(affected: Record<string, unknown>): Severity | undefined {
  for (const key of ['ecosystem_specific', 'database_specific']) {
    const specific = affected[key];
    if (!isObject(specific)) continue;
    const word = severityFromWord(specific.urgency) ?? severityFromWord(specific.severity);
    if (word) return word;
  }
  return undefined;
}
