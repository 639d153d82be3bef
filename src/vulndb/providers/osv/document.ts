import { parseFeedYaml as parseYaml } from '../feed-yaml.js';
import type { FeedFile } from '../types.js';
import { isObject } from './ranges.js';

/** Keys that mark an OSV record (an `{id, modified}` pair alone is an index entry, not a record). */
const RECORD_KEYS = [
  'affected',
  'schema_version',
  'summary',
  'details',
  'aliases',
  'upstream',
  'severity',
  'withdrawn',
  'references',
];

export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Cheap look at the first bytes: could this file hold OSV records at all? */
export function mayHoldOsv(file: FeedFile): boolean {
  const head = file.content.subarray(0, 65536).toString('utf8');
  if (isYamlName(file.name)) return /^id:/m.test(head) && /^(affected|modified):/m.test(head);
  if (!/^\s*[[{]/.test(head)) return false;
  return head.includes('"id"') && (head.includes('"modified"') || head.includes('"affected"'));
}

/** The parsed document, or an Error when the file is neither JSON nor YAML. */
export function readDocument(file: FeedFile): unknown {
  const text = file.content.toString('utf8');
  try {
    return isYamlName(file.name) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The records a document holds: one record, a JSON array of records, or an OSV.dev API answer
 * (`{"vulns": [...]}`); undefined when it holds none of these.
 */
export function recordsOf(document: unknown): unknown[] | undefined {
  if (Array.isArray(document)) return document.some(isOsvRecord) ? document : undefined;
  if (isOsvRecord(document)) return [document];
  if (isObject(document) && Array.isArray(document.vulns) && document.vulns.some(isOsvRecord)) {
    return document.vulns;
  }
  return undefined;
}

export function isOsvRecord(value: unknown): boolean {
  if (!isObject(value) || typeof value.id !== 'string') return false;
  if (!Array.isArray(value.affected) && typeof value.modified !== 'string') return false;
  return RECORD_KEYS.some((key) => key in value);
}
