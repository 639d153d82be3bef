import type { GateSpec, ParamType } from '../gates/types.js';

export interface ParamDescription {
  name: string;
  type: ParamType;
  required: boolean;
  description: string;
  /** Enum values, in order. */
  values?: string[];
  default?: string;
  aliases?: string[];
}

export interface TriggerDescription {
  name: string;
  description: string;
  params: ParamDescription[];
}

export interface GateDescription {
  name: string;
  description: string;
  state: GateSpec['state'];
  triggers: TriggerDescription[];
}

/** Machine-readable description of what a bundle may use (`customs policy spec -o json`). */
export interface PolicySpecDocument {
  bundleVersion: '1_0';
  gates: GateDescription[];
}

/** Plain data (no functions, no RegExps) describing the gates, ready for JSON. */
export function describeGates(gates: readonly GateSpec[]): PolicySpecDocument {
  return {
    bundleVersion: '1_0',
    gates: gates.map((gate) => ({
      name: gate.name,
      description: gate.description,
      state: gate.state,
      triggers: gate.triggers.map((trigger) => ({
        name: trigger.name,
        description: trigger.description,
        params: trigger.params.map((param) => {
          const described: ParamDescription = {
            name: param.name,
            type: param.type,
            required: param.required === true,
            description: param.description,
          };
          if (param.values) described.values = [...param.values];
          if (param.default !== undefined) described.default = param.default;
          if (param.aliases?.length) described.aliases = [...param.aliases];
          return described;
        }),
      })),
    })),
  };
}
