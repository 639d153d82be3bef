import { checkValue, isValueCheck } from '../../checks/value-check.js';
import { boolParam, stringParam } from '../../trigger-params/read-params.js';
import type { Firing, BuiltinTrigger } from '../types.js';
import { DOCKERFILE_INSTRUCTIONS, dockerfileInstructions, hasActualDockerfile } from './instructions.js';

const CHECKS = ['=', '!=', 'exists', 'not_exists', 'like', 'not_like', 'in', 'not_in'] as const;

export const instructionTrigger: BuiltinTrigger = {
  name: 'instruction',
  description:
    'Fires for each Dockerfile line of the given instruction whose argument satisfies the check; not_exists fires once when no such line exists.',
  params: [
    {
      name: 'instruction',
      type: 'enum',
      required: true,
      values: DOCKERFILE_INSTRUCTIONS,
      description: 'The Dockerfile instruction to check.',
    },
    {
      name: 'check',
      type: 'enum',
      required: true,
      values: CHECKS,
      description:
        'How to compare the instruction argument with value (like = regex from the start; in = comma-separated list).',
    },
    {
      name: 'value',
      type: 'str',
      description: 'The value to compare with (required by every check but exists and not_exists).',
    },
    {
      name: 'actual_dockerfile_only',
      type: 'bool',
      default: 'false',
      description: 'Only check a Dockerfile supplied by the user, never the one reconstructed from history.',
    },
  ],
  evaluate(context, params) {
    const instruction = stringParam(params, 'instruction')?.toUpperCase();
    const check = stringParam(params, 'check');
    const value = stringParam(params, 'value');
    if (!instruction || !check || !isValueCheck(check)) return [];
    if (boolParam(params, false, 'actual_dockerfile_only') && !hasActualDockerfile(context)) return [];
    const lines = dockerfileInstructions(context).filter((i) => i.instruction === instruction);
    if (check === 'not_exists') {
      return lines.length > 0
        ? []
        : [
            {
              message: `Dockerfile has no ${instruction} instruction`,
              identity: `${instruction} not_exists`,
            },
          ];
    }
    const firings: Firing[] = [];
    for (const line of lines) {
      if (!checkValue(line.args, check, check === 'exists' ? undefined : value)) continue;
      const shown = check === 'exists' ? '' : ` (check ${check} ${JSON.stringify(value ?? '')})`;
      firings.push({
        message: `Dockerfile ${instruction} ${line.args}${shown}`,
        identity: `${instruction} ${line.args}`,
      });
    }
    return firings;
  },
};
