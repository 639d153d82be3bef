import { aliasTrigger } from '../alias-trigger.js';
import type { BuiltinGate } from '../types.js';
import { blacklistTrigger } from './blacklist-trigger.js';
import { requiredPackageTrigger } from './required-package-trigger.js';
import { verifyTrigger } from './verify-trigger.js';

/** Checks on the installed packages: required, denied, and OS packages' files still present. */
export const packagesGate: BuiltinGate = {
  name: 'packages',
  description:
    'Checks on the packages installed in the image: required packages, denied packages, files of OS packages.',
  state: 'active',
  triggers: [
    requiredPackageTrigger,
    verifyTrigger,
    blacklistTrigger,
    aliasTrigger(blacklistTrigger, 'denylist'),
  ],
};
