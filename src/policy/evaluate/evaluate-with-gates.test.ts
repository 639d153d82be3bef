import { describe, expect, it } from 'vitest';
import { policySbom, scanOf, vulnMatch } from '../../../test/helpers/policy-sbom.js';
import type { PolicyBundle } from '../types.js';
import { evaluateWithGates, type EvaluateOptions } from './evaluate-with-gates.js';
import { allowlist, bundleOf, mapping, policy, rule, STAND_IN_GATES } from './testdata/stand-in-gates.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const context = { sbom: policySbom() };

async function evaluate(bundle: PolicyBundle, options: EvaluateOptions = {}) {
  return evaluateWithGates(bundle, context, { now: NOW, ...options }, STAND_IN_GATES);
}

/** One policy `p` with the rules, mapped for every image, with allowlist `wl` holding `items`. */
function single(rules: ReturnType<typeof rule>[], items: PolicyBundle['allowlists'][number]['items'] = []) {
  return bundleOf({
    policies: [policy('p', rules)],
    allowlists: [allowlist('wl', items)],
    mappings: [mapping(['p'], ['wl'])],
  });
}

describe('evaluateWithGates: precedence', () => {
  it.each([
    ['stop beats warn and go', ['go', 'warn', 'stop'], 'stop', 'fail'],
    ['warn beats go and passes', ['go', 'warn'], 'warn', 'pass'],
    ['go alone', ['go'], 'go', 'pass'],
  ] as const)('%s', async (_, actions, final, status) => {
    const rules = actions.map((a, i) => rule(`r${i}`, 'fires', a.toUpperCase(), { ids: [`x${i}`] }));
    const result = await evaluate(single(rules));
    expect(result.finalAction).toBe(final);
    expect(result.finalActionReason).toBe('policy_evaluation');
    expect(result.status).toBe(status);
    expect(result.findings.map((f) => f.action)).toEqual([...actions]);
  });

  it('is GO when nothing fires', async () => {
    const result = await evaluate(single([rule('r1', 'fires', 'STOP', { ids: [] })]));
    expect(result.finalAction).toBe('go');
    expect(result.findings).toEqual([]);
  });

  it('takes the strictest policy of the mapping', async () => {
    const bundle = bundleOf({
      policies: [
        policy('a', [rule('ra', 'fires', 'WARN', { ids: ['1'] })]),
        policy('b', [rule('rb', 'fires', 'STOP', { ids: ['2'] })]),
      ],
      mappings: [mapping(['a', 'b'])],
    });
    const result = await evaluate(bundle);
    expect(result.finalAction).toBe('stop');
    expect(result.findings.map((f) => [f.policyId, f.ruleId])).toEqual([
      ['a', 'ra'],
      ['b', 'rb'],
    ]);
  });
});

