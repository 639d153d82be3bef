import type { BuiltinGate, BuiltinTrigger } from '../types.js';
import { changedTrigger } from './changed-trigger.js';

const noPreviousTrigger: BuiltinTrigger = {
  name: 'no_previous',
  description:
    'Fires when there is no previous image to compare with (a first analysis of the tag, or check without --previous), so that a bundle can fail closed.',
  params: [],
  evaluate(context) {
    if (context.previous?.sbom) return [];
    return [{ message: 'There is no previous image of this tag to compare with', identity: 'no_previous' }];
  },
};

/** Changes against the previous image of the same tag: packages, files, configuration, vulnerabilities. */
export const driftGate: BuiltinGate = {
  name: 'drift',
  description:
    'Checks what changed since the previous image of the same tag: packages added, removed or changed, files, configuration and introduced vulnerabilities.',
  state: 'active',
  triggers: [changedTrigger, noPreviousTrigger],
};
