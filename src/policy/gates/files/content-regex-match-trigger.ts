import { stringParam } from '../../trigger-params/read-params.js';
import type { Firing, BuiltinTrigger } from '../types.js';

export const contentRegexMatchTrigger: BuiltinTrigger = {
  name: 'content_regex_match',
  description:
    'Fires for each file where a content-search regex (`--content-search NAME=REGEX` at analysis) matched; with regex_name, only for that named regex.',
  params: [
    {
      name: 'regex_name',
      type: 'str',
      description: 'Name of the content-search regex to limit the check to.',
    },
  ],
  evaluate(context, params) {
    const wanted = stringParam(params, 'regex_name');
    const matches = Array.isArray(context.sbom.contentMatches) ? context.sbom.contentMatches : [];
    const firings: Firing[] = [];
    for (const match of matches) {
      if (typeof match?.path !== 'string' || typeof match.name !== 'string') continue;
      if (wanted && match.name !== wanted) continue;
      const lines =
        Array.isArray(match.lines) && match.lines.length > 0 ? ` (lines ${match.lines.join(', ')})` : '';
      firings.push({
        message: `Content search ${match.name} matched in file ${match.path}${lines}`,
        identity: `${match.path}+${match.name}`,
      });
    }
    return firings;
  },
};
