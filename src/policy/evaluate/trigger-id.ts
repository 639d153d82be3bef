import { createHash } from 'node:crypto';
import type { Firing } from '../gates/types.js';
import type { PolicyRule } from '../types.js';

/**
 * Triggers whose id names the rule that fired (Anchore: `<rule id>+file://<path>`): the gate
 * reports `file://<path>` as the identity and the id is prefixed with the rule's id here.
 */
const RULE_SCOPED = new Set(['retrieved_files/content_regex']);

/**
 * The trigger id of a firing: the gate's explicit id when it gives one; the rule id plus the
 * identity for rule-scoped triggers; otherwise the first 32 hex digits of a sha256 over gate,
 * trigger and identity. The message takes no part, so rewording a message keeps allowlists valid.
 */
export function triggerIdOf(rule: Pick<PolicyRule, 'id' | 'gate' | 'trigger'>, firing: Firing): string {
  if (firing.triggerId) return firing.triggerId;
  const gate = rule.gate.toLowerCase();
  const trigger = rule.trigger.toLowerCase();
  if (RULE_SCOPED.has(`${gate}/${trigger}`)) return `${rule.id}+${firing.identity}`;
  return createHash('sha256')
    .update(`${gate}\u0000${trigger}\u0000${firing.identity}`)
    .digest('hex')
    .slice(0, 32);
}
