import { boolParam, listParam } from '../../trigger-params/read-params.js';
import type { BuiltinTrigger } from '../types.js';
import { scanMatches } from './package-trigger.js';

/** Fires once, listing each vulnerability id of the list that the scan matched (by id or alias). */
export const blacklistTrigger: BuiltinTrigger = {
  name: 'blacklist',
  description:
    'Fires once when any of the listed vulnerability ids (or an alias of a matched vulnerability) was matched in the image.',
  params: [
    {
      name: 'vulnerability_ids',
      type: 'csv',
      required: true,
      description: 'Vulnerability ids, comma-separated: CVE-2019-1234,GHSA-jf85-cpcp-j695',
    },
    {
      name: 'vendor_only',
      type: 'bool',
      default: 'true',
      description: 'true: leave out matches the vendor has marked as one it will not fix.',
    },
  ],
  evaluate(context, params) {
    const wanted = listParam(params, 'vulnerability_ids');
    const vendorOnly = boolParam(params, true, 'vendor_only');
    const matched = new Set<string>();
    for (const match of scanMatches(context.scan)) {
      const vulnerability = match.vulnerability;
      if (vendorOnly && vulnerability.fix?.state === 'wont-fix') continue;
      const aliases = Array.isArray(vulnerability.aliases) ? vulnerability.aliases : [];
      for (const id of [vulnerability.id, ...aliases]) {
        if (typeof id === 'string') matched.add(id.toUpperCase());
      }
    }
    const found = [...new Set(wanted)].filter((id) => matched.has(id.toUpperCase()));
    if (found.length === 0) return [];
    return [
      {
        message: `Denied vulnerabilities matched: ${found.join(', ')}`,
        identity: [...found].sort().join(','),
      },
    ];
  },
};
