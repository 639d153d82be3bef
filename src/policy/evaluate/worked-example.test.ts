import { describe, expect, it } from 'vitest';
import { policySbom, scanOf, vulnMatch } from '../../../test/helpers/policy-sbom.js';
import { readBundle } from '../bundle/read-bundle.js';
import { workedExample } from '../bundle/testdata/worked-example.js';
import type { Match } from '../../scan/types.js';
import { evaluateWithGates } from './evaluate-with-gates.js';
import { WORKED_EXAMPLE_GATES } from './testdata/worked-example-gates.js';

// The reference's worked example (§3), evaluated end to end with stand-in gate behaviour.
const { bundle, problems } = readBundle(workedExample(), WORKED_EXAMPLE_GATES);

function named(match: Match, pkg: string): Match {
  return { ...match, package: { ...match.package, name: pkg } };
}

const scan = scanOf([
  vulnMatch('CVE-2023-0001', 'high', 'fixed'),
  named(vulnMatch('CVE-2022-1234', 'critical', 'fixed'), 'libxml2'),
  named(vulnMatch('CVE-2024-0002', 'medium', 'not-fixed'), 'zlib'),
]);

async function evaluate(tag: string, now = new Date('2026-06-01T00:00:00Z')) {
  return evaluateWithGates(bundle, { sbom: policySbom(), scan }, { tag, now }, WORKED_EXAMPLE_GATES);
}

describe('the worked example bundle', () => {
  it('validates', () => {
    expect(problems).toEqual([]);
  });

  it('registry.acme.io/web:latest is STOP: a denied image', async () => {
    const result = await evaluate('registry.acme.io/web:latest');
    expect(result).toMatchObject({ finalAction: 'stop', finalActionReason: 'denied_image', status: 'fail' });
    expect(result.matchedDeniedImage).toMatchObject({ id: 'b1' });
  });

  it('docker.io/acme/base:v3 is GO: an allowed image', async () => {
    const result = await evaluate('docker.io/acme/base:v3');
    expect(result).toMatchObject({ finalAction: 'go', finalActionReason: 'allowed_image', status: 'pass' });
    expect(result.matchedAllowedImage).toMatchObject({ id: 't1' });
  });

  it('another image falls to m2: both policies run, w1 and w2 allowlist, the medium one and the size warn', async () => {
    const result = await evaluate('docker.io/acme/api:1.4');
    expect(result.matchedMapping).toMatchObject({ id: 'm2' });
    expect(new Set(result.findings.map((f) => f.policyId))).toEqual(new Set(['pol-base', 'pol-size']));
    expect(result.findings.find((f) => f.policyId === 'pol-size')).toMatchObject({
      ruleId: 'r6',
      action: 'warn',
    });
    const byId = new Map(result.findings.map((f) => [f.triggerId, f]));
    expect(byId.get('CVE-2023-0001+openssl')?.allowlisted).toMatchObject({ allowlistId: 'wl', itemId: 'w1' });
    expect(byId.get('CVE-2022-1234+libxml2')?.allowlisted).toMatchObject({ itemId: 'w2' });
    expect(byId.get('CVE-2024-0002+zlib')).toMatchObject({
      action: 'warn',
      ruleId: 'r2',
      allowlisted: false,
    });
    expect(result).toMatchObject({
      finalAction: 'warn',
      finalActionReason: 'policy_evaluation',
      status: 'pass',
    });
    expect(result.problems.filter((p) => p.type === 'allowlist_item_expired')).toEqual([]);
  });

  it('after 2030 w1 has expired: openssl STOPs and the expiry is reported', async () => {
    const result = await evaluate('docker.io/acme/api:1.4', new Date('2030-01-02T00:00:00Z'));
    const openssl = result.findings.find((f) => f.triggerId === 'CVE-2023-0001+openssl');
    expect(openssl).toMatchObject({ action: 'stop', ruleId: 'r1', allowlisted: false });
    expect(result.finalAction).toBe('stop');
    expect(result.problems.map((p) => p.details)).toContainEqual(
      expect.stringMatching(/^allowlist item w1 .*expired on 2030-01-01T00:00:00Z/),
    );
  });

  it('root as the effective user STOPs through r4', async () => {
    const sbom = policySbom();
    const rooted = { ...sbom, image: { ...sbom.image!, config: { ...sbom.image!.config, user: '' } } };
    const result = await evaluateWithGates(
      bundle,
      { sbom: rooted, scan },
      { tag: 'quay.io/a/b:1' },
      WORKED_EXAMPLE_GATES,
    );
    expect(result.findings.find((f) => f.ruleId === 'r4')).toMatchObject({
      gate: 'dockerfile',
      action: 'stop',
    });
    expect(result.finalAction).toBe('stop');
  });
});
