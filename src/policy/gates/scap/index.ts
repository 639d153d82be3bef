import { stringParam } from '../../trigger-params/read-params.js';
import type { BuiltinGate, BuiltinTrigger } from '../types.js';
import { scapKey } from './scap-results.js';

const SEVERITY_RANK: Record<string, number> = { unknown: 0, info: 0, low: 1, medium: 2, high: 3 };

const ruleFailed: BuiltinTrigger = {
  name: 'rule_failed',
  description:
    'Fires once for each rule of the SCAP content (under the profile) that fails on the image, at or above the minimum severity. Rules Customs could not check are notchecked and never fire. Where the content was not evaluated (the service, an SBOM source) it fires once, failing closed.',
  params: [
    {
      name: 'content',
      type: 'str',
      required: true,
      description:
        'Path of the SCAP source data stream (or XCCDF benchmark) on the machine running the check.',
    },
    {
      name: 'profile',
      type: 'str',
      description:
        'The profile to evaluate: its id or the part after _profile_ (default: the benchmark defaults).',
    },
    {
      name: 'severity',
      type: 'enum',
      values: ['low', 'medium', 'high'],
      description: 'Fire only for failed rules of this severity or higher (default: every failed rule).',
    },
  ],
  evaluate(context, params) {
    const content = stringParam(params, 'content');
    if (!content) return [];
    const profile = stringParam(params, 'profile');
    const evaluation = context.scap?.get(scapKey(content, profile));
    // Not evaluated (the service, which keeps no filesystem to evaluate, or an SBOM source): fail
    // closed, as the signature gate does, rather than pass an image nothing was checked on.
    if (!evaluation)
      return [
        {
          message: `The SCAP content ${content}${profile ? ` (profile ${profile})` : ''} was not evaluated on this image`,
          identity: `scap:not-evaluated:${content}:${profile ?? ''}`,
        },
      ];
    const minimum = SEVERITY_RANK[stringParam(params, 'severity') ?? ''] ?? 0;
    return evaluation.rules
      .filter((r) => r.result === 'fail' && (SEVERITY_RANK[r.severity] ?? 0) >= minimum)
      .map((r) => ({
        message: `SCAP rule ${r.id} failed (severity ${r.severity}${profile ? `, profile ${profile}` : ''}): ${r.title}`,
        identity: `scap:${profile ?? ''}:${r.id}`,
      }));
  },
};

/** Compliance content (XCCDF with OVAL checks) evaluated against the image's filesystem. */
export const scapGate: BuiltinGate = {
  name: 'scap',
  description:
    'Evaluates SCAP content (an XCCDF benchmark with OVAL checks, e.g. Debian’s ssg-debian data streams) against the image, natively from its layers.',
  state: 'active',
  triggers: [ruleFailed],
};
