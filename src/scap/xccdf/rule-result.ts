import type { Severity } from './benchmark.js';
import type { OvalResult } from '../oval/result.js';

/** An XCCDF rule result. */
export type RuleResultValue =
  | 'pass'
  | 'fail'
  | 'error'
  | 'unknown'
  | 'notapplicable'
  | 'notchecked'
  | 'notselected'
  | 'informational'
  | 'fixed';

export interface RuleResult {
  ruleId: string;
  title: string;
  severity: Severity;
  weight: number;
  role: string;
  result: RuleResultValue;
  idents: { system: string; value: string }[];
  /** The check that decided, when one ran. */
  check?: { system: string; href: string; name: string; ovalResult?: OvalResult };
  /** Why the rule was not checked, when it was not. */
  message?: string;
}

/**
 * The XCCDF result of an OVAL definition's result (the mapping of SCAP 1.3 § 4.5.2): a
 * compliance or inventory definition passes when true; a vulnerability or patch definition
 * fails when true. `negate` on the check swaps pass and fail.
 */
export function ruleResultOf(oval: OvalResult, definitionClass: string, negate: boolean): RuleResultValue {
  if (oval === 'error') return 'error';
  if (oval === 'unknown') return 'unknown';
  if (oval === 'not evaluated') return 'notchecked';
  if (oval === 'not applicable') return 'notapplicable';
  const failsWhenTrue = definitionClass === 'vulnerability' || definitionClass === 'patch';
  const passes = (oval === 'true') !== failsWhenTrue;
  return passes !== negate ? 'pass' : 'fail';
}
