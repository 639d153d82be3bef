import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors/index.js';
import type { ServiceStore } from '../../../src/server/store/index.js';
import { publishEvent } from '../../../src/server/events/index.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { digestOf } from './fixtures.js';

const { sqlite, postgres } = await serviceStoreBackends();

describe.each([sqlite, ...(postgres ? [postgres] : [])])('event store: $name', (backend) => {
  let store: ServiceStore;
  afterEach(async () => store?.close());

  it('records events per account, numbered in order, and reads them back by filter', async () => {
    store = await backend.fresh();
    const alice = await store.accounts.create({ name: 'alice', role: 'user' });
    const bob = await store.accounts.create({ name: 'bob', role: 'user' });
    const first = await publishEvent(
      { store },
      {
        type: 'tag_update',
        accountId: alice.id,
        digest: digestOf(1),
        fullTag: 'r/app:1',
        payload: { fullTag: 'r/app:1', digest: digestOf(1) },
        at: '2026-03-01T10:00:00.000Z',
      },
    );
    const second = await store.events.add({
      type: 'analysis_update',
      accountId: alice.id,
      digest: digestOf(1),
      payload: { digest: digestOf(1), status: 'analyzed', previousStatus: 'analyzing' },
      at: '2026-03-01T10:01:00.000Z',
    });
    await store.events.add({
      type: 'analysis_update',
      accountId: bob.id,
      digest: digestOf(2),
      payload: { digest: digestOf(2), status: 'analysis_failed', failureReason: 'x' },
      at: '2026-03-01T10:02:00.000Z',
    });
    expect(Number(second.id)).toBeGreaterThan(Number(first.id));
    expect(await store.events.get(alice.id, first.id)).toEqual(first);
    expect(await store.events.get(bob.id, first.id)).toBeUndefined();
    expect(await store.events.get(alice.id, 'not-a-number')).toBeUndefined();

    const all = await store.events.list(alice.id, {}, { limit: 10, offset: 0 });
    expect(all.total).toBe(2);
    expect(all.items.map((e) => e.id)).toEqual([second.id, first.id]);
    const after = await store.events.list(alice.id, { afterId: first.id }, { limit: 10, offset: 0 });
    expect(after.items).toEqual([second]);
    const tags = await store.events.list(alice.id, { type: 'tag_update' }, { limit: 10, offset: 0 });
    expect(tags.items).toEqual([first]);
    expect((await store.events.list(alice.id, { fullTag: 'r/app:2' }, { limit: 10, offset: 0 })).total).toBe(
      0,
    );
    expect(
      (await store.events.list(alice.id, { since: '2026-03-01T10:00:30.000Z' }, { limit: 10, offset: 0 }))
        .items,
    ).toEqual([second]);
  });

  it('refuses an event for an account that does not exist', async () => {
    store = await backend.fresh();
    await expect(
      store.events.add({
        type: 'analysis_update',
        accountId: 'nobody',
        payload: { digest: digestOf(1), status: 'analyzed' },
        at: '2026-03-01T10:00:00.000Z',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
