import { PluginError } from '../errors/index.js';
import { GateOutputSchema } from '../schema/plugin-protocol.js';
import { shapeProblems } from '../schema/shape-problems.js';
import { withoutNulls } from '../schema/without-nulls.js';
import type { PluginGateFinding } from './protocol.js';

const ACTIONS = ['stop', 'warn', 'go'] as const;

/**
 * The findings of a gate plugin's output `{findings: [{trigger, message, identity, action?}]}`,
 * checked against the protocol schema: a PluginError names every problem, each with its path.
 */
export function readGateOutput(name: string, output: Record<string, unknown>): PluginGateFinding[] {
  const doc = withoutNulls(output) as { findings: Record<string, string>[] };
  const problems = shapeProblems(GateOutputSchema, doc);
  if (problems.length > 0)
    throw new PluginError(`plugin ${name}: ${problems.map((p) => p.message).join('; ')}`);
  return doc.findings.map((entry) => {
    const finding: PluginGateFinding = {
      trigger: entry.trigger as string,
      message: entry.message as string,
      identity: entry.identity as string,
    };
    const action = ACTIONS.find((a) => a === entry.action?.toLowerCase());
    if (action) finding.action = action;
    return finding;
  });
}
