import { PluginError } from '../errors/index.js';
import type { Firing, GateContext, GateSpec, ParamSpec, ParamValue } from '../policy/gates/types.js';
import { readGateOutput } from './gate-output.js';
import {
  PLUGIN_PROTOCOL,
  type PluginGateFinding,
  type PluginInput,
  type PluginParamValue,
  type PluginRunOptions,
} from './protocol.js';
import { runPlugin } from './run-plugin.js';

/** The rule parameter every plugin gate has: which of the plugin's suggested actions to fire on. */
export const PLUGIN_ACTION_PARAM: ParamSpec = {
  name: 'plugin_action',
  type: 'enum',
  values: ['any', 'stop', 'warn', 'go'],
  default: 'any',
  description:
    'Fire only on findings the plugin marked with this action (any: every finding, marked or not).',
};

const PLUGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export interface PluginGateOptions extends Omit<PluginRunOptions, 'name'> {
  /** The rule parameters the plugin takes (see describePlugin); none by default. */
  params?: readonly ParamSpec[];
  description?: string;
}

/** Rule values as JSON: a regex parameter goes to the plugin as its source text. */
function jsonParams(values: Readonly<Record<string, ParamValue>>): Record<string, PluginParamValue> {
  const result: Record<string, PluginParamValue> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === PLUGIN_ACTION_PARAM.name) continue;
    result[key] = value instanceof RegExp ? value.source : value;
  }
  return result;
}

/**
 * A policy gate `plugin:<name>` whose one trigger, `findings`, runs the plugin executable at
 * `path` (protocol customs-plugin/1, kind `gate`) with the image's SBOM, its scan and the rule's
 * parameters, and fires once per finding it returns. Several rules with the same parameters run
 * the plugin once per evaluation. A plugin that fails throws a PluginError, which the evaluator
 * reports as a failed rule. Bundles use it as `{"gate": "plugin:<name>", "trigger": "findings"}`
 * when the gate is passed to loadBundle/parseBundle and evaluateWithGates with Customs' GATES.
 */
export function pluginGate(path: string, name: string, options: PluginGateOptions = {}): GateSpec {
  if (!PLUGIN_NAME.test(name))
    throw new PluginError(`plugin name "${name}" must be letters, digits, '.', '_' or '-'`);
  const declared = options.params ?? [];
  if (declared.some((p) => p.name.toLowerCase() === PLUGIN_ACTION_PARAM.name))
    throw new PluginError(`plugin ${name}: parameter name ${PLUGIN_ACTION_PARAM.name} is reserved`);
  // One run per context and parameters, shared by concurrent rules: the promise is cached.
  const runs = new WeakMap<GateContext, Map<string, Promise<PluginGateFinding[]>>>();
  const run = (
    context: GateContext,
    params: Record<string, PluginParamValue>,
  ): Promise<PluginGateFinding[]> => {
    const key = JSON.stringify(params);
    const cached = runs.get(context)?.get(key);
    if (cached) return cached;
    const input: PluginInput = {
      protocol: PLUGIN_PROTOCOL,
      kind: 'gate',
      sbom: context.sbom,
      ...(context.scan ? { scan: context.scan } : {}),
      params,
    };
    const runOptions: PluginRunOptions = { name };
    if (options.timeoutMs !== undefined) runOptions.timeoutMs = options.timeoutMs;
    if (options.maxOutputBytes !== undefined) runOptions.maxOutputBytes = options.maxOutputBytes;
    if (context.signal) runOptions.signal = context.signal;
    const findings = runPlugin(path, input, runOptions).then((output) => readGateOutput(name, output));
    const perContext = runs.get(context) ?? new Map<string, Promise<PluginGateFinding[]>>();
    perContext.set(key, findings);
    runs.set(context, perContext);
    return findings;
  };
  return {
    name: `plugin:${name}`,
    description: options.description ?? `External plugin ${name} (${path}).`,
    state: 'active',
    triggers: [
      {
        name: 'findings',
        description: `Fires once for each finding plugin ${name} returns.`,
        params: [...declared, PLUGIN_ACTION_PARAM],
        async evaluate(context, values): Promise<Firing[]> {
          const wanted = typeof values.plugin_action === 'string' ? values.plugin_action : 'any';
          return (await run(context, jsonParams(values)))
            .filter((f) => wanted === 'any' || f.action === wanted)
            .map((f) => ({ message: `${f.trigger}: ${f.message}`, identity: `${f.trigger}:${f.identity}` }));
        },
      },
    ],
  };
}
