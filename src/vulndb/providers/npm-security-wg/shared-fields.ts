import type { FeedItem } from '../../model.js';

/** Fields and helpers both kinds of security-wg record (npm modules, Node.js core) share. */
export const PROVIDER = 'nodejs-security-wg';

export function cvesOf(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const cves = list.filter((c): c is string => typeof c === 'string').map((c) => c.trim());
  return [...new Set(cves.filter((c) => /^CVE-\d{4}-\d+$/.test(c)))];
}

export function stringsOf(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return [...new Set(list.filter((s): s is string => typeof s === 'string' && s !== ''))];
}

/** Dates as given (`2018-04-09`), when they are one. */
export function dateOf(raw: unknown): string | undefined {
  return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function rejected(location: string, reason: string): FeedItem {
  return { kind: 'rejected', location, reason };
}
