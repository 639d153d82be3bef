import { LinearRegExp } from '../../pattern/index.js';
import type { SecretFinding } from '../../model/secret.js';

export type Severity = SecretFinding['severity'];
export const SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** Skips a finding (regex, tested on the secret) or a whole file (path). */
export interface AllowRule {
  id: string;
  description?: string;
  path?: RegExp;
  regex?: RegExp;
}

/**
 * One kind of secret. `regex` finds it (its named group `secret` is what gets redacted; without
 * one, the whole match); it only runs on files whose lower-cased content contains one of
 * `keywords` (no keywords: every file).
 */
export interface SecretRule {
  id: string;
  category: string;
  title: string;
  severity: Severity;
  keywords: string[];
  regex: RegExp;
  /** Only files whose path matches. */
  path?: RegExp;
  allowRules?: AllowRule[];
}

/** The rule's regex as the scanner runs it: global, with match indices. */
export function scanningRegExp(regex: RegExp): RegExp {
  const flags = new Set(regex.flags.split(''));
  flags.add('g');
  flags.add('d');
  flags.delete('y');
  const Engine = regex instanceof LinearRegExp ? LinearRegExp : RegExp;
  return new Engine(regex, [...flags].join(''));
}

/** True when one of the allow rules skips this file path. */
export function pathAllowed(path: string, rules: readonly AllowRule[]): boolean {
  return rules.some((r) => r.path !== undefined && r.regex === undefined && r.path.test(path));
}

/** True when one of the allow rules skips this secret found at `path`. */
export function secretAllowed(path: string, secret: string, rules: readonly AllowRule[]): boolean {
  return rules.some(
    (r) =>
      (r.path !== undefined || r.regex !== undefined) &&
      (r.path === undefined || r.path.test(path)) &&
      (r.regex === undefined || r.regex.test(secret)),
  );
}
