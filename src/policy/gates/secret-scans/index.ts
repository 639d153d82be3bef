import { matchesAtStart } from '../../checks/regex-match.js';
import { regexParam, stringParam } from '../../trigger-params/read-params.js';
import type { Firing, BuiltinGate, BuiltinTrigger } from '../types.js';

/**
 * content_regex_name names one of Customs' secret rules, by rule id (`private-key`,
 * `github-pat`) or category (`AsymmetricPrivateKey`, `GitHub`), case-insensitively; Anchore's
 * default names (AWS_ACCESS_KEY, PRIV_KEY…) are not rule ids here.
 */
const contentRegexChecks: BuiltinTrigger = {
  name: 'content_regex_checks',
  description:
    'Fires for each file × secret finding (optionally only one secret rule, only files whose path matches filename_regex); with match_type notfound, fires once when there is none.',
  params: [
    {
      name: 'content_regex_name',
      type: 'str',
      description: 'A secret rule id or category (e.g. private-key, aws-access-key-id, GitHub).',
    },
    { name: 'filename_regex', type: 'regex', description: 'Only files whose path matches (from the start).' },
    {
      name: 'match_type',
      type: 'enum',
      values: ['notfound', 'found'],
      default: 'found',
      description: 'Fire on findings (found) or on their absence (notfound).',
    },
  ],
  evaluate(context, params) {
    const name = stringParam(params, 'content_regex_name')?.trim().toLowerCase();
    const filenameRegex = regexParam(params, 'filename_regex');
    const matchType = stringParam(params, 'match_type') ?? 'found';
    const secrets = Array.isArray(context.sbom.secrets) ? context.sbom.secrets : [];
    const found = secrets.filter(
      (s) =>
        typeof s?.path === 'string' &&
        (!name || String(s.ruleId).toLowerCase() === name || String(s.category).toLowerCase() === name) &&
        (!filenameRegex || matchesAtStart(filenameRegex, s.path)),
    );
    if (matchType === 'notfound') {
      if (found.length > 0) return [];
      const filter = `${name ?? 'any secret rule'} in ${filenameRegex ? filenameRegex.source : 'any file'}`;
      return [{ message: `No secret found (${filter})`, identity: `notfound:${filter}` }];
    }
    const seen = new Set<string>();
    const firings: Firing[] = [];
    for (const secret of found) {
      const identity = `${secret.path}+${secret.ruleId}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      firings.push({
        message: `Secret found: ${secret.title} (${secret.ruleId}) in ${secret.path} at line ${secret.line}`,
        identity,
      });
    }
    return firings;
  },
};

/** Checks on the secrets (credentials, private keys) found in the image's files. */
export const secretScansGate: BuiltinGate = {
  name: 'secret_scans',
  description: "Checks on secrets (credentials, private keys, tokens) found in the image's files.",
  state: 'active',
  triggers: [contentRegexChecks],
};
