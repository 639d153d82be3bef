import { CancelledError, throwIfCancelled } from '../../errors/index.js';
import type { Firing, GateContext, GateSpec } from '../gates/types.js';
import type { EvaluationResult, PolicyRule } from '../types.js';

export type Problem = EvaluationResult['problems'][number];

/** What running one rule gave: its firings, or why it did not run. */
export type RuleOutcome =
  | { kind: 'ran'; firings: Firing[] }
  /** End-of-life gate: a no-op, reported. */
  | { kind: 'skipped'; problem: Problem }
  /** Unknown gate or trigger, or a trigger that threw. */
  | { kind: 'failed'; problem: Problem };

function where(policyId: string, rule: PolicyRule): string {
  return `policy ${policyId} rule ${rule.id} (${rule.gate}/${rule.trigger})`;
}

/** Runs one rule's trigger against the context with the rule's typed parameters. */
export async function runRule(
  gates: readonly GateSpec[],
  policyId: string,
  rule: PolicyRule,
  context: GateContext,
): Promise<RuleOutcome> {
  const gateName = rule.gate.toLowerCase();
  const gate = gates.find((g) => g.name.toLowerCase() === gateName);
  if (!gate) {
    return {
      kind: 'failed',
      problem: { severity: 'error', type: 'unknown_gate', details: `${where(policyId, rule)}: no such gate` },
    };
  }
  if (gate.state === 'eol') {
    return {
      kind: 'skipped',
      problem: {
        severity: 'warn',
        type: 'gate_end_of_life',
        details: `${where(policyId, rule)}: gate ${gate.name} is end-of-life and was not evaluated`,
      },
    };
  }
  const triggerName = rule.trigger.toLowerCase();
  const trigger = gate.triggers.find((t) => t.name.toLowerCase() === triggerName);
  if (!trigger) {
    return {
      kind: 'failed',
      problem: {
        severity: 'error',
        type: 'unknown_trigger',
        details: `${where(policyId, rule)}: gate ${gate.name} has no such trigger`,
      },
    };
  }
  throwIfCancelled(context.signal, 'policy evaluation');
  try {
    const firings = await trigger.evaluate(context, rule.values ?? {});
    return { kind: 'ran', firings: Array.isArray(firings) ? firings : [] };
  } catch (err) {
    // A cancelled evaluation has no result; a failed rule is one.
    if (err instanceof CancelledError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    return {
      kind: 'failed',
      problem: {
        severity: 'error',
        type: 'trigger_error',
        details: `${where(policyId, rule)} failed: ${message.split('\n')[0]}`,
      },
    };
  }
}
