import type { PolicyAction } from '../types.js';

const RANK: Record<PolicyAction, number> = { stop: 0, warn: 1, go: 2 };

/** The most restrictive of the actions (STOP < WARN < GO); GO when there are none. */
export function strictestAction(actions: Iterable<PolicyAction>): PolicyAction {
  let strictest: PolicyAction = 'go';
  for (const action of actions) if (RANK[action] < RANK[strictest]) strictest = action;
  return strictest;
}

/** A rule's action as validated (`stop`, `warn`, `go`, any case); anything else counts as STOP. */
export function ruleAction(action: string): PolicyAction {
  const lower = action.toLowerCase();
  return lower === 'go' || lower === 'warn' ? lower : 'stop';
}
