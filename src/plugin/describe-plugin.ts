import { basename } from 'node:path';
import { PluginError } from '../errors/index.js';
import type { GateSpec, ParamSpec } from '../policy/gates/types.js';
import { DescribeOutputSchema, type DescribeOutput } from '../schema/plugin-protocol.js';
import { shapeProblems } from '../schema/shape-problems.js';
import { withoutNulls } from '../schema/without-nulls.js';
import { pluginGate, type PluginGateOptions } from './plugin-gate.js';
import { PLUGIN_PROTOCOL, type PluginRunOptions } from './protocol.js';
import { runPlugin } from './run-plugin.js';

export interface PluginDescription {
  description?: string;
  params: ParamSpec[];
}

/**
 * A gate plugin's describe output `{description?, params?: [...]}`, checked against the protocol
 * schema: a PluginError names every problem with its path, and a parameter named twice.
 */
export function readDescribeOutput(name: string, output: Record<string, unknown>): PluginDescription {
  const doc = withoutNulls(output) as DescribeOutput;
  const problems = shapeProblems(DescribeOutputSchema, doc);
  const messages =
    problems.length > 0
      ? problems.map((p) => p.message)
      : (doc.params ?? []).flatMap((p, i) =>
          p.type === 'enum' && p.values === undefined
            ? [`params[${i}].values must be a non-empty list of strings for an enum`]
            : [],
        );
  if (messages.length > 0) throw new PluginError(`plugin ${name}: describe output ${messages.join('; ')}`);
  const params = (doc.params ?? []).map((entry): ParamSpec => {
    const spec: ParamSpec = {
      name: entry.name,
      type: entry.type ?? 'str',
      description:
        entry.description !== undefined && entry.description.trim() !== ''
          ? entry.description
          : `Parameter ${entry.name} of plugin ${name}.`,
    };
    if (entry.required === true) spec.required = true;
    if (spec.type === 'enum' && entry.values) spec.values = entry.values;
    if (entry.default !== undefined) spec.default = entry.default;
    return spec;
  });
  const names = params.map((s) => s.name.toLowerCase());
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new PluginError(`plugin ${name}: describe output names parameter ${repeated} twice`);
  return doc.description === undefined ? { params } : { description: doc.description, params };
}

/** Asks a gate plugin for its rule parameters: input `{kind: "describe"}`, output `{params: [...]}`. */
export async function describePlugin(
  path: string,
  options: PluginRunOptions = {},
): Promise<PluginDescription> {
  const name = options.name ?? basename(path);
  const output = await runPlugin(path, { protocol: PLUGIN_PROTOCOL, kind: 'describe' }, { ...options, name });
  return readDescribeOutput(name, output);
}

/** describePlugin, then pluginGate with the parameters the plugin declared (`--plugin NAME=PATH`). */
export async function loadPluginGate(
  path: string,
  name: string,
  options: Omit<PluginGateOptions, 'params' | 'description'> = {},
): Promise<GateSpec> {
  const described = await describePlugin(path, { ...options, name });
  const gateOptions: PluginGateOptions = { ...options, params: described.params };
  if (described.description !== undefined) gateOptions.description = described.description;
  return pluginGate(path, name, gateOptions);
}
