import { describe, expect, it } from 'vitest';
import { UsageError } from '../../errors/index.js';
import { DEFAULT_REGISTRY_LIMITS, registryLimitsFromEnv, resolveRegistryLimits } from './registry-limits.js';

describe('registry limits', () => {
  it('defaults: connect 15 s, headers 30 s, idle 30 s, deadline 15 min, 4 tries without progress, 12 in all', () => {
    expect(resolveRegistryLimits({}, {})).toMatchObject({
      connectMs: 15_000,
      headersMs: 30_000,
      idleMs: 30_000,
      deadlineMs: 900_000,
      triesWithoutProgress: 4,
      maxTries: 12,
    });
  });

  it('reads CUSTOMS_REGISTRY_* seconds and tries; the caller wins over the environment', () => {
    const env = {
      CUSTOMS_REGISTRY_CONNECT_TIMEOUT: '5',
      CUSTOMS_REGISTRY_HEADERS_TIMEOUT: '7',
      CUSTOMS_REGISTRY_IDLE_TIMEOUT: '0.25',
      CUSTOMS_REGISTRY_DEADLINE: '60',
      CUSTOMS_REGISTRY_TRIES: '2',
    };
    expect(registryLimitsFromEnv(env)).toEqual({
      connectMs: 5_000,
      headersMs: 7_000,
      idleMs: 250,
      deadlineMs: 60_000,
      triesWithoutProgress: 2,
      maxTries: 6,
    });
    expect(resolveRegistryLimits({ idleMs: 100 }, env)).toMatchObject({ idleMs: 100, connectMs: 5_000 });
    expect(resolveRegistryLimits({}, { CUSTOMS_REGISTRY_IDLE_TIMEOUT: '' })).toEqual(DEFAULT_REGISTRY_LIMITS);
  });

  it('refuses values that are not positive numbers, naming the variable', () => {
    expect(() => registryLimitsFromEnv({ CUSTOMS_REGISTRY_DEADLINE: 'soon' })).toThrow(UsageError);
    expect(() => registryLimitsFromEnv({ CUSTOMS_REGISTRY_IDLE_TIMEOUT: '0' })).toThrow(
      'CUSTOMS_REGISTRY_IDLE_TIMEOUT must be a number of seconds above 0 (got "0")',
    );
    expect(() => registryLimitsFromEnv({ CUSTOMS_REGISTRY_TRIES: '1.5' })).toThrow(/CUSTOMS_REGISTRY_TRIES/);
  });
});
