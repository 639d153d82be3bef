import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiBackends,
  bearer,
  DIGEST,
  openApiOperations,
  startApi,
  type ApiHarness,
  type Operation,
} from './api-harness.js';
import { everyImageBundle } from '../../helpers/use-case-fixtures.js';

const PUBLIC = new Set(['GET /health', 'GET /ready', 'GET /version', 'GET /metrics']);
const backends = await apiBackends();

describe.each(backends)('authentication on every route of the OpenAPI document ($name)', (backend) => {
  let api: ApiHarness;
  let ops: Operation[];
  let revokedKey: string;
  let otherKey: string;

  beforeAll(async () => {
    api = await startApi(backend);
    ops = await openApiOperations(api.app);
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

  it("lets another account's key reach none of this account's data, on every non-public route", async () => {
    const admin = bearer(api.adminKey);
    const adminId = (await api.store.accounts.byName('admin'))!.id;
    await api.store.images.upsert({
      accountId: adminId,
      digest: DIGEST,
      origin: { kind: 'sbom' },
      tag: { registry: 'reg.admin', repository: 'secret/app', tag: 'v1', fullTag: 'reg.admin/secret/app:v1' },
      at: new Date().toISOString(),
    });
    const bundle = { ...everyImageBundle([]), id: 'adminpol', name: 'admin policy' };
    expect(
      (await api.app.inject({ method: 'POST', url: '/v1/policies', headers: admin, payload: bundle }))
        .statusCode,
    ).toBe(200);
    const registry = {
      registry: 'reg.admin:5000',
      registry_user: 'ci',
      registry_pass: 'adm-pass-93',
      registry_verify: true,
    };
    expect(
      (await api.app.inject({ method: 'POST', url: '/v1/registries', headers: admin, payload: registry }))
        .statusCode,
    ).toBe(200);
    const watch = await api.app.inject({
      method: 'POST',
      url: '/v1/watches',
      headers: admin,
      payload: { kind: 'tag', tag: 'reg.admin:5000/secret/app:v1' },
    });
    expect(watch.statusCode).toBe(201);
    const watchId = watch.json().id as string;
    const adminKeyId = api.adminKey.split('_')[1]!;
    const webhook = await api.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: admin,
      payload: { name: 'adminhook', url: 'https://reg.admin/hook' },
    });
    expect(webhook.statusCode).toBe(201);
    const webhookId: string = webhook.json().id;
    const subscription = await api.app.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: admin,
      payload: { type: 'analysis_update', scope: DIGEST, webhook_id: webhookId },
    });
    expect(subscription.statusCode).toBe(201);
    const event = await api.store.events.add({
      type: 'analysis_update',
      accountId: adminId,
      digest: DIGEST,
      payload: { digest: DIGEST, status: 'analyzed' },
      at: new Date().toISOString(),
    });
    const fill = (op: Operation) =>
      op.url
        .replace('/policies/x', '/policies/adminpol')
        .replace('/registries/x', '/registries/reg.admin:5000')
        .replace('/account/keys/x', `/account/keys/${adminKeyId}`)
        .replace('/accounts/x', `/accounts/${adminId}`)
        .replace('/webhooks/x', `/webhooks/${webhookId}`)
        .replace('/subscriptions/x', `/subscriptions/${subscription.json().id}`)
        .replace('/events/x', `/events/${event.id}`)
        .replace('/watches/x', `/watches/${watchId}`)
        .replace('/scan/x/', `/scan/${DIGEST}/`);
    // What each route answers another account: not found, forbidden, its own (empty) view, or a
    // write into its own account. A new route fails here until it is put in one of these.
    const expectations: Record<string, 'not-found' | 'forbidden' | 'own-view' | 'own-write' | 'shared'> = {
      'GET /v1/images': 'own-view',
      'POST /v1/images': 'own-write',
      'POST /v1/images/upload': 'own-write',
      'GET /v1/policies': 'own-view',
      'POST /v1/policies': 'own-write',
      'POST /v1/policies/validate': 'own-write',
      'GET /v1/policies/{policyId}': 'not-found',
      'PUT /v1/policies/{policyId}': 'own-write',
      'DELETE /v1/policies/{policyId}': 'not-found',
      'GET /v1/registries': 'own-view',
      'POST /v1/registries': 'own-write',
      'GET /v1/registries/{registry}': 'not-found',
      'PUT /v1/registries/{registry}': 'own-write',
      'DELETE /v1/registries/{registry}': 'not-found',
      'GET /v1/system/feeds': 'shared',
      'POST /v1/system/feeds': 'forbidden', // the vulnerability data is shared: admins sync it
      'GET /v1/query/images/by_package': 'own-view',
      'GET /v1/query/images/by_vulnerability': 'own-view',
      'GET /v1/account': 'own-view',
      'GET /v1/trends': 'own-view',
      'GET /v1/account/keys': 'own-view',
      'POST /v1/account/keys': 'own-write',
      'DELETE /v1/account/keys/{keyId}': 'not-found',
      'GET /api/v1/metadata': 'shared',
      'POST /api/v1/scan': 'own-write',
      // Decides for the caller's own account and policy (a bad review is a 400).
      'POST /v1/admission/{mode}': 'own-write',
      'GET /v1/webhooks': 'own-view',
      'POST /v1/webhooks': 'own-write',
      'GET /v1/webhooks/{id}': 'not-found',
      'PATCH /v1/webhooks/{id}': 'not-found',
      'DELETE /v1/webhooks/{id}': 'not-found',
      'POST /v1/webhooks/{id}/test': 'not-found',
      'GET /v1/subscriptions': 'own-view',
      'POST /v1/subscriptions': 'not-found', // the other account's webhook is not found
      'GET /v1/subscriptions/{id}': 'not-found',
      'PATCH /v1/subscriptions/{id}': 'not-found',
      'DELETE /v1/subscriptions/{id}': 'not-found',
      'GET /v1/events': 'own-view',
      'GET /v1/events/{id}': 'not-found',
      'GET /v1/watches': 'own-view',
      'POST /v1/watches': 'own-write',
      'GET /v1/watches/{id}': 'not-found',
      'DELETE /v1/watches/{id}': 'not-found',
      'POST /v1/watches/{id}/check': 'not-found',
    };
    const payloads: Record<string, unknown> = {
      'POST /v1/images': { source: { digest: { pullstring: `reg.admin:5000/secret/app@${DIGEST}` } } },
      'POST /v1/policies': bundle,
      'POST /v1/policies/validate': bundle,
      'PUT /v1/policies/{policyId}': bundle,
      'POST /v1/registries': registry,
      'PUT /v1/registries/{registry}': registry,
      'POST /v1/account/keys': { name: 'b-key' },
      'POST /v1/accounts': { name: 'team-d' },
      'POST /v1/webhooks': { name: 'b-hook', url: 'https://b.example/hook' },
      'PATCH /v1/webhooks/{id}': { name: 'taken over' },
      'POST /v1/subscriptions': { type: 'analysis_update', webhook_id: 'WEBHOOK' },
      'PATCH /v1/subscriptions/{id}': { active: false },
      'POST /v1/watches': { kind: 'tag', tag: 'reg.admin:5000/secret/app:v1' },
    };
    const queries: Record<string, string> = {
      'GET /v1/query/images/by_package': '?name=left-pad',
      'GET /v1/query/images/by_vulnerability': '?vulnerability_id=CVE-2024-0001',
    };
    const ordered = ops
      .filter((op) => !PUBLIC.has(`${op.method} ${op.path}`))
      .map((op) => {
        const name = `${op.method} ${op.path}`;
        const kind =
          op.path.includes('{digest}') || op.path.startsWith('/api/v1/scan/')
            ? 'not-found'
            : op.path.startsWith('/v1/accounts')
              ? 'forbidden'
              : expectations[name];
        expect(kind, `${name} is not classified`).toBeDefined();
        return { op, name, kind: kind! };
      })
      .sort((a, b) => Number(a.kind === 'own-write') - Number(b.kind === 'own-write'));
    const seen = new Set<string>();
    for (const { op, name, kind } of ordered) {
      const raw = payloads[name];
      const payload =
        raw && typeof raw === 'object' && 'webhook_id' in raw ? { ...raw, webhook_id: webhookId } : raw;
      const res = await api.app.inject({
        method: op.method as 'GET',
        url: fill(op) + (queries[name] ?? ''),
        headers: bearer(otherKey),
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      seen.add(kind);
      if (kind === 'not-found') expect(res.statusCode, name).toBe(404);
      else if (kind === 'forbidden') expect(res.statusCode, name).toBe(403);
      else expect(res.statusCode, `${name}: ${res.body}`).toBeLessThan(500);
      if (kind === 'own-view') expect(res.statusCode, name).toBe(200);
      for (const text of [DIGEST, 'adminpol', 'reg.admin', adminKeyId, 'adm-pass-93'])
        if (kind === 'own-view' || kind === 'shared')
          expect(res.body, `${name} shows ${text}`).not.toContain(text);
      expect(res.body, name).not.toContain('adm-pass-93');
    }
    expect([...seen].sort()).toEqual(['forbidden', 'not-found', 'own-view', 'own-write', 'shared']);
    // This account's data is as it was.
    expect((await api.store.images.get(adminId, DIGEST))?.origin).toEqual({ kind: 'sbom' });
    expect((await api.app.inject({ url: '/v1/policies/adminpol', headers: admin })).json().name).toBe(
      'admin policy',
    );
    const reg = (await api.app.inject({ url: '/v1/registries/reg.admin:5000', headers: admin })).json();
    expect(reg).toMatchObject({ registry: 'reg.admin:5000', registry_user: 'ci' });
    expect((await api.app.inject({ url: '/v1/account', headers: admin })).statusCode).toBe(200);
    expect((await api.app.inject({ url: `/v1/webhooks/${webhookId}`, headers: admin })).json().name).toBe(
      'adminhook',
    );
    expect(
      (await api.app.inject({ url: `/v1/subscriptions/${subscription.json().id}`, headers: admin })).json()
        .active,
    ).toBe(true);
    expect((await api.app.inject({ url: `/v1/events/${event.id}`, headers: admin })).statusCode).toBe(200);
    expect((await api.app.inject({ url: `/v1/watches/${watchId}`, headers: admin })).json()).toMatchObject({
      tag: 'reg.admin:5000/secret/app:v1',
    });
  });
});
