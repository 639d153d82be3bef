import { globToRegExp } from '../../cataloger/files/path-glob.js';
import type { PackageType } from '../../model/package.js';
import type { FixState } from '../../vulndb/model.js';
import type { Match } from '../types.js';

/** One rule of an ignore file; every field given must match (at least one is given). */
export interface IgnoreRule {
  /** `<file>#<n>` (1-based), as the report and warnings name it. */
  label: string;
  /** A vulnerability id; also matches a match that lists it among its aliases. */
  vulnerability?: string;
  package?: { name?: string; version?: string; type?: PackageType; location?: string };
  fixState?: FixState;
  /** YYYY-MM-DD: the rule ignores through that day (UTC), and warns after. */
  expires?: string;
  reason?: string;
}

/** True when `rule` has expired on `now` (the expiry day itself still counts). */
export function isExpired(rule: IgnoreRule, now: Date): boolean {
  return rule.expires !== undefined && rule.expires < now.toISOString().slice(0, 10);
}

/** True when every criterion of the rule matches. */
export function ruleMatches(rule: IgnoreRule, match: Match): boolean {
  const { vulnerability, package: pkg } = match;
  if (rule.vulnerability !== undefined) {
    const wanted = rule.vulnerability.toUpperCase();
    const ids = [vulnerability.id, ...vulnerability.aliases].map((id) => id.toUpperCase());
    if (!ids.includes(wanted)) return false;
  }
  if (rule.fixState !== undefined && vulnerability.fix.state !== rule.fixState) return false;
  const wanted = rule.package;
  if (wanted) {
    if (wanted.name !== undefined && wanted.name !== pkg.name) return false;
    if (wanted.version !== undefined && wanted.version !== pkg.version) return false;
    if (wanted.type !== undefined && wanted.type !== pkg.type) return false;
    if (wanted.location !== undefined) {
      const glob = globToRegExp(wanted.location);
      if (!pkg.locations.some((l) => glob.test(l.path))) return false;
    }
  }
  return true;
}
