import { basename } from 'node:path';
import { PluginError } from '../errors/index.js';
import type { GateSpec, ParamSpec, ParamType } from '../policy/gates/types.js';
import { pluginGate, type PluginGateOptions } from './plugin-gate.js';
import { PLUGIN_PROTOCOL, type PluginRunOptions } from './protocol.js';
import { runPlugin } from './run-plugin.js';

const PARAM_TYPES: readonly ParamType[] = [
  'str',
  'enum',
  'bool',
  'int',
  'float',
  'csv',
  'csv-int',
  'regex',
  'octal',
  'size',
];
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface PluginDescription {
  description?: string;
  params: ParamSpec[];
}

function readParam(name: string, item: unknown, at: string): ParamSpec {
  const fail = (what: string): never => {
    throw new PluginError(`plugin ${name}: describe output ${at}${what}`);
  };
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail(' must be an object');
  const entry = item as Record<string, unknown>;
  if (typeof entry.name !== 'string' || !PARAM_NAME.test(entry.name))
    return fail('.name must be an identifier');
  const type = entry.type === undefined ? 'str' : PARAM_TYPES.find((t) => t === entry.type);
  if (!type) return fail(`.type must be one of ${PARAM_TYPES.join(', ')}`);
  const spec: ParamSpec = {
    name: entry.name,
    type,
    description:
      typeof entry.description === 'string' && entry.description.trim() !== ''
        ? entry.description
        : `Parameter ${entry.name} of plugin ${name}.`,
  };
  if (entry.required === true) spec.required = true;
  if (type === 'enum') {
    const values = entry.values;
    if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string'))
      return fail('.values must be a non-empty list of strings for an enum');
    spec.values = values as string[];
  }
  if (entry.default !== undefined) {
    if (typeof entry.default !== 'string') return fail('.default must be a string');
    spec.default = entry.default;
  }
  return spec;
}

/** Asks a gate plugin for its rule parameters: input `{kind: "describe"}`, output `{params: [...]}`. */
export async function describePlugin(
  path: string,
  options: PluginRunOptions = {},
): Promise<PluginDescription> {
  const name = options.name ?? basename(path);
  const output = await runPlugin(path, { protocol: PLUGIN_PROTOCOL, kind: 'describe' }, { ...options, name });
  const params = output.params ?? [];
  if (!Array.isArray(params)) throw new PluginError(`plugin ${name}: describe output params must be a list`);
  const specs = params.map((item: unknown, index) => readParam(name, item, `params[${index}]`));
  const names = specs.map((s) => s.name.toLowerCase());
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new PluginError(`plugin ${name}: describe output names parameter ${repeated} twice`);
  const description = typeof output.description === 'string' ? output.description : undefined;
  return description === undefined ? { params: specs } : { description, params: specs };
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
