import type { PolicyAction } from '../types.js';

const ACTIONS: readonly PolicyAction[] = ['stop', 'warn', 'go'];

/** STOP, WARN or GO in any case, as lower case; undefined for anything else (the schema reports it). */
export function actionOf(value: unknown): PolicyAction | undefined {
  const action = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (ACTIONS as readonly string[]).includes(action) ? (action as PolicyAction) : undefined;
}
