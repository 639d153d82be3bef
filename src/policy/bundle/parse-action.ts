import type { PolicyAction } from '../types.js';
import type { ProblemSink } from './problem-sink.js';

const ACTIONS: readonly PolicyAction[] = ['stop', 'warn', 'go'];

/** STOP, WARN or GO in any case, as lower case; anything else is a problem. */
export function parseAction(value: unknown, path: string, sink: ProblemSink): PolicyAction | undefined {
  if (value === undefined || value === null) {
    sink.add(path, 'missing required field "action" (STOP, WARN or GO)');
    return undefined;
  }
  const action = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if ((ACTIONS as readonly string[]).includes(action)) return action as PolicyAction;
  sink.add(path, 'action must be STOP, WARN or GO', value);
  return undefined;
}
