import type { Match } from '../../../scan/types.js';
import type { Firing, BuiltinTrigger } from '../types.js';
import { passesRule, type PassedMatch } from './package-filters.js';
import { anchorePackageType, packageClass, packageKey, packageLabel } from './package-key.js';
import { PACKAGE_PARAMS } from './package-params.js';
import { readPackageRule } from './package-rule.js';
import { vulnerabilityLink } from './vulnerability-link.js';

function group(notes: string[]): string {
  return notes.length ? `(${notes.join(' ')})` : '';
}

/**
 * Anchore's wording, so that tools reading its check output keep working:
 * `HIGH Vulnerability found in os package type (dpkg) - openssl (fixed in: 3.0.8)(CVE-… - <url>)`.
 */
export function packageMessage(match: Match, passed: PassedMatch): string {
  const { vulnerability, package: pkg } = match;
  const fixedIn = passed.fixVersions.length ? `(fixed in: ${passed.fixVersions.join(', ')})` : '';
  return (
    `${String(vulnerability.severity).toUpperCase()} Vulnerability found in ${packageClass(pkg.type)} ` +
    `package type (${anchorePackageType(pkg.type)}) - ${packageLabel(pkg)} ` +
    `${fixedIn}${group(passed.scoreNotes)}${group(passed.timeNotes)}${group(passed.vendorScoreNotes)}` +
    `(${vulnerability.id} - ${vulnerabilityLink(vulnerability)})`
  );
}

function isMatch(value: unknown): value is Match {
  const match = value as Partial<Match> | undefined;
  return typeof match?.vulnerability?.id === 'string' && typeof match.package?.name === 'string';
}

/** The scan's matches (after ignore rules and VEX); none when no scan ran. */
export function scanMatches(scan: unknown): Match[] {
  const matches = (scan as { matches?: unknown } | undefined)?.matches;
  return Array.isArray(matches) ? matches.filter(isMatch) : [];
}

/** Fires once per vulnerability match that passes every filter of the rule. */
export const packageTrigger: BuiltinTrigger = {
  name: 'package',
  description:
    'Fires for each vulnerability match that meets every condition given: package class, severity, CVSS v3 scores (NVD and vendor), fix availability and age, vulnerability age, path exclusion.',
  params: PACKAGE_PARAMS,
  evaluate(context, params) {
    const rule = readPackageRule(params, context.now);
    const firings: Firing[] = [];
    const seen = new Set<string>();
    for (const match of scanMatches(context.scan)) {
      const passed = passesRule(match, rule);
      if (!passed) continue;
      const triggerId = `${match.vulnerability.id}+${packageKey(match.package)}`;
      const message = packageMessage(match, passed);
      if (seen.has(`${triggerId}\u0000${message}`)) continue;
      seen.add(`${triggerId}\u0000${message}`);
      firings.push({ message, identity: triggerId, triggerId });
    }
    return firings;
  },
};
