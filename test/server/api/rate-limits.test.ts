// Rate limits: per API key once authenticated, per client address before that. Over the limit a
// request gets 429 with Retry-After and one line; another key is not affected; health is not
// limited by keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiBackends, bearer, startApi, type ApiHarness } from './api-harness.js';

const backends = await apiBackends();

describe.each(backends)('rate limits ($name)', (backend) => {
  let api: ApiHarness;
  let otherKey: string;

  beforeAll(async () => {
    api = await startApi(backend, { rateLimits: { perKeyPerMinute: 5, perAddressPerMinute: 40 } });
    const other = await api.app.inject({
      method: 'POST',
      url: '/v1/accounts',
      headers: bearer(api.adminKey),
      payload: { name: 'team-b' },
    });
    expect(other.statusCode).toBe(201);
    otherKey = other.json().key as string;
  });
  afterAll(async () => api?.close());

  const list = (key: string) => api.app.inject({ url: '/v1/images', headers: bearer(key) });

  it('refuses a key past its limit with 429, Retry-After and one line; another key goes on', async () => {
    // The admin key made one request (the account) already.
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await list(api.adminKey)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 429]);
    const refused = await list(api.adminKey);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['x-ratelimit-limit']).toBe('5');
    const body = refused.json() as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: 'rate-limited',
      message: expect.stringMatching(
        /^too many requests: more than 5 a minute for this API key; retry in \d+ s$/,
      ),
    });
    expect((await list(otherKey)).statusCode).toBe(200);
  });

  it('limits a client address before any key is looked up', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 40; i++)
      codes.push((await api.app.inject({ url: '/v1/images', headers: bearer('cus_nope_nope') })).statusCode);
    expect(codes.filter((c) => c === 401).length).toBeGreaterThan(0);
    expect(codes.at(-1)).toBe(429);
    const health = await api.app.inject({ url: '/health' });
    expect(health.statusCode).toBe(429);
    expect((health.json() as { error: { message: string } }).error.message).toContain('from this address');
  });
});
