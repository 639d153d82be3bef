import { aliasTrigger } from '../alias-trigger.js';
import type { BuiltinGate } from '../types.js';
import { blacklistTrigger } from './blacklist-trigger.js';
import { vulnerabilityDataUnavailableTrigger } from './data-unavailable-trigger.js';
import { packageTrigger } from './package-trigger.js';
import { staleFeedDataTrigger } from './stale-feed-trigger.js';

/** Checks on the image's vulnerability scan and on the freshness of the data behind it. */
export const vulnerabilitiesGate: BuiltinGate = {
  name: 'vulnerabilities',
  description:
    "Checks on the vulnerabilities matched in the image's packages, and on the vulnerability data they were matched against.",
  state: 'active',
  triggers: [
    packageTrigger,
    staleFeedDataTrigger,
    vulnerabilityDataUnavailableTrigger,
    blacklistTrigger,
    aliasTrigger(blacklistTrigger, 'denylist'),
  ],
};
