// The API refuses to pull through registry hosts that would turn the service against its own
// network (SSRF): loopback, link-local and cloud metadata addresses, named or literal, unless the
// administrator allowed the host (here 127.0.0.1, as an insecure registry). One 400 line each,
// and nothing queued.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiBackends, bearer, jobCount, startApi, type ApiHarness } from './api-harness.js';

const backends = await apiBackends();

describe.each(backends)('registry address rule ($name)', (backend) => {
  let api: ApiHarness;
  let headers: Record<string, string>;

  beforeAll(async () => {
    api = await startApi(backend);
    headers = bearer(api.adminKey);
  });
  afterAll(async () => api?.close());

  const add = (pullstring: string) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/images',
      headers,
      payload: { source: { tag: { pullstring } } },
    });

  it('refuses metadata, link-local and loopback hosts the administrator did not allow', async () => {
    for (const pullstring of [
      '169.254.169.254/latest/meta-data:v1',
      'metadata.google.internal/computemetadata/v1:x',
      'localhost:5998/app:v1',
      '[::1]:5998/app:v1',
      '0.0.0.0:5998/app:v1',
    ]) {
      const res = await add(pullstring);
      expect(res.statusCode, `${pullstring}: ${res.body}`).toBe(400);
      const body = res.json() as { error: { code: string; message: string } };
      expect(body.error.code, body.error.message).toBe('address-refused');
      expect(body.error.message).toMatch(/^refused to connect to .*an administrator can allow the host$/);
    }
    expect(await jobCount(api.queue, 'analyze-image')).toBe(0);
  });

  it('reaches a host the administrator allowed (nothing listens there: 502)', async () => {
    const res = await add('127.0.0.1:5998/app:v1');
    expect(res.statusCode, res.body).toBe(502);
  });
});
