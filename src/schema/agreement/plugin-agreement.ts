import type { Static } from '@sinclair/typebox';
import type { PluginGateFinding } from '../../plugin/protocol.js';
import type { ParamType } from '../../policy/gates/types.js';
import type { PLUGIN_PARAM_TYPES, PluginGateFindingSchema } from '../plugin-protocol.js';
import type { Agree, Same } from '../type-agreement.js';

/**
 * A finding once read is the written one with its action in lower case; a plugin may declare
 * exactly the parameter types the policy engine has.
 */
export type PluginAgreement = [
  Agree<Same<ParamType, (typeof PLUGIN_PARAM_TYPES)[number]>>,
  Agree<Same<Omit<PluginGateFinding, 'action'>, Omit<Static<typeof PluginGateFindingSchema>, 'action'>>>,
];
