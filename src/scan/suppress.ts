import type { SbomSource } from '../model/sbom.js';
import { isExpired, ruleMatches, type IgnoreRule } from './ignore/ignore-rule.js';
import type { IgnoredMatch, Match } from './types.js';
import { statementApplies, type VexStatement } from './vex/vex-statement.js';

export interface SuppressOptions {
  onlyFixed?: boolean;
  ignoreRules?: readonly IgnoreRule[];
  vex?: readonly VexStatement[];
  now: Date;
}

/** Why a match is set aside, or undefined to keep it. The last VEX statement that applies wins. */
function reasonFor(
  match: Match,
  source: SbomSource,
  rules: readonly IgnoreRule[],
  options: SuppressOptions,
): IgnoredMatch['reason'] | undefined {
  let vex: VexStatement | undefined;
  for (const statement of options.vex ?? []) if (statementApplies(statement, match, source)) vex = statement;
  if (vex && (vex.status === 'not_affected' || vex.status === 'fixed')) {
    const reason: IgnoredMatch['reason'] = { by: 'vex', rule: `${vex.label} ${vex.status}` };
    if (vex.justification) reason.justification = vex.justification;
    return reason;
  }
  const rule = rules.find((r) => ruleMatches(r, match));
  if (rule) {
    const reason: IgnoredMatch['reason'] = { by: 'ignore-rule', rule: rule.label };
    if (rule.reason) reason.justification = rule.reason;
    if (rule.expires) reason.expires = rule.expires;
    return reason;
  }
  if (options.onlyFixed && match.vulnerability.fix.state !== 'fixed') {
    return { by: 'only-fixed', justification: `fix state is ${match.vulnerability.fix.state}` };
  }
  return undefined;
}

/**
 * Splits matches into those that remain and those VEX statements, ignore rules or `--only-fixed`
 * set aside. An expired ignore rule ignores nothing and says so in `warnings`.
 */
export function suppressMatches(
  matches: readonly Match[],
  source: SbomSource,
  options: SuppressOptions,
): { matches: Match[]; ignoredMatches: IgnoredMatch[]; warnings: string[] } {
  const warnings: string[] = [];
  const active: IgnoreRule[] = [];
  for (const rule of options.ignoreRules ?? []) {
    if (!isExpired(rule, options.now)) active.push(rule);
    else {
      const what = rule.vulnerability ?? rule.package?.name ?? rule.fixState ?? '';
      warnings.push(
        `ignore rule ${rule.label} (${what}) expired on ${rule.expires}: it no longer ignores anything`,
      );
    }
  }
  const kept: Match[] = [];
  const ignoredMatches: IgnoredMatch[] = [];
  for (const match of matches) {
    const reason = reasonFor(match, source, active, options);
    if (reason) ignoredMatches.push({ ...match, reason });
    else kept.push(match);
  }
  return { matches: kept, ignoredMatches, warnings };
}
