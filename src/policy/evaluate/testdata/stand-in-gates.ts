import type { GateSpec, ParamValue, TriggerSpec } from '../../gates/types.js';
import type { Allowlist, Mapping, Policy, PolicyBundle, PolicyRule } from '../../types.js';

/**
 * Stand-in gates for evaluator tests, independent of the real ones. Gate `probe`:
 *   - `fires`: one firing per entry of `ids` (identity = the entry; message = `prefix` + entry);
 *   - `explicit`: one firing with the explicit trigger id `id`;
 *   - `boom`: throws.
 * Gate `retrieved_files/content_regex`: one firing with identity `file://<path>`.
 * Gate `oldgate` is end-of-life.
 */
const fires: TriggerSpec = {
  name: 'fires',
  description: 'fires once per id',
  params: [],
  evaluate: (_context, params) => {
    const ids = Array.isArray(params.ids) ? (params.ids as string[]) : [];
    const prefix = typeof params.prefix === 'string' ? params.prefix : 'found ';
    return ids.map((id) => ({ message: `${prefix}${id}`, identity: id }));
  },
};

const explicit: TriggerSpec = {
  name: 'explicit',
  description: 'fires with an explicit id',
  params: [],
  evaluate: (_context, params) => [{ message: 'explicit', identity: 'x', triggerId: String(params.id) }],
};

const boom: TriggerSpec = {
  name: 'boom',
  description: 'throws',
  params: [],
  evaluate: () => {
    throw new Error('trigger exploded\nwith a second line');
  },
};

export const STAND_IN_GATES: readonly GateSpec[] = [
  { name: 'probe', description: 'test gate', state: 'active', triggers: [fires, explicit, boom] },
  {
    name: 'retrieved_files',
    description: 'test gate',
    state: 'active',
    triggers: [
      {
        name: 'content_regex',
        description: 'fires for the path',
        params: [],
        evaluate: (_c, params) => [{ message: 'matched', identity: `file://${String(params.path)}` }],
      },
    ],
  },
  { name: 'oldgate', description: 'retired', state: 'eol', triggers: [] },
];

export function rule(
  id: string,
  trigger: string,
  action: string,
  values: Record<string, ParamValue> = {},
  gate = 'probe',
): PolicyRule {
  return { id, gate, trigger, action, params: [], values };
}

export function policy(id: string, rules: PolicyRule[]): Policy {
  return { id, version: '1_0', rules };
}

export function allowlist(id: string, items: Allowlist['items']): Allowlist {
  return { id, version: '1_0', name: `${id} name`, items };
}

/** A mapping of every image (`*` / `*` : `*`) unless a narrower selector is given. */
export function mapping(
  policyIds: string[],
  allowlistIds: string[] = [],
  select: Partial<Mapping> = {},
): Mapping {
  return {
    id: 'm',
    registry: '*',
    repository: '*',
    image: { type: 'tag', value: '*' },
    policy_ids: policyIds,
    allowlist_ids: allowlistIds,
    ...select,
  };
}

export function bundleOf(parts: Partial<PolicyBundle>): PolicyBundle {
  return {
    id: 'b',
    version: '1_0',
    policies: [],
    allowlists: [],
    mappings: [],
    allowedImages: [],
    deniedImages: [],
    ...parts,
  };
}