describe('evaluateWithGates: allowlists', () => {
  const stopRule = rule('r1', 'explicit', 'STOP', { id: 'CVE-2023-0001+openssl' });

  it('an exact trigger id allowlists: marked, action GO, rule action kept', async () => {
    const result = await evaluate(
      single([stopRule], [{ id: 'w1', gate: 'PROBE', trigger_id: 'CVE-2023-0001+openssl' }]),
    );
    expect(result.finalAction).toBe('go');
    const [finding] = result.findings;
    expect(finding?.allowlisted).toEqual({ allowlistId: 'wl', allowlistName: 'wl name', itemId: 'w1' });
    expect(finding?.action).toBe('go');
    expect(finding?.ruleAction).toBe('stop');
  });

  it('a glob trigger id allowlists', async () => {
    const result = await evaluate(
      single([stopRule], [{ id: 'w2', gate: 'probe', trigger_id: 'CVE-2023-*+openssl' }]),
    );
    expect(result.finalAction).toBe('go');
  });

  it('an item of another gate does not allowlist', async () => {
    const result = await evaluate(single([stopRule], [{ id: 'w', gate: 'dockerfile', trigger_id: '*' }]));
    expect(result.finalAction).toBe('stop');
    expect(result.findings[0]?.allowlisted).toBe(false);
  });

  it('an expired item does not allowlist and is reported; a later live one still applies', async () => {
    const expired = { id: 'old', gate: 'probe', trigger_id: 'CVE-*', expires_on: '2026-05-31T23:59:59Z' };
    const stopped = await evaluate(single([stopRule], [expired]));
    expect(stopped.finalAction).toBe('stop');
    const problem = stopped.problems.find((p) => p.type === 'allowlist_item_expired');
    expect(problem?.details).toMatch(/allowlist item old .*expired on 2026-05-31T23:59:59Z/);

    const live = {
      id: 'new',
      gate: 'probe',
      trigger_id: 'CVE-2023-0001+openssl',
      expires_on: '2026-07-01T00:00:00Z',
    };
    const passed = await evaluate(single([stopRule], [expired, live]));
    expect(passed.findings[0]?.allowlisted).toMatchObject({
      itemId: 'new',
      expiresOn: '2026-07-01T00:00:00Z',
    });
  });

  it('an item expiring exactly now has expired', async () => {
    const item = {
      id: 'w',
      gate: 'probe',
      trigger_id: 'CVE-2023-0001+openssl',
      expires_on: NOW.toISOString(),
    };
    expect((await evaluate(single([stopRule], [item]))).finalAction).toBe('stop');
  });

  it('allowlisted findings do not count; others in the same policy still do', async () => {
    const result = await evaluate(
      single(
        [stopRule, rule('r2', 'fires', 'WARN', { ids: ['a'] })],
        [{ id: 'w1', gate: 'probe', trigger_id: 'CVE-2023-0001+openssl' }],
      ),
    );
    expect(result.finalAction).toBe('warn');
  });
});

describe('evaluateWithGates: trigger ids', () => {
  it('depend on the identity, not the message', async () => {
    const a = await evaluate(
      single([rule('r1', 'fires', 'WARN', { ids: ['/etc/x'], prefix: 'one wording: ' })]),
    );
    const b = await evaluate(single([rule('r1', 'fires', 'WARN', { ids: ['/etc/x'], prefix: 'another: ' })]));
    const c = await evaluate(single([rule('r1', 'fires', 'WARN', { ids: ['/etc/y'] })]));
    expect(a.findings[0]?.message).not.toBe(b.findings[0]?.message);
    expect(a.findings[0]?.triggerId).toBe(b.findings[0]?.triggerId);
    expect(a.findings[0]?.triggerId).toMatch(/^[0-9a-f]{32}$/);
    expect(c.findings[0]?.triggerId).not.toBe(a.findings[0]?.triggerId);
  });

  it('retrieved_files/content_regex ids are <rule id>+file://<path>', async () => {
    const r = rule('rule-7', 'content_regex', 'WARN', { path: '/etc/passwd' }, 'retrieved_files');
    expect((await evaluate(single([r]))).findings[0]?.triggerId).toBe('rule-7+file:///etc/passwd');
  });
});

