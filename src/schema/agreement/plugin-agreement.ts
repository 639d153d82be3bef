import type { Static } from '@sinclair/typebox';
import type { PluginGateFinding } from '../../plugin/protocol.js';
import type { PluginGateFindingSchema } from '../plugin-protocol.js';
import type { Agree, Same } from '../type-agreement.js';

/** A finding once read is the written one with its action in lower case. */
export type PluginAgreement = [
  Agree<Same<Omit<PluginGateFinding, 'action'>, Omit<Static<typeof PluginGateFindingSchema>, 'action'>>>,
];
