import type { BuiltinGate, BuiltinTrigger } from '../types.js';
import { effectiveUserTrigger } from './effective-user-trigger.js';
import { exposedPortsTrigger } from './exposed-ports-trigger.js';
import { instructionTrigger } from './instruction-trigger.js';
import { hasActualDockerfile } from './instructions.js';

const noDockerfileProvidedTrigger: BuiltinTrigger = {
  name: 'no_dockerfile_provided',
  description:
    'Fires when no Dockerfile was supplied with the image (only the history reconstruction is available).',
  params: [],
  evaluate: (context) =>
    hasActualDockerfile(context)
      ? []
      : [{ message: 'No Dockerfile was supplied for this image', identity: 'no_dockerfile' }],
};

/**
 * Checks on the image's Dockerfile: the one the user supplied (`--dockerfile`), else the one
 * reconstructed from the image history.
 */
export const dockerfileGate: BuiltinGate = {
  name: 'dockerfile',
  description:
    'Checks on the Dockerfile the image was built from: instructions, effective user, exposed ports.',
  state: 'active',
  triggers: [instructionTrigger, effectiveUserTrigger, exposedPortsTrigger, noDockerfileProvidedTrigger],
};
