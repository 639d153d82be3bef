// The outbox across a restart, with the built CLI as a user runs it: the receiver is down while
// images are analyzed (each analysis publishes analysis_update twice: analyzing, analyzed), the
// service is stopped and started again, then the receiver comes up: every event arrives exactly
// once, validly signed. On PostgreSQL (`serve --database-url` + a `customs worker`) and on the
// embedded SQLite service (one process).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../../src/server/notifications/index.js';
import { createScratchDatabase } from '../../../src/vulndb/store/testing/scratch-postgres.js';
import { writeOciLayout } from '../../helpers/oci-builder.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { freePort, startRegistry, stopChild, type RunningRegistry } from '../../registry/registry-harness.js';
import { pushOci, waitFor } from '../workers/worker-fixtures.js';
import { Receiver } from './receiver.js';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'customs');
const IMAGES = 3;
const scratch = await createScratchDatabase();

function startCli(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; lines: string[] } {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  return { child, lines };
}

interface EventView {
  id: string;
  type: string;
  digest: string;
}
interface DeliveryView {
  state: string;
  attempts: number;
  last_error?: string;
}

const dir = tempDir('customs-notify-restart-');
let registry: RunningRegistry;
const refs: string[] = [];

beforeAll(async () => {
  registry = await startRegistry();
  for (let i = 0; i < IMAGES * 2; i++) {
    const layout = join(dir, `img-${i}`);
    await writeOciLayout(layout, {
      tag: 'v1',
      layers: [
        { entries: [{ name: `srv/n-${i}.txt`, content: `notify ${i} ${randomBytes(4).toString('hex')}\n` }] },
      ],
    });
    refs.push(`${registry.host}/notify/app-${i}:v1`);
    await pushOci(layout, 'v1', refs[i]!);
  }
}, 90_000);

afterAll(async () => {
  await registry?.stop();
  await scratch?.drop();
});

const modes = [
  ...(scratch ? [{ name: 'postgres', databaseUrl: scratch.url, images: refs.slice(0, IMAGES) }] : []),
  { name: 'sqlite', databaseUrl: undefined, images: refs.slice(IMAGES) },
];

describe.each(modes)('notifications across a restart ($name)', (mode) => {
  const adminKey = `cus_${randomBytes(8).toString('hex')}_${randomBytes(24).toString('base64url')}`;
  const env = { CUSTOMS_SECRET_KEY: randomBytes(32).toString('base64'), CUSTOMS_ADMIN_KEY: adminKey };
  const headers = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
  let procs: ChildProcess[] = [];
  let receiver: Receiver;
  let base = '';

  /** Starts the processes; a serve that exits before it is healthy (a port taken meanwhile) is tried again on another port. */
  async function start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const output = await startOnce();
      if (output === undefined) return;
      await stop();
      if (attempt === 3) throw new Error(`customs serve did not start:\n${output.join('\n')}`);
    }
  }

  async function startOnce(): Promise<string[] | undefined> {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const common = [
      '--insecure-registry',
      registry.host,
      '--vuln-db',
      join(dir, 'no-vulns.db'),
      '--allow-webhook-host',
      '127.0.0.1',
      '--webhook-retry-delay',
      '1',
    ];
    const store = mode.databaseUrl ? ['--database-url', mode.databaseUrl] : [];
    const api = startCli(
      ['serve', '--port', String(port), '--data-dir', join(dir, mode.name), ...store, ...common],
      env,
    );
    procs = [api.child];
    if (mode.databaseUrl)
      procs.push(
        startCli(['worker', '--data-dir', join(dir, `${mode.name}-worker`), ...store, ...common], env).child,
      );
    let exited = false;
    api.child.once('exit', () => (exited = true));
    const healthy = await waitFor(
      'the API',
      async () =>
        exited ? false : (await fetch(`${base}/health`).catch(() => undefined))?.ok ? true : undefined,
      90_000,
      200,
    );
    return healthy ? undefined : api.lines;
  }

  async function stop(): Promise<void> {
    for (const child of procs.splice(0)) await stopChild(child);
  }

  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}${path}`, { headers });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  afterAll(async () => {
    await stop();
    await receiver?.stop();
  });

  it('delivers every event exactly once, signed, after the service restarted while the receiver was down', async () => {
    receiver = new Receiver([200]);
    receiver.port = await freePort(); // down: nothing listens there yet
    await start();
    const created = await fetch(`${base}/v1/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'receiver', url: receiver.url }),
    });
    expect(created.status).toBe(201);
    const hook = (await created.json()) as { id: string; secret: string };
    const sub = await fetch(`${base}/v1/subscriptions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'analysis_update', webhook_id: hook.id }),
    });
    expect(sub.status).toBe(201);
    for (const ref of mode.images) {
      const res = await fetch(`${base}/v1/images`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ source: { tag: { pullstring: ref } } }),
      });
      expect(res.status).toBe(200);
    }
    // Every image analyzed: 2 events each (analyzing, analyzed), each tried at least twice against the dead receiver.
    const events = await waitFor(
      'the events and failed attempts',
      async () => {
        const { items } = await get<{ items: EventView[] }>('/v1/events?type=analysis_update&limit=100');
        if (items.length < mode.images.length * 2) return undefined;
        for (const e of items) {
          const { deliveries } = await get<{ deliveries: DeliveryView[] }>(`/v1/events/${e.id}`);
          if (deliveries.length !== 1 || deliveries[0]!.attempts < 2) return undefined;
          expect(deliveries[0]).toMatchObject({
            state: 'pending',
            last_error: expect.stringMatching(/ECONNREFUSED/),
          });
        }
        return items;
      },
      60_000,
      300,
    );
    expect(events).toHaveLength(mode.images.length * 2);
    expect(receiver.received).toHaveLength(0);

    await stop();
    await start();
    await receiver.start();
    await waitFor(
      'every delivery',
      async () => {
        for (const e of events) {
          const { deliveries } = await get<{ deliveries: DeliveryView[] }>(`/v1/events/${e.id}`);
          if (deliveries[0]?.state !== 'delivered') return undefined;
        }
        return true;
      },
      150_000, // the next attempt may wait out a backoff grown while the receiver was down (1, 2, 4 … 64 s)
      300,
    );
    await new Promise((r) => setTimeout(r, 2_500)); // nothing more arrives
    const perEvent = new Map<string, number>();
    for (const r of receiver.received) {
      const id = r.headers['customs-event-id'] as string;
      perEvent.set(id, (perEvent.get(id) ?? 0) + 1);
      expect(
        verifySignature({
          secret: hook.secret,
          body: r.body,
          header: r.headers['customs-signature'] as string,
        }),
      ).toMatchObject({ valid: true });
      expect(JSON.parse(r.body)).toMatchObject({ id, type: 'analysis_update' });
    }
    expect([...perEvent.keys()].sort()).toEqual(events.map((e) => e.id).sort());
    expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
    const statuses = receiver.received.map(
      (r) => (JSON.parse(r.body) as { payload: { status: string } }).payload.status,
    );
    expect(statuses.filter((s) => s === 'analyzed')).toHaveLength(mode.images.length);
    expect(statuses.filter((s) => s === 'analyzing')).toHaveLength(mode.images.length);
  }, 330_000);
});
