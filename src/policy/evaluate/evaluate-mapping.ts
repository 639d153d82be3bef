import type { GateContext, GateSpec } from '../gates/types.js';
import type { Allowlist, Finding, Mapping, Policy, PolicyBundle } from '../types.js';
import { ruleAction, strictestAction } from './actions.js';
import { allowlistVerdict } from './allowlist-match.js';
import { runRule, type Problem } from './run-rule.js';
import { triggerIdOf } from './trigger-id.js';

export interface MappingOutcome {
  findings: Finding[];
  problems: Problem[];
  /** The strictest policy result (each the strictest non-allowlisted finding; GO when none). */
  action: Finding['action'];
  /** Rules that ran, and rules that could not (unknown gate or trigger, a trigger that threw). */
  rulesRun: number;
  rulesFailed: number;
}

function byIds<T extends { id: string }>(
  items: readonly T[],
  ids: readonly string[],
  kind: string,
  problems: Problem[],
): T[] {
  return ids.flatMap((id) => {
    const found = items.find((item) => item.id === id);
    if (!found)
      problems.push({
        severity: 'error',
        type: `missing_${kind}`,
        details: `mapping names ${kind} ${id}, which the bundle lacks`,
      });
    return found ? [found] : [];
  });
}

/**
 * Runs every rule of every policy the mapping names, in order, and applies the mapping's
 * allowlists to each firing. A rule that cannot run is a problem; evaluation goes on.
 */
export async function evaluateMapping(
  bundle: PolicyBundle,
  mapping: Mapping,
  context: GateContext,
  gates: readonly GateSpec[],
): Promise<MappingOutcome> {
  const problems: Problem[] = [];
  const policies: Policy[] = byIds(bundle.policies, mapping.policy_ids, 'policy', problems);
  const allowlists: Allowlist[] = byIds(bundle.allowlists, mapping.allowlist_ids, 'allowlist', problems);
  const findings: Finding[] = [];
  const policyActions: Finding['action'][] = [];
  const reportedExpired = new Set<string>();
  let rulesRun = 0;
  let rulesFailed = 0;
  for (const policy of policies) {
    const actions: Finding['action'][] = [];
    for (const rule of policy.rules) {
      const outcome = await runRule(gates, policy.id, rule, context);
      if (outcome.kind !== 'ran') {
        problems.push(outcome.problem);
        if (outcome.kind === 'failed') rulesFailed++;
        continue;
      }
      rulesRun++;
      const action = ruleAction(rule.action);
      for (const firing of outcome.firings) {
        const triggerId = triggerIdOf(rule, firing);
        const verdict = allowlistVerdict(allowlists, { gate: rule.gate, triggerId }, context.now);
        for (const { allowlist, item } of verdict.expired) {
          const key = `${allowlist.id}\u0000${item.id}`;
          if (reportedExpired.has(key)) continue;
          reportedExpired.add(key);
          problems.push({
            severity: 'warn',
            type: 'allowlist_item_expired',
            details: `allowlist item ${item.id} (allowlist ${allowlist.id}) expired on ${item.expires_on ?? '?'} and no longer applies to ${triggerId}`,
          });
        }
        findings.push({
          gate: rule.gate,
          trigger: rule.trigger,
          triggerId,
          message: firing.message,
          action: verdict.allowlisted ? 'go' : action,
          ruleAction: action,
          allowlisted: verdict.allowlisted,
          policyId: policy.id,
          ruleId: rule.id,
        });
        if (!verdict.allowlisted) actions.push(action);
      }
    }
    policyActions.push(strictestAction(actions));
  }
  return { findings, problems, action: strictestAction(policyActions), rulesRun, rulesFailed };
}
