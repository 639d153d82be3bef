import type { Finding, PolicyAction } from '../types.js';

const ACTION_RANK: Record<PolicyAction, number> = { stop: 0, warn: 1, go: 2 };

/** 0 for STOP, 1 for WARN, 2 for GO (an action outside these after all of them). */
export function actionRank(action: string): number {
  return ACTION_RANK[action as PolicyAction] ?? 3;
}

/** Failures first: STOP, then WARN, then GO, in evaluation order within each (a new array). */
export function failuresFirst<T extends Pick<Finding, 'action'>>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => actionRank(a.action) - actionRank(b.action));
}
