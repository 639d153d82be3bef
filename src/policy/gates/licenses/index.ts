import { aliasTrigger } from '../alias-trigger.js';
import { listParam } from '../../trigger-params/read-params.js';
import type { BuiltinGate, BuiltinTrigger } from '../types.js';
import { licenseTokens } from './license-tokens.js';

/**
 * Fires once when any package has a license token the comparison accepts; the message lists
 * them, the identity is the sorted set of offending license tokens (so a new package under an
 * already accepted license keeps the same id). Comparisons ignore case (SPDX ids are
 * case-insensitive).
 */
function licenseTrigger(
  name: string,
  description: string,
  hit: (token: string, listed: string) => boolean,
): BuiltinTrigger {
  return {
    name,
    description,
    params: [
      {
        name: 'licenses',
        type: 'csv',
        required: true,
        description: 'License names, e.g. GPL-3.0-only,AGPL-3.0',
      },
    ],
    evaluate(context, params) {
      const listed = listParam(params, 'licenses').map((l) => l.toLowerCase());
      if (listed.length === 0) return [];
      const packages = Array.isArray(context.sbom.packages) ? context.sbom.packages : [];
      const offenders = new Set<string>();
      const tokens = new Set<string>();
      for (const pkg of packages) {
        const licenses = Array.isArray(pkg?.licenses) ? pkg.licenses : [];
        for (const license of licenses) {
          if (typeof license !== 'string') continue;
          for (const token of licenseTokens(license)) {
            if (!listed.some((l) => hit(token.toLowerCase(), l))) continue;
            offenders.add(`${pkg.name}@${pkg.version} (${token})`);
            tokens.add(token);
          }
        }
      }
      if (offenders.size === 0) return [];
      return [
        {
          message: `Packages with denied licenses: ${[...offenders].sort().join(', ')}`,
          identity: [...tokens].sort().join(','),
        },
      ];
    },
  };
}

const exactMatch = licenseTrigger(
  'blacklist_exact_match',
  'Fires once when a package has a license equal to one listed.',
  (token, listed) => token === listed,
);

const partialMatch = licenseTrigger(
  'blacklist_partial_match',
  'Fires once when a package has a license containing one listed (GPL matches LGPL-2.1 and GPL-3.0+).',
  (token, listed) => token.includes(listed),
);

/** Checks on the licenses of the image's packages. */
export const licensesGate: BuiltinGate = {
  name: 'licenses',
  description: 'Checks on the licenses of the packages installed in the image.',
  state: 'active',
  triggers: [
    exactMatch,
    partialMatch,
    aliasTrigger(exactMatch, 'denylist_exact_match'),
    aliasTrigger(partialMatch, 'denylist_partial_match'),
  ],
};
