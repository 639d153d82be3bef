import { matchesAtStart } from '../../checks/regex-match.js';
import { regexParam } from '../../trigger-params/read-params.js';
import type { Firing, BuiltinTrigger } from '../types.js';

/**
 * Paths are those of the SBOM's file inventory. By default that inventory holds only notable
 * files (setuid/setgid, world-writable); analyse with `--files all` to check every path.
 */
export const nameMatchTrigger: BuiltinTrigger = {
  name: 'name_match',
  description:
    'Fires for each inventoried file whose path matches the regex (from the start of the path). The inventory holds notable files unless the image was analysed with --files all.',
  params: [
    {
      name: 'regex',
      type: 'regex',
      required: true,
      description: 'Regex applied to each full path, e.g. .*\\.pem',
    },
  ],
  evaluate(context, params) {
    const regex = regexParam(params, 'regex');
    if (!regex) return [];
    const files = Array.isArray(context.sbom.files) ? context.sbom.files : [];
    const firings: Firing[] = [];
    for (const file of files) {
      if (typeof file?.path !== 'string' || !matchesAtStart(regex, file.path)) continue;
      firings.push({ message: `File ${file.path} matches regex ${regex.source}`, identity: file.path });
    }
    return firings;
  },
};
