import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../../../src/server/notifications/index.js';

const secret = 'whsec_test-secret';
const body = JSON.stringify({ id: '7', type: 'tag_update' });
const at = new Date('2026-05-01T12:00:00Z');

describe('notification signatures', () => {
  it('has the t=,v1= form with the HMAC-SHA256 of "<t>.<body>" in hex', () => {
    const header = signatureHeader(secret, body, at);
    expect(header).toMatch(/^t=1777636800,v1=[a-f0-9]{64}$/);
    expect(verifySignature({ secret, body, header, now: at })).toEqual({
      valid: true,
      timestamp: 1777636800,
    });
    expect(verifySignature({ secret, body: Buffer.from(body), header, now: at }).valid).toBe(true);
  });

  it('refuses a tampered body, another secret, an old or future timestamp and a malformed header', () => {
    const header = signatureHeader(secret, body, at);
    const check = (overrides: Partial<Parameters<typeof verifySignature>[0]>) =>
      verifySignature({ secret, body, header, now: at, ...overrides });
    expect(check({ body: body.replace('7', '8') })).toEqual({
      valid: false,
      reason: 'the signature does not match the body',
    });
    expect(check({ secret: 'whsec_other' }).valid).toBe(false);
    const late = new Date(at.getTime() + 301_000);
    expect(check({ now: late })).toMatchObject({ valid: false, reason: expect.stringContaining('300 s') });
    expect(check({ now: new Date(at.getTime() + 299_000) }).valid).toBe(true);
    expect(check({ now: new Date(at.getTime() - 301_000) }).valid).toBe(false);
    expect(check({ now: late, toleranceSeconds: 600 }).valid).toBe(true);
    // A replay with a fresh timestamp but the old v1 fails: the timestamp is signed too.
    expect(check({ header: header.replace('t=1777636800', 't=1777636900'), now: at }).valid).toBe(false);
    expect(check({ header: undefined }).valid).toBe(false);
    expect(check({ header: 'v1=abc' })).toMatchObject({
      valid: false,
      reason: 'the signature has no timestamp',
    });
    expect(check({ header: 't=1777636800' })).toMatchObject({
      valid: false,
      reason: 'the signature has no v1 value',
    });
    expect(check({ header: 't=1777636800,v1=zz' }).valid).toBe(false);
  });
});
