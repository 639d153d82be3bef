import type { EvaluationResult, Finding } from '../../types.js';

const base: Omit<Finding, 'gate' | 'trigger' | 'triggerId' | 'message' | 'action' | 'ruleAction' | 'ruleId'> =
  {
    allowlisted: false,
    policyId: 'pol',
  };

/** A result with a STOP, a WARN and an allowlisted finding, one message carrying markup. */
export function sampleResult(overrides: Partial<EvaluationResult> = {}): EvaluationResult {
  return {
    finalAction: 'stop',
    finalActionReason: 'policy_evaluation',
    status: 'fail',
    matchedMapping: {
      id: 'm1',
      name: 'default',
      registry: '*',
      repository: '*',
      image: { type: 'tag', value: '*' },
      policy_ids: ['pol'],
      allowlist_ids: ['wl'],
    },
    matchedAllowedImage: false,
    matchedDeniedImage: false,
    tag: 'docker.io/acme/app:1',
    imageDigest: 'sha256:' + 'd'.repeat(64),
    findings: [
      {
        ...base,
        gate: 'dockerfile',
        trigger: 'exposed_ports',
        triggerId: 'a1b2',
        message: 'Port 22 is exposed <script>alert(1)</script> & more',
        action: 'stop',
        ruleAction: 'stop',
        ruleId: 'r1',
      },
      {
        ...base,
        gate: 'dockerfile',
        trigger: 'instruction',
        triggerId: 'c3d4',
        message: 'No HEALTHCHECK\ninstruction',
        action: 'warn',
        ruleAction: 'warn',
        ruleId: 'r2',
      },
      {
        ...base,
        gate: 'vulnerabilities',
        trigger: 'package',
        triggerId: 'CVE-2023-0001+openssl',
        message: 'HIGH CVE-2023-0001 in openssl',
        action: 'go',
        ruleAction: 'stop',
        allowlisted: { allowlistId: 'wl', allowlistName: 'accepted', itemId: 'w1' },
        ruleId: 'r3',
      },
    ],
    grade: { grade: 'C', reason: '1 fix missing for 20 days' },
    problems: [
      {
        severity: 'warn',
        type: 'allowlist_item_expired',
        details: 'allowlist item w9 expired on 2020-01-01',
      },
    ],
    bundle: { id: 'b', name: 'Bundle' },
    evaluatedAt: '2026-06-01T00:00:00.000Z',
    ...overrides,
  };
}
