import type { GateSpec } from './types.js';

/**
 * Gates Anchore retired before its 1_0 bundle format settled. They are known names, so a bundle
 * that uses one is told the gate is end-of-life rather than unknown; they have no triggers.
 */
const EOL_GATE_NAMES = [
  'anchoresec',
  'pkgcheck',
  'pkgblacklist',
  'pkgdiff',
  'dockerfilecheck',
  'filecheck',
  'fileparse_passwd',
  'gemcheck',
  'npmcheck',
  'metadatacheck',
  'licblacklist',
  'secretcheck',
  'suiddiff',
  'imagecheck',
] as const;

export const EOL_GATES: readonly GateSpec[] = EOL_GATE_NAMES.map((name) => ({
  name,
  description: `end-of-life gate "${name}": no longer evaluated; use the current gates instead`,
  state: 'eol',
  triggers: [],
}));
