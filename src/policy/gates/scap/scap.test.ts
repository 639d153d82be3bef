import { describe, expect, it } from 'vitest';
import { fire, gateContext } from '../../../../test/helpers/policy-sbom.js';
import { scapGate } from './index.js';
import { scapKey } from './scap-results.js';

const rules = [
  { id: 'rule_a', title: 'A', severity: 'high', result: 'fail' },
  { id: 'rule_b', title: 'B', severity: 'low', result: 'fail' },
  { id: 'rule_c', title: 'C', severity: 'high', result: 'pass' },
  { id: 'rule_d', title: 'D', severity: 'high', result: 'notchecked' },
  { id: 'rule_e', title: 'E', severity: 'unknown', result: 'fail' },
];
const context = gateContext(undefined, {
  scap: new Map([[scapKey('/content/ds.xml', 'standard'), { rules }]]),
});

describe('scap gate', () => {
  it('fires once per failed rule (never for notchecked or passing rules)', () => {
    expect(
      fire(scapGate, 'rule_failed', context, { content: '/content/ds.xml', profile: 'standard' }),
    ).toEqual(['scap:standard:rule_a', 'scap:standard:rule_b', 'scap:standard:rule_e']);
  });

  it('fires only at or above the minimum severity', () => {
    expect(
      fire(scapGate, 'rule_failed', context, {
        content: '/content/ds.xml',
        profile: 'standard',
        severity: 'medium',
      }),
    ).toEqual(['scap:standard:rule_a']);
  });

  it('fails closed, once, for content or a profile that was not evaluated (the service, an SBOM)', () => {
    expect(fire(scapGate, 'rule_failed', context, { content: '/content/ds.xml' })).toEqual([
      'scap:not-evaluated:/content/ds.xml:',
    ]);
    expect(fire(scapGate, 'rule_failed', context, { content: '/other.xml', profile: 'standard' })).toEqual([
      'scap:not-evaluated:/other.xml:standard',
    ]);
    const none = scapGate.triggers[0]!.evaluate(gateContext(), {
      content: '/content/ds.xml',
      profile: 'standard',
    });
    expect(none.map((f) => f.message)).toEqual([
      'The SCAP content /content/ds.xml (profile standard) was not evaluated on this image',
    ]);
  });
});
