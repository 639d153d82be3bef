import {
  boolParam,
  numberParam,
  regexParam,
  stringParam,
  type Params,
} from '../../trigger-params/read-params.js';
import { isComparison, type Comparison } from './comparisons.js';
import type { CvssV3Kind } from './cvss-v3-scores.js';
import { severityRank } from './severity-order.js';

const DAY_MS = 86_400_000;
const CVSS_KINDS: readonly CvssV3Kind[] = ['base', 'exploitability', 'impact'];

/** One CVSS v3 threshold of a rule: `<score of kind> <op> threshold`, named as the bundle names it. */
export interface ScoreThreshold {
  param: string;
  kind: CvssV3Kind;
  op: Comparison;
  threshold: number;
}

/** The `package` trigger's parameters, read once per evaluation. */
export interface PackageRule {
  packageType: 'all' | 'os' | 'non-os';
  severityOp: Comparison;
  severityRank: number;
  pathExclude?: RegExp;
  vendorOnly: boolean;
  /** Vulnerabilities published after this instant (epoch ms) are too recent to fire. */
  publishedBefore?: number;
  /** Fixes published after this instant (epoch ms) are too recent to fire. */
  fixPublishedBefore?: number;
  nvd: ScoreThreshold[];
  fixAvailable?: boolean;
  vendor: ScoreThreshold[];
}

function comparisonOf(params: Params, name: string, fallback: Comparison): Comparison {
  const text = stringParam(params, name)?.trim();
  return isComparison(text) ? text : fallback;
}

function thresholds(params: Params, prefix: '' | 'vendor_'): ScoreThreshold[] {
  return CVSS_KINDS.flatMap((kind) => {
    const param = `${prefix}cvss_v3_${kind}_score`;
    const threshold = numberParam(params, param);
    if (threshold === undefined) return [];
    return [{ param, kind, op: comparisonOf(params, `${param}_comparison`, '>='), threshold }];
  });
}

function optionalBool(params: Params, name: string): boolean | undefined {
  const value = boolParam(params, true, name);
  return value === boolParam(params, false, name) ? value : undefined;
}

function cutoff(params: Params, name: string, now: Date): number | undefined {
  const days = numberParam(params, name);
  return days === undefined ? undefined : now.getTime() - Math.trunc(days) * DAY_MS;
}

export function readPackageRule(params: Params, now: Date): PackageRule {
  const type = stringParam(params, 'package_type')?.trim();
  const fixAvailable = optionalBool(params, 'fix_available');
  const rule: PackageRule = {
    packageType: type === 'os' || type === 'non-os' ? type : 'all',
    severityOp: comparisonOf(params, 'severity_comparison', '>'),
    severityRank: severityRank(stringParam(params, 'severity') ?? 'unknown'),
    vendorOnly: boolParam(params, true, 'vendor_only'),
    nvd: thresholds(params, ''),
    vendor: thresholds(params, 'vendor_'),
  };
  const pathExclude = regexParam(params, 'package_path_exclude');
  if (pathExclude) rule.pathExclude = pathExclude;
  const publishedBefore = cutoff(params, 'max_days_since_creation', now);
  if (publishedBefore !== undefined) rule.publishedBefore = publishedBefore;
  // Anchore reads the fix's age only when the rule asks for fixed vulnerabilities.
  const fixPublishedBefore = cutoff(params, 'max_days_since_fix', now);
  if (fixAvailable === true && fixPublishedBefore !== undefined) rule.fixPublishedBefore = fixPublishedBefore;
  if (fixAvailable !== undefined) rule.fixAvailable = fixAvailable;
  return rule;
}
