// The notification outbox on both stores: events and their deliveries written in one
// transaction, the row claim, retries with backoff against a real receiver, signatures on what
// arrives, and the address rule refusing deliveries before anything is sent.
import { afterEach, describe, expect, it } from 'vitest';
import { publishEvent } from '../../../src/server/events/index.js';
import {
  deliverDue,
  guardedDispatcher,
  startDeliveryLoop,
  verifySignature,
} from '../../../src/server/notifications/index.js';
import type { ServiceStore } from '../../../src/server/store/index.js';
import { openServiceStore } from '../../../src/server/store/index.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { waitFor } from '../workers/worker-fixtures.js';
import { addWebhook, analysisEvent, box, digestOf, rawExec, subscribe } from './outbox-fixtures.js';
import { Receiver } from './receiver.js';

const { sqlite, postgres } = await serviceStoreBackends();

describe.each([sqlite, ...(postgres ? [postgres] : [])])('notification outbox: $name', (backend) => {
  let store: ServiceStore;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await store?.close();
  });

  it('writes one pending delivery per matching webhook with the event, none for other types, scopes or inactive subscriptions', async () => {
    store = await backend.fresh();
    const alice = await store.accounts.create({ name: 'alice', role: 'user' });
    const bob = await store.accounts.create({ name: 'bob', role: 'user' });
    await store.images.upsert({
      accountId: alice.id,
      digest: digestOf(1),
      origin: { kind: 'sbom' },
      tag: { registry: 'reg', repository: 'app', tag: '1', fullTag: 'reg/app:1' },
      at: new Date().toISOString(),
    });
    const all = await addWebhook(store, alice.id, 'https://a.example/all');
    const byTag = await addWebhook(store, alice.id, 'https://a.example/tag');
    const other = await addWebhook(store, alice.id, 'https://a.example/other');
    const bobs = await addWebhook(store, bob.id, 'https://b.example/');
    await subscribe(store, alice.id, all.id, 'analysis_update', '*');
    await subscribe(store, alice.id, all.id, 'analysis_update', digestOf(1)); // same webhook twice: one delivery
    await subscribe(store, alice.id, byTag.id, 'analysis_update', 'reg/app:1'); // the tag points at the digest
    await subscribe(store, alice.id, other.id, 'analysis_update', digestOf(2));
    await subscribe(store, alice.id, other.id, 'tag_update', '*');
    await subscribe(store, alice.id, other.id, 'analysis_update', '*', false);
    await subscribe(store, bob.id, bobs.id, 'analysis_update', '*');

    const event = await publishEvent({ store }, analysisEvent(alice.id, digestOf(1)));
    const deliveries = await store.deliveries.forEvent(alice.id, event.id);
    expect(deliveries.map((d) => d.webhookId).sort()).toEqual([all.id, byTag.id].sort());
    for (const d of deliveries) expect(d).toMatchObject({ state: 'pending', attempts: 0, eventId: event.id });
    expect(await store.deliveries.forEvent(bob.id, event.id)).toEqual([]);

    const tagged = await store.events.add({
      type: 'tag_update',
      accountId: alice.id,
      digest: digestOf(3),
      fullTag: 'reg/app:2',
      payload: { fullTag: 'reg/app:2', digest: digestOf(3) },
      at: new Date().toISOString(),
    });
    expect((await store.deliveries.forEvent(alice.id, tagged.id)).map((d) => d.webhookId)).toEqual([
      other.id,
    ]);
  });

  it('records no event when its deliveries cannot be written: one transaction', async () => {
    const options = await backend.freshOptions();
    store = await openServiceStore(options);
    const alice = await store.accounts.create({ name: 'alice', role: 'user' });
    const hook = await addWebhook(store, alice.id, 'https://a.example/');
    await subscribe(store, alice.id, hook.id, 'analysis_update');
    await rawExec(
      options,
      `CREATE TRIGGER refuse_deliveries BEFORE INSERT ON deliveries BEGIN SELECT RAISE(ABORT, 'deliveries refused'); END;`,
      [
        `CREATE FUNCTION refuse_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'deliveries refused'; END $$`,
        `CREATE TRIGGER refuse_deliveries BEFORE INSERT ON deliveries FOR EACH ROW EXECUTE FUNCTION refuse_deliveries()`,
      ],
    );
    await expect(store.events.add(analysisEvent(alice.id, digestOf(1)))).rejects.toThrow();
    expect((await store.events.list(alice.id, {}, { limit: 10, offset: 0 })).total).toBe(0);
    // Without a matching subscription nothing is inserted into deliveries, and the event is recorded.
    await store.subscriptions.setActive(alice.id, (await store.subscriptions.list(alice.id))[0]!.id, false);
    await store.events.add(analysisEvent(alice.id, digestOf(1)));
    expect((await store.events.list(alice.id, {}, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it('never gives the same delivery to two claimers at once, and gives a lapsed claim out again', async () => {
    store = await backend.fresh();
    const alice = await store.accounts.create({ name: 'alice', role: 'user' });
    const hook = await addWebhook(store, alice.id, 'https://a.example/');
    await subscribe(store, alice.id, hook.id, 'analysis_update');
    for (let i = 0; i < 30; i++) await store.events.add(analysisEvent(alice.id, digestOf(i)));
    const now = new Date(Date.now() + 1000).toISOString();
    const leaseUntil = new Date(Date.now() + 60_000).toISOString();
    const claims = await Promise.all(
      ['a', 'b', 'c'].map((token) => store.deliveries.claimDue({ now, leaseUntil, token, limit: 12 })),
    );
    const ids = claims.flat().map((d) => d.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(claims.flat().every((d) => d.attempts === 1)).toBe(true);
    expect(await store.deliveries.claimDue({ now, leaseUntil, token: 'd', limit: 50 })).toEqual([]);
    // A claim's outcome is written only by its holder.
    const first = claims[0]![0]!;
    const holder = claims.findIndex((c) => c.some((d) => d.id === first.id));
    expect(await store.deliveries.markDelivered(first.id, 'not-the-holder', { at: now, status: 200 })).toBe(
      false,
    );
    expect(await store.deliveries.markDelivered(first.id, 'abc'[holder]!, { at: now, status: 200 })).toBe(
      true,
    );
    // After the lease, the rest are due again (their claimant died).
    const later = new Date(Date.now() + 61_000).toISOString();
    const again = await store.deliveries.claimDue({
      now: later,
      leaseUntil: new Date(Date.now() + 120_000).toISOString(),
      token: 'e',
      limit: 50,
    });
    expect(again).toHaveLength(29);
    expect(again.every((d) => d.attempts === 2)).toBe(true);
  });

  it('retries a receiver answering 500 with growing delays until it answers 200, each attempt validly signed', async () => {
    store = await backend.fresh();
    const alice = await store.accounts.create({ name: 'alice', role: 'user' });
    const receiver = await new Receiver([500, 500, 200]).start();
    cleanups.push(() => receiver.stop());
    const hook = await addWebhook(store, alice.id, receiver.url);
    await subscribe(store, alice.id, hook.id, 'analysis_update');
    const event = await store.events.add(analysisEvent(alice.id, digestOf(7)));
    const loop = startDeliveryLoop(
      { store, secretBox: box },
      {
        allowedHosts: ['127.0.0.1'],
        intervalMs: 20,
        retry: { firstDelaySeconds: 0.3, maxDelaySeconds: 10, maxAttempts: 5 },
      },
    );
    cleanups.push(() => loop.stop());
    const delivered = await waitFor('the delivery', async () => {
      const [d] = await store.deliveries.forEvent(alice.id, event.id);
      return d?.state === 'delivered' ? d : undefined;
    });
    expect(delivered).toMatchObject({ attempts: 3, lastStatus: 200 });
    expect(delivered.lastError).toBeUndefined();
    expect(receiver.received).toHaveLength(3);
    const [a, b, c] = receiver.received.map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(150); // half of 0.3 s at least (jitter)
    expect(c! - b!).toBeGreaterThanOrEqual(300); // half of 0.6 s at least
    for (const r of receiver.received) {
      expect(r.headers['customs-event-id']).toBe(event.id);
      expect(r.headers['customs-delivery-id']).toBe(delivered.id);
      expect(r.headers['customs-event-type']).toBe('analysis_update');
      expect(
        verifySignature({
          secret: hook.secret,
          body: r.body,
          header: r.headers['customs-signature'] as string,
        }),
      ).toMatchObject({ valid: true });
      expect(JSON.parse(r.body)).toEqual({ ...event });
    }
    const tampered = receiver.received[2]!.body.replace('analyzed', 'analysis_failed');
    expect(
      verifySignature({
        secret: hook.secret,
        body: tampered,
        header: receiver.received[2]!.headers['customs-signature'] as string,
      }).valid,
    ).toBe(false);
  });

  it('gives up after the last attempt with the reason, and fails a 4xx answer at once', async () => {
    store = await backend.fresh();
    const alice = await store.accounts.create({ name: 'alice', role: 'user' });
    const down = await new Receiver([503]).start();
    const gone = await new Receiver([410]).start();
    cleanups.push(
      () => down.stop(),
      () => gone.stop(),
    );
    const busy = await addWebhook(store, alice.id, down.url);
    const refusing = await addWebhook(store, alice.id, gone.url);
    await subscribe(store, alice.id, busy.id, 'analysis_update');
    await subscribe(store, alice.id, refusing.id, 'analysis_update');
    const event = await store.events.add(analysisEvent(alice.id, digestOf(8)));
    const dispatcher = guardedDispatcher(['127.0.0.1']);
    cleanups.push(() => dispatcher.close());
    const settings = {
      allowedHosts: ['127.0.0.1'],
      retry: { firstDelaySeconds: 0, maxDelaySeconds: 0, maxAttempts: 3 },
    };
    for (let pass = 0; pass < 4; pass++) await deliverDue({ store, secretBox: box }, settings, dispatcher);
    const byHook = new Map(
      (await store.deliveries.forEvent(alice.id, event.id)).map((d) => [d.webhookId, d]),
    );
    expect(byHook.get(busy.id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastStatus: 503,
      lastError: 'the receiver answered HTTP 503 (gave up after 3 attempts)',
    });
    expect(byHook.get(refusing.id)).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 410 });
    expect(down.received).toHaveLength(3);
    expect(gone.received).toHaveLength(1);
  });

  it('refuses metadata, loopback (unless allowed) and names resolving to loopback, sending nothing', async () => {
    store = await backend.fresh();
    const alice = await store.accounts.create({ name: 'alice', role: 'user' });
    const receiver = await new Receiver([200]).start();
    cleanups.push(() => receiver.stop());
    const metadata = await addWebhook(store, alice.id, 'http://169.254.169.254/latest/meta-data/');
    const loopback = await addWebhook(store, alice.id, receiver.url);
    const byName = await addWebhook(store, alice.id, `http://localhost:${receiver.port}/hook`);
    const google = await addWebhook(store, alice.id, 'http://metadata.google.internal/computeMetadata/v1/');
    for (const hook of [metadata, loopback, byName, google])
      await subscribe(store, alice.id, hook.id, 'analysis_update');
    const event = await store.events.add(analysisEvent(alice.id, digestOf(9)));
    const dispatcher = guardedDispatcher([]);
    cleanups.push(() => dispatcher.close());
    await deliverDue({ store, secretBox: box }, { allowedHosts: [] }, dispatcher);
    const byHook = new Map(
      (await store.deliveries.forEvent(alice.id, event.id)).map((d) => [d.webhookId, d]),
    );
    expect(byHook.get(metadata.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(byHook.get(metadata.id)!.lastError).toMatch(
      /refused to deliver to 169\.254\.169\.254: .*link-local/,
    );
    expect(byHook.get(loopback.id)!.lastError).toMatch(/refused to deliver to 127\.0\.0\.1: .*loopback/);
    // The name passes the URL check; the address it resolves to is refused at connect time.
    expect(byHook.get(byName.id)).toMatchObject({ state: 'failed' });
    expect(byHook.get(byName.id)!.lastError).toMatch(
      /refused to deliver to localhost \((127\.0\.0\.1|::1)\)/,
    );
    expect(byHook.get(google.id)!.lastError).toContain(
      'metadata.google.internal is a cloud metadata service',
    );
    expect(receiver.received).toHaveLength(0);
  });
});
