import { describe, expect, it } from 'vitest';
import { gateContext, triggerOf } from '../../../../test/helpers/policy-sbom.js';
import { alwaysGate } from './index.js';

describe('always gate', () => {
  it('fires exactly once with the trigger id "always"', () => {
    const firings = triggerOf(alwaysGate, 'always').evaluate(gateContext(), {});
    expect(firings).toHaveLength(1);
    expect(firings[0]?.triggerId).toBe('always');
  });
});
