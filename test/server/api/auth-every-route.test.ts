import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiBackends, bearer, startApi, type ApiHarness } from './api-harness.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const PUBLIC = new Set(['GET /health', 'GET /ready', 'GET /version', 'GET /metrics']);

interface Operation {
  method: string;
  path: string;
  url: string;
}

/** Every operation the OpenAPI document lists, with its path parameters filled in. */
function operations(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const method of Object.keys(methods)) {
      const url = path
        .replace('{digest}', DIGEST)
        .replace('{ctype}', 'os')
        .replace('{mtype}', 'manifest')
        .replace('{vtype}', 'all')
        .replace(/\{[^}]+\}/g, 'x');
      result.push({ method: method.toUpperCase(), path, url });
    }
  return result;
}

const backends = await apiBackends();

describe.each(backends)('authentication on every route of the OpenAPI document ($name)', (backend) => {
  let api: ApiHarness;
  let ops: Operation[];
  let revokedKey: string;
  let otherKey: string;

  beforeAll(async () => {
    api = await startApi(backend);
    const doc = (await api.app.inject({ url: '/openapi.json' })).json();
    ops = operations(doc);
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/account/keys',
      headers: bearer(api.adminKey),
      payload: { name: 'soon revoked' },
    });
    expect(created.statusCode).toBe(201);
    revokedKey = created.json().key;
    const revoke = await api.app.inject({
      method: 'DELETE',
      url: `/v1/account/keys/${created.json().id}`,
      headers: bearer(api.adminKey),
    });
    expect(revoke.statusCode).toBe(204);
    const other = await api.app.inject({
      method: 'POST',
      url: '/v1/accounts',
      headers: bearer(api.adminKey),
      payload: { name: 'team-b' },
    });
    expect(other.statusCode).toBe(201);
    otherKey = other.json().key;
  });

  afterAll(async () => {
    await api.close();
  });

  it('lists the /v1, Harbor and system routes', () => {
    const names = ops.map((o) => `${o.method} ${o.path}`);
    expect(names).toContain('POST /v1/images');
    expect(names).toContain('GET /v1/images/{digest}/vuln/{vtype}');
    expect(names).toContain('POST /api/v1/scan');
    expect(names).toContain('GET /health');
    expect(ops.length).toBeGreaterThan(30);
  });

  it('refuses no key, a wrong key, a malformed key and a revoked key on every non-public route', async () => {
    const wrongSecret = `${api.adminKey.slice(0, -4)}AAAA`;
    const attempts: Record<string, string | undefined> = {
      none: undefined,
      wrong: `Bearer ${wrongSecret}`,
      malformed: 'Bearer not-a-key',
      basicWrong: `Basic ${Buffer.from(`admin:${wrongSecret}`).toString('base64')}`,
      revoked: `Bearer ${revokedKey}`,
    };
    let checked = 0;
    for (const op of ops) {
      if (PUBLIC.has(`${op.method} ${op.path}`)) continue;
      for (const [what, authorization] of Object.entries(attempts)) {
        const res = await api.app.inject({
          method: op.method as 'GET',
          url: op.url,
          headers: authorization ? { authorization } : {},
        });
        expect(res.statusCode, `${what}: ${op.method} ${op.url}`).toBe(401);
        expect(res.json().error.code).toBe('unauthorized');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('accepts the key as the Basic password, and answers public routes without one', async () => {
    const basic = `Basic ${Buffer.from(`anyone:${api.adminKey}`).toString('base64')}`;
    expect((await api.app.inject({ url: '/v1/images', headers: { authorization: basic } })).statusCode).toBe(
      200,
    );
    for (const url of ['/health', '/ready', '/version', '/metrics', '/openapi.json'])
      expect((await api.app.inject({ url })).statusCode, url).toBe(200);
    expect((await api.app.inject({ url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it("answers another account's image, policy and registry as not found, and admin routes as forbidden", async () => {
    await api.store.images.upsert({
      accountId: (await api.store.accounts.byName('admin'))!.id,
      digest: DIGEST,
      origin: { kind: 'sbom' },
      at: new Date().toISOString(),
    });
    expect(
      (await api.app.inject({ url: `/v1/images/${DIGEST}`, headers: bearer(api.adminKey) })).statusCode,
    ).toBe(200);
    for (const op of ops) {
      if (!op.path.includes('{digest}') && !op.path.startsWith('/api/v1/scan/')) continue;
      const url = op.url.replace('/scan/x/', `/scan/${DIGEST}/`);
      const res = await api.app.inject({ method: op.method as 'GET', url, headers: bearer(otherKey) });
      expect(res.statusCode, `${op.method} ${url}`).toBe(404);
    }
    for (const op of ops.filter((o) => o.path.startsWith('/v1/accounts'))) {
      const res = await api.app.inject({
        method: op.method as 'GET',
        url: op.url,
        headers: bearer(otherKey),
        ...(op.method === 'POST' ? { payload: { name: 'team-c' } } : {}),
      });
      expect(res.statusCode, `${op.method} ${op.url}`).toBe(403);
    }
  });
});
