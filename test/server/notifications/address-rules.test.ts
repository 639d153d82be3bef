import { describe, expect, it } from 'vitest';
import { forbiddenAddressReason, forbiddenHostReason } from '../../../src/http/address-rules.js';
import { retryDelayMs } from '../../../src/server/notifications/backoff.js';
import { checkWebhookUrl } from '../../../src/server/notifications/guarded-dispatcher.js';

describe('the webhook address rule', () => {
  it('refuses loopback, link-local, metadata and unspecified addresses, IPv4 and IPv6', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '169.254.169.254',
      '169.254.1.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'febf::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
    ])
      expect(forbiddenAddressReason(address), address).toBeDefined();
  });

  it('allows public and private network addresses', () => {
    for (const address of [
      '8.8.8.8',
      '10.0.0.5',
      '192.168.1.10',
      '172.16.0.1',
      '2001:db8::1',
      'fd00::1',
      'fec0::1',
    ])
      expect(forbiddenAddressReason(address), address).toBeUndefined();
  });

  it('refuses metadata names and address literals in URLs unless the host is allowed', () => {
    expect(forbiddenHostReason('metadata.google.internal')).toContain('metadata');
    expect(forbiddenHostReason('METADATA.GOOGLE.INTERNAL.')).toContain('metadata');
    expect(forbiddenHostReason('[::1]')).toBeDefined();
    expect(forbiddenHostReason('hooks.slack.com')).toBeUndefined();
    expect(() => checkWebhookUrl(new URL('http://169.254.169.254/latest/meta-data/'), [])).toThrow(
      /refused to deliver to 169\.254\.169\.254/,
    );
    expect(() => checkWebhookUrl(new URL('http://127.0.0.1:9/'), [])).toThrow(/loopback/);
    expect(() => checkWebhookUrl(new URL('http://127.0.0.1:9/'), ['127.0.0.1'])).not.toThrow();
    expect(() => checkWebhookUrl(new URL('http://[::1]:9/'), ['::1'])).not.toThrow();
    expect(() => checkWebhookUrl(new URL('file:///etc/passwd'), [])).toThrow(/http or https/);
  });
});

describe('retry backoff', () => {
  it('doubles from the first delay, is capped, and jitters between half and all of it', () => {
    const policy = { firstDelaySeconds: 10, maxDelaySeconds: 60, maxAttempts: 5 };
    expect(retryDelayMs(policy, 1, () => 1)).toBe(10_000);
    expect(retryDelayMs(policy, 2, () => 1)).toBe(20_000);
    expect(retryDelayMs(policy, 3, () => 1)).toBe(40_000);
    expect(retryDelayMs(policy, 4, () => 1)).toBe(60_000);
    expect(retryDelayMs(policy, 9, () => 1)).toBe(60_000);
    expect(retryDelayMs(policy, 2, () => 0)).toBe(10_000);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(policy, 1)));
    expect(spread.size).toBeGreaterThan(1);
    for (const ms of spread) expect(ms).toBeGreaterThanOrEqual(5_000);
  });
});
