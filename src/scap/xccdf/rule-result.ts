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
  const failsWhenTrue = definitionClass === 'vulnerability' || definitionClass === 'patch';
  let result: RuleResultValue;
  switch (oval) {
    case 'true':
      result = failsWhenTrue ? 'fail' : 'pass';
      break;
    case 'false':
      result = failsWhenTrue ? 'pass' : 'fail';
      break;
    case 'error':
      return 'error';
    case 'unknown':
      return 'unknown';
    case 'not evaluated':
      return 'notchecked';
    case 'not applicable':
      return 'notapplicable';
  }
  if (!negate) return result;
  return result === 'pass' ? 'fail' : 'pass';
}
