import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyImageBundle } from '../../helpers/use-case-fixtures.js';
import { apiBackends, bearer, openApiOperations, startApi, type ApiHarness } from './api-harness.js';

const PASSWORD = 'Pa55-never-shown-7f3a91';

const backends = await apiBackends();

describe.each(backends)('registry credentials, policies and validation ($name)', (backend) => {
  let api: ApiHarness;
  let headers: Record<string, string>;

  beforeAll(async () => {
    api = await startApi(backend);
    headers = bearer(api.adminKey);
  });

  afterAll(async () => {
    await api.close();
  });

  it('never returns or logs a registry password, and stores it sealed', async () => {
    const bodies: string[] = [];
    const body = {
      registry: '127.0.0.1:5999',
      registry_user: 'ci',
      registry_pass: PASSWORD,
      registry_verify: false,
    };
    for (const [method, url, payload] of [
      ['POST', '/v1/registries', body],
      ['PUT', '/v1/registries/127.0.0.1:5999', body],
      ['GET', '/v1/registries', undefined],
      ['GET', '/v1/registries/127.0.0.1:5999', undefined],
    ] as const) {
      const res = await api.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(200);
      bodies.push(res.body);
    }
    expect(JSON.parse(bodies[3]!)).toMatchObject({
      registry: '127.0.0.1:5999',
      registry_user: 'ci',
      registry_verify: false,
    });
    const bad = await api.app.inject({
      method: 'POST',
      url: '/v1/registries',
      headers,
      payload: { ...body, registry: '' },
    });
    bodies.push(bad.body);
    const admin = await api.store.accounts.byName('admin');
    const stored = await api.store.registries.get(admin!.id, '127.0.0.1:5999');
    expect(stored?.sealedPassword).toBeDefined();
    expect(stored?.sealedPassword).not.toContain(PASSWORD);
    expect(api.logs.length).toBeGreaterThan(5);
    for (const text of [...bodies, ...api.logs]) expect(text).not.toContain(PASSWORD);
    // Nor the API key that authorized the requests.
    // (The key is cus_<id>_<secret>; the base64url secret may itself hold underscores.)
    const secret = api.adminKey.split('_').slice(2).join('_');
    expect(secret.length).toBeGreaterThan(20);
    for (const line of api.logs) expect(line).not.toContain(secret);
    expect(api.logs.some((l) => l.includes('/v1/registries'))).toBe(true);
    const deleted = await api.app.inject({ method: 'DELETE', url: '/v1/registries/127.0.0.1:5999', headers });
    expect(deleted.statusCode).toBe(204);
  });

  it('never shows a stored registry password on any route, nor in any log line', async () => {
    const body = {
      registry: '127.0.0.1:5998',
      registry_user: 'ci',
      registry_pass: PASSWORD,
      registry_verify: false,
    };
    expect(
      (await api.app.inject({ method: 'POST', url: '/v1/registries', headers, payload: body })).statusCode,
    ).toBe(200);
    const bodies: string[] = [];
    let reads = 0;
    for (const op of await openApiOperations(api.app)) {
      if (op.method !== 'GET') continue;
      const url = op.url.replace('/registries/x', '/registries/127.0.0.1:5998');
      const res = await api.app.inject({ url, headers });
      bodies.push(res.body);
      reads++;
    }
    expect(reads).toBeGreaterThan(15);
    // The password is used (a pull through the stored credential, which fails: nothing listens).
    const pull = await api.app.inject({
      method: 'POST',
      url: '/v1/images',
      headers,
      payload: { source: { tag: { pullstring: '127.0.0.1:5998/app:v1' } } },
    });
    expect(pull.statusCode, pull.body).toBe(502);
    bodies.push(pull.body);
    expect(bodies.some((b) => b.includes('127.0.0.1:5998'))).toBe(true);
    for (const text of [...bodies, ...api.logs]) expect(text).not.toContain(PASSWORD);
    const encoded = Buffer.from(`ci:${PASSWORD}`).toString('base64');
    for (const text of [...bodies, ...api.logs]) expect(text).not.toContain(encoded);
  });

  it('keeps one active policy, refuses to delete it, and replaces by id', async () => {
    const first = { ...everyImageBundle([]), id: 'first' };
    const second = { ...everyImageBundle([]), id: 'second', name: 'second bundle' };
    for (const bundle of [first, second])
      expect(
        (await api.app.inject({ method: 'POST', url: '/v1/policies', headers, payload: bundle })).statusCode,
      ).toBe(200);
    const activate = async (id: string) =>
      api.app.inject({ method: 'PUT', url: `/v1/policies/${id}?active=true`, headers, payload: {} });
    expect((await activate('first')).json()).toMatchObject({ policyId: 'first', active: true });
    expect((await activate('second')).json()).toMatchObject({ policyId: 'second', active: true });
    const list = (await api.app.inject({ url: '/v1/policies', headers })).json() as {
      policyId: string;
      active: boolean;
    }[];
    expect(list.filter((p) => p.active).map((p) => p.policyId)).toEqual(['second']);
    const refused = await api.app.inject({ method: 'DELETE', url: '/v1/policies/second', headers });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('conflict');
    expect((await api.app.inject({ method: 'DELETE', url: '/v1/policies/first', headers })).statusCode).toBe(
      204,
    );
    expect((await api.app.inject({ url: '/v1/policies/first', headers })).statusCode).toBe(404);
    const mismatch = await api.app.inject({
      method: 'PUT',
      url: '/v1/policies/second',
      headers,
      payload: first,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.problems[0].path).toBe('$.id');
    expect((await activate('missing')).statusCode).toBe(404);
  });

  it('says every problem of a bad bundle with its path', async () => {
    const bad = everyImageBundle([{ gate: 'no_such_gate', trigger: 'x', action: 'FAIL', params: [] }]);
    delete (bad as Record<string, unknown>).mappings;
    const validated = await api.app.inject({
      method: 'POST',
      url: '/v1/policies/validate',
      headers,
      payload: bad,
    });
    expect(validated.statusCode).toBe(200);
    const { valid, problems } = validated.json() as { valid: boolean; problems: { path: string }[] };
    expect(valid).toBe(false);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.every((p) => p.path.startsWith('$'))).toBe(true);
    const stored = await api.app.inject({ method: 'POST', url: '/v1/policies', headers, payload: bad });
    expect(stored.statusCode).toBe(400);
    expect(stored.json().error.problems).toEqual(problems);
  });

  it('answers a bad request with every problem and its path', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/images',
      headers,
      payload: { source: { tag: {} }, extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as { error: { code: string; problems: { path: string }[] } };
    expect(error.code).toBe('validation');
    expect(error.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['$.body.source.tag.pullstring', '$.body.extra']),
    );
    const page = await api.app.inject({ url: '/v1/images?limit=0&analysis_status=done', headers });
    expect(page.json().error.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['$.querystring.limit', '$.querystring.analysis_status']),
    );
  });

  it('serves on a real port', async () => {
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const health = await fetch(`${address}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const images = await fetch(`${address}/v1/images`, { headers });
    expect(images.status).toBe(200);
    const metrics = await (await fetch(`${address}/metrics`)).text();
    expect(metrics).toMatch(
      /customs_http_requests_total\{method="GET",route="\/v1\/images",status="200"\} \d+/,
    );
    expect(metrics).toContain('customs_jobs');
  });
});