describe('evaluateWithGates: images and mappings', () => {
  const base = {
    policies: [policy('p', [rule('r1', 'fires', 'STOP', { ids: ['a'] })])],
    mappings: [mapping(['p'], [], { registry: 'docker.io', repository: 'acme/*' })],
  };

  it('a denied image is STOP even when an allowed image matches too', async () => {
    const selector = { registry: '*', repository: '*', image: { type: 'tag' as const, value: '*' } };
    const result = await evaluate(bundleOf({ ...base, deniedImages: [selector], allowedImages: [selector] }));
    expect(result.finalAction).toBe('stop');
    expect(result.finalActionReason).toBe('denied_image');
    expect(result.matchedDeniedImage).toEqual(selector);
  });

  it('an allowed image is GO; the mapping still runs and its findings are listed', async () => {
    const allowed = {
      registry: 'docker.io',
      repository: 'acme/polyglot',
      image: { type: 'tag' as const, value: '1' },
    };
    const result = await evaluate(bundleOf({ ...base, allowedImages: [allowed] }));
    expect(result).toMatchObject({ finalAction: 'go', finalActionReason: 'allowed_image', status: 'pass' });
    expect(result.findings).toHaveLength(1);
  });

  it('uses --tag over the source reference', async () => {
    const result = await evaluate(bundleOf(base), { tag: 'ghcr.io/other/app:2' });
    expect(result.tag).toBe('ghcr.io/other/app:2');
    expect(result.finalActionReason).toBe('no_mapping');
  });

  it('an unmapped image is STOP (fail closed) with a problem saying so', async () => {
    const result = await evaluate(bundleOf(base), { tag: 'quay.io/x/y:1' });
    expect(result).toMatchObject({
      finalAction: 'stop',
      finalActionReason: 'no_mapping',
      matchedMapping: false,
    });
    expect(result.problems.find((p) => p.type === 'no_mapping')?.details).toMatch(/fails closed/);
  });

  it('an unmapped image gets the configured no_mapping_action', async () => {
    const result = await evaluate(bundleOf({ ...base, noMappingAction: 'warn' }), { tag: 'quay.io/x/y:1' });
    expect(result).toMatchObject({ finalAction: 'warn', finalActionReason: 'no_mapping', status: 'pass' });
  });

  it('a non-registry source without --tag is */*:* and keeps its digest', async () => {
    const sbom = policySbom();
    const local = {
      sbom: { ...sbom, source: { ...sbom.source, type: 'oci-dir' as const, reference: '/tmp/x' } },
    };
    const result = await evaluateWithGates(
      bundleOf({ ...base, noMappingAction: 'go' }),
      local,
      { now: NOW },
      STAND_IN_GATES,
    );
    expect(result.tag).toBe('*/*:*');
    expect(result.imageDigest).toBe(sbom.source.digest);
  });
});

describe('evaluateWithGates: problems', () => {
  it('an end-of-life gate is a no-op with a problem', async () => {
    const result = await evaluate(
      single([rule('r1', 'anything', 'STOP', {}, 'oldgate'), rule('r2', 'fires', 'WARN', { ids: ['a'] })]),
    );
    expect(result.finalAction).toBe('warn');
    expect(result.problems.find((p) => p.type === 'gate_end_of_life')?.details).toContain('oldgate');
  });

  it('a throwing trigger is a problem, the other rules still run, and the result fails closed', async () => {
    const result = await evaluate(
      single([rule('r1', 'boom', 'WARN'), rule('r2', 'fires', 'WARN', { ids: ['a'] })]),
    );
    expect(result.finalAction).toBe('stop');
    expect(result.finalActionReason).toBe('evaluation_error');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['r2']);
    const problem = result.problems.find((p) => p.type === 'trigger_error');
    expect(problem?.details).toBe('policy p rule r1 (probe/boom) failed: trigger exploded');
  });

  it('is STOP evaluation_error when no rule could run', async () => {
    const result = await evaluate(
      single([rule('r1', 'boom', 'GO'), rule('r2', 'fires', 'GO', {}, 'nosuchgate')]),
    );
    expect(result).toMatchObject({
      finalAction: 'stop',
      finalActionReason: 'evaluation_error',
      status: 'fail',
    });
    expect(result.problems.map((p) => p.type)).toEqual([
      'trigger_error',
      'unknown_gate',
      'no_vulnerability_scan',
    ]);
  });
});

describe('evaluateWithGates: grade', () => {
  it('grades the scan with the bundle thresholds', async () => {
    const scan = scanOf([vulnMatch('CVE-1', 'high', 'fixed', { fixPublished: '2026-05-29T00:00:00Z' })]);
    const bundle = {
      ...single([]),
      grade: { days: [1, 2, 3, 4] as [number, number, number, number], severities: ['high'] },
    };
    const result = await evaluateWithGates(bundle, { ...context, scan }, { now: NOW }, STAND_IN_GATES);
    expect(result.grade?.grade).toBe('D');
    expect(result.problems.some((p) => p.type === 'no_vulnerability_scan')).toBe(false);
  });

  it('has no grade and says why without a scan', async () => {
    const result = await evaluate(single([]));
    expect(result.grade).toBeUndefined();
    expect(result.problems.map((p) => p.type)).toContain('no_vulnerability_scan');
  });
});
