// The "done means": the embedded service (real HTTP on loopback, its own workers, sweep
// and delivery loop), Debian's docker-registry and a webhook receiver on loopback; a watched tag
// is pushed a new digest, the service records one tag_update naming the old and the new digest,
// and the receiver gets it, signed.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../../src/server/app/start-service.js';
import { openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import { writeOciLayout } from '../../helpers/oci-builder.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { startRegistry, type RunningRegistry } from '../../registry/registry-harness.js';
import { verifySignature } from '../../../src/server/notifications/signature.js';
import { Receiver } from '../notifications/receiver.js';
import { pushOci, waitFor } from '../workers/worker-fixtures.js';

const dir = tempDir('customs-watch-api-');
const adminKey = `cus_${randomBytes(8).toString('hex')}_${randomBytes(24).toString('base64url')}`;
const auth = { authorization: `Bearer ${adminKey}` };
let registry: RunningRegistry;
let service: RunningService;
let receiver: Receiver;

async function layout(name: string): Promise<string> {
  const path = join(dir, name);
  await writeOciLayout(path, {
    tag: 'v',
    layers: [
      { entries: [{ name: `srv/${name}.txt`, content: `${name} ${randomBytes(4).toString('hex')}\n` }] },
    ],
  });
  return path;
}

/** What these routes answer, as far as the test reads it. */
interface Answer {
  id: string;
  jobId: string;
  lastImageDigest?: string;
  image_detail: { fulltag: string }[];
}

async function api(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Answer; raw: string }> {
  const res = await fetch(`${service.address}${path}`, {
    method,
    headers: body !== undefined ? { ...auth, 'content-type': 'application/json' } : auth,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Answer, raw: text };
}

beforeAll(async () => {
  registry = await startRegistry();
  receiver = await new Receiver([200]).start();
  service = await startService({
    notifications: { allowedHosts: ['127.0.0.1'] },
    port: 0,
    dataDir: join(dir, 'data'),
    vulnDb: join(dir, 'no-vulns.db'),
    insecureRegistries: [registry.host],
    adminKey,
    schedules: { watchSweepSeconds: 1 },
    logger: pino({ level: 'silent' }),
    env: { CUSTOMS_SECRET_KEY: randomBytes(32).toString('base64') },
  });
}, 60_000);

afterAll(async () => {
  await service?.close();
  await registry?.stop();
  await receiver?.stop();
});

describe('watching a tag through the API', () => {
  it('a new digest pushed to a watched tag is added and told as one tag_update', async () => {
    const fullTag = `${registry.host}/team/web:prod`;
    const hook = await fetch(`${service.address}/v1/webhooks`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'receiver', url: receiver.url }),
    });
    expect(hook.status).toBe(201);
    const { id: webhookId, secret } = (await hook.json()) as { id: string; secret: string };
    const sub = await fetch(`${service.address}/v1/subscriptions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'tag_update', webhook_id: webhookId, scope: fullTag }),
    });
    expect(sub.status).toBe(201);
    await pushOci(await layout('a'), 'v', fullTag);
    const created = await api('POST', '/v1/watches', { kind: 'tag', tag: fullTag, intervalSeconds: 10 });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const first = await waitFor('the first poll', async () => {
      const w = await api('GET', `/v1/watches/${id}`);
      return w.json.lastImageDigest ? w.json : undefined;
    });
    const digestA = first.lastImageDigest!;
    expect((await api('GET', `/v1/images/${digestA}`)).status).toBe(200);

    await pushOci(await layout('b'), 'v', fullTag);
    const check = await api('POST', `/v1/watches/${id}/check`);
    expect(check.status).toBe(202);
    expect(check.json.jobId).toEqual(expect.any(String));
    const moved = await waitFor('the poll that sees B', async () => {
      const w = await api('GET', `/v1/watches/${id}`);
      return w.json.lastImageDigest !== digestA ? w.json : undefined;
    });
    const digestB = moved.lastImageDigest!;
    expect((await api('GET', `/v1/images/${digestB}`)).json.image_detail[0]?.fulltag).toBe(fullTag);

    const store: ServiceStore = await openServiceStore({ sqlitePath: join(dir, 'data', 'customs.db') });
    try {
      const admin = (await store.accounts.byName('admin'))!;
      const told = await store.events.list(admin.id, { type: 'tag_update' }, { limit: 10, offset: 0 });
      expect(told.items.map((e) => e.payload)).toEqual([
        { fullTag, digest: digestB, previousDigest: digestA },
        { fullTag, digest: digestA },
      ]);
    } finally {
      await store.close();
    }
    // The receiver got both, each once and validly signed, the move naming the previous digest.
    const delivered = await waitFor('both tag_update deliveries', async () =>
      receiver.received.length >= 2 ? receiver.received : undefined,
    );
    for (const r of delivered) {
      expect(r.headers['customs-event-type']).toBe('tag_update');
      expect(
        verifySignature({ secret, body: r.body, header: r.headers['customs-signature'] as string }),
      ).toMatchObject({ valid: true });
    }
    const bodies = delivered.map((r) => JSON.parse(r.body) as { payload: unknown });
    expect(bodies.map((b) => b.payload)).toEqual(
      expect.arrayContaining([
        { fullTag, digest: digestA },
        { fullTag, digest: digestB, previousDigest: digestA },
      ]),
    );
    expect(new Set(delivered.map((r) => r.headers['customs-event-id'])).size).toBe(2);

    const list = await api('GET', '/v1/watches');
    expect((JSON.parse(list.raw) as { id: string }[]).map((w) => w.id)).toEqual([id]);
    expect(list.raw).not.toContain('Etag'); // the ETag is the watcher's business
    expect((await api('DELETE', `/v1/watches/${id}`)).status).toBe(204);
    expect((await api('GET', `/v1/watches/${id}`)).status).toBe(404);
  }, 60_000);

  it('refuses a watched tag naming a digest, and an unknown kind', async () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(
      (await api('POST', '/v1/watches', { kind: 'tag', tag: `${registry.host}/x@${digest}` })).status,
    ).toBe(400);
    expect((await api('POST', '/v1/watches', { kind: 'image', tag: 'x' })).status).toBe(400);
    expect(
      (await api('POST', '/v1/watches', { kind: 'repository', repository: 'reg:5000/x:1' })).status,
    ).toBe(400);
  });
});
