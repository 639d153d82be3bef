import { DRIFT_KINDS, type DriftKind } from '../../../drift/types.js';
import { listParam, regexParam, stringParam } from '../../trigger-params/read-params.js';
import type { BuiltinTrigger } from '../types.js';
import { SEVERITY_ORDER, severityRank } from '../vulnerabilities/severity-order.js';
import { contextDrift } from './context-drift.js';
import { driftFirings } from './drift-firings.js';

/** The kinds a rule names; every kind when it names none. */
export function ruleKinds(names: readonly string[]): Set<DriftKind> {
  const known = names.filter((name): name is DriftKind => (DRIFT_KINDS as readonly string[]).includes(name));
  return new Set(known.length > 0 ? known : DRIFT_KINDS);
}

export const changedTrigger: BuiltinTrigger = {
  name: 'changed',
  description:
    'Fires once for each change of the configured kinds between the previous image of the same tag (check --previous; in the service, the digest the tag pointed to before) and this one. Without a previous image it does not fire (see no_previous). vulnerability_introduced needs vulnerability data for both images.',
  params: [
    {
      name: 'kinds',
      type: 'csv',
      values: DRIFT_KINDS,
      description: `Kinds of change to fire on, comma-separated: ${DRIFT_KINDS.join(', ')}. Default: all.`,
    },
    {
      name: 'path_regex',
      type: 'regex',
      description:
        'Only file changes whose path matches this regex (from the start of the path), e.g. /etc/.*',
    },
    {
      name: 'severity',
      type: 'enum',
      values: SEVERITY_ORDER,
      description: 'Only introduced vulnerabilities of at least this severity.',
    },
  ],
  evaluate(context, params) {
    const drift = contextDrift(context);
    if (!drift) return [];
    const severity = stringParam(params, 'severity');
    const pathRegex = regexParam(params, 'path_regex');
    return driftFirings(drift, {
      kinds: ruleKinds(listParam(params, 'kinds')),
      ...(pathRegex ? { pathRegex } : {}),
      ...(severity !== undefined ? { minSeverityRank: severityRank(severity) } : {}),
    });
  },
};
