// The watchers on real parts: Debian's docker-registry with basic auth (the account's stored
// credential), reached through a loopback proxy that records what the watcher sent; the SQLite
// store; the in-process queue running the poll jobs. Analysis jobs are left queued: that they
// are queued is what a watcher owes.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../../src/server/queue/index.js';
import { RegistryService } from '../../../src/server/services/registry-service.js';
import { WatchService } from '../../../src/server/services/watch-service.js';
import { createSecretBox, openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import type { WatchRecord } from '../../../src/server/store/types.js';
import {
  makeWatcherDeps,
  nextPage,
  pollWatchJob,
  pollWatchesJob,
  type WatcherDeps,
} from '../../../src/server/watchers/index.js';
import { writeOciLayout } from '../../helpers/oci-builder.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { startRegistry, type RunningRegistry } from '../../registry/registry-harness.js';
import { pushOci, waitFor } from '../workers/worker-fixtures.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';

const USER = { user: 'ci', password: `pw-${randomBytes(6).toString('hex')}` };
const CREDS = `${USER.user}:${USER.password}`;
const dir = tempDir('customs-watchers-');
const dataDir = join(dir, 'data');
let registry: RunningRegistry;
let proxy: RecordingProxy;
let store: ServiceStore;
let queue: InProcessQueue;
let watches: WatchService;
let accountId: string;
let deps: WatcherDeps;
const logs: string[] = [];
const log = {
  info: (fields: Record<string, unknown>, message: string) =>
    logs.push(JSON.stringify({ ...fields, message })),
  warn: (fields: Record<string, unknown>, message: string) =>
    logs.push(JSON.stringify({ ...fields, message })),
};

async function image(name: string): Promise<string> {
  const layout = join(dir, name);
  await writeOciLayout(layout, {
    tag: 'v',
    layers: [
      { entries: [{ name: `srv/${name}.txt`, content: `${name} ${randomBytes(4).toString('hex')}\n` }] },
    ],
  });
  return layout;
}

/** Polls the watch now and waits until the poll has been recorded. */
async function checkNow(id: string): Promise<WatchRecord> {
  const before = (await store.watches.get(accountId, id))!.lastCheckedAt;
  await new Promise((r) => setTimeout(r, 5)); // check times are ISO strings to the millisecond
  await watches.check(accountId, id);
  return waitFor(`a poll of ${id}`, async () => {
    const watch = await store.watches.get(accountId, id);
    return watch?.lastCheckedAt !== undefined && watch.lastCheckedAt !== before ? watch : undefined;
  });
}

beforeAll(async () => {
  registry = await startRegistry({ htpasswd: USER });
  proxy = await startRecordingProxy(registry);
  store = await openServiceStore({ sqlitePath: join(dataDir, 'customs.db') });
  const secretBox = createSecretBox(randomBytes(32));
  accountId = (await store.accounts.create({ name: 'team', role: 'user' })).id;
  await new RegistryService(store, secretBox, () => new Date()).put(accountId, {
    registry: proxy.host,
    registry_user: USER.user,
    registry_pass: USER.password,
    registry_verify: false,
  });
  queue = new InProcessQueue({ sqlitePath: join(dataDir, 'customs.db'), pollIntervalMs: 100 });
  await queue.start();
  // The administrator allows the local registry past the service's address rule.
  deps = makeWatcherDeps({ store, queue, secretBox, dataDir, log, allowedRegistryHosts: [proxy.host] });
  await queue.work('poll-tag', (job) => pollWatchJob(deps, job));
  await queue.work('poll-repository', (job) => pollWatchJob(deps, job));
  watches = new WatchService(store, queue, () => new Date());
}, 60_000);

afterAll(async () => {
  await queue?.stop({ timeoutMs: 1000 });
  await store?.close();
  await proxy?.close();
  await registry?.stop();
});

describe('tag polling', () => {
  it('records a watched tag, polls it with If-None-Match, and tells a new digest once', async () => {
    await pushOci(await image('a'), 'v', `${registry.host}/team/app:1`, CREDS);
    const created = await watches.create(accountId, { kind: 'tag', tag: `${proxy.host}/team/app:1` });
    expect(created).toMatchObject({ kind: 'tag', tag: `${proxy.host}/team/app:1`, intervalSeconds: 300 });
    const first = await waitFor('the first poll', async () => {
      const watch = await store.watches.get(accountId, created.id);
      return watch?.lastImageDigest ? watch : undefined;
    });
    const digestA = first.lastImageDigest!;
    expect(first.lastDigest).toBe(digestA); // a single manifest: the tag's digest is the image's
    expect(first.lastEtag).toBeTruthy();
    expect(first.lastError).toBeUndefined();
    expect((await store.images.get(accountId, digestA))?.tags.map((t) => t.fullTag)).toEqual([
      `${proxy.host}/team/app:1`,
    ]);
    expect((await queue.lastByKey('analyze-image', digestA))?.state).toBe('queued');
    const afterFirst = await store.events.list(accountId, { type: 'tag_update' }, { limit: 10, offset: 0 });
    expect(afterFirst.items.map((e) => e.payload)).toEqual([
      { fullTag: `${proxy.host}/team/app:1`, digest: digestA },
    ]);

    // Unchanged: a HEAD with the ETag, answered 304; nothing added, nothing told.
    const heads = proxy.seen.length;
    const second = await checkNow(created.id);
    const sent = proxy.seen.slice(heads).filter((r) => r.path === '/v2/team/app/manifests/1');
    expect(sent.map((r) => [r.method, r.ifNoneMatch, r.status])).toContainEqual([
      'HEAD',
      first.lastEtag,
      304,
    ]);
    expect(sent.every((r) => r.method === 'HEAD')).toBe(true);
    expect(second.lastImageDigest).toBe(digestA);
    expect((await store.events.list(accountId, { type: 'tag_update' }, { limit: 10, offset: 0 })).total).toBe(
      1,
    );
    expect((await store.images.list(accountId, {}, { limit: 10, offset: 0 })).total).toBe(1);

    // The tag moves: B is added, its analysis queued, one tag_update with A as the previous digest.
    await pushOci(await image('b'), 'v', `${registry.host}/team/app:1`, CREDS);
    const third = await checkNow(created.id);
    const digestB = third.lastImageDigest!;
    expect(digestB).not.toBe(digestA);
    expect((await queue.lastByKey('analyze-image', digestB))?.state).toBe('queued');
    const moved = await store.events.list(
      accountId,
      { type: 'tag_update', digest: digestB },
      { limit: 10, offset: 0 },
    );
    expect(moved.items.map((e) => [e.fullTag, e.payload])).toEqual([
      [
        `${proxy.host}/team/app:1`,
        { fullTag: `${proxy.host}/team/app:1`, digest: digestB, previousDigest: digestA },
      ],
    ]);
    expect((await store.events.list(accountId, { type: 'tag_update' }, { limit: 10, offset: 0 })).total).toBe(
      2,
    );

    // And polled again: unchanged once more.
    await checkNow(created.id);
    expect((await store.events.list(accountId, { type: 'tag_update' }, { limit: 10, offset: 0 })).total).toBe(
      2,
    );
    // The credential went to the registry, never into a log line.
    expect(logs.join('\n')).not.toContain(USER.password);
  }, 90_000);

  it('records a missing tag as the watch’s error and a second watch of the same tag as a conflict', async () => {
    const watch = await watches.create(accountId, { kind: 'tag', tag: `${proxy.host}/team/none:1` });
    const polled = await waitFor('the poll of a missing tag', async () => {
      const w = await store.watches.get(accountId, watch.id);
      return w?.lastError ? w : undefined;
    });
    expect(polled.lastError).toContain('does not exist');
    expect(polled.lastDigest).toBeUndefined();
    await expect(
      watches.create(accountId, { kind: 'tag', tag: `${proxy.host}/team/none:1` }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  }, 30_000);
});

describe('repository watching', () => {
  it('takes at most the limit of new tags a run, newest-looking first, each once', async () => {
    const a = await image('r1');
    const b = await image('r2');
    await pushOci(a, 'v', `${registry.host}/team/repo:1.9`, CREDS);
    await pushOci(b, 'v', `${registry.host}/team/repo:1.10`, CREDS);
    const created = await watches.create(accountId, {
      kind: 'repository',
      repository: `${proxy.host}/team/repo`,
      limit: 1,
    });
    const first = await waitFor('the first repository poll', async () => {
      const tags = await store.watches.seenTags(accountId, created.id);
      return tags.length > 0 ? tags : undefined;
    });
    expect(first).toEqual(['1.10']); // 1.10 is newer than 1.9, by number
    const second = await checkNow(created.id);
    expect(second.lastError).toBeUndefined();
    expect(await store.watches.seenTags(accountId, created.id)).toEqual(['1.10', '1.9']);
    await checkNow(created.id);
    expect(await store.watches.seenTags(accountId, created.id)).toEqual(['1.10', '1.9']);
    const images = await store.images.list(accountId, {}, { limit: 50, offset: 0 });
    const tagged = images.items
      .flatMap((i) => i.tags.map((t) => t.fullTag))
      .filter((t) => t.includes('/team/repo:'));
    expect(tagged.sort()).toEqual([`${proxy.host}/team/repo:1.10`, `${proxy.host}/team/repo:1.9`]);
    // Both went through tags/list.
    expect(proxy.seen.some((r) => r.method === 'GET' && r.path.startsWith('/v2/team/repo/tags/list'))).toBe(
      true,
    );
  }, 90_000);

  it('follows the Link header of a paged tag list', () => {
    expect(nextPage('</v2/team/repo/tags/list?last=b&n=2>; rel="next"')).toBe('tags/list?last=b&n=2');
    expect(nextPage(undefined)).toBeUndefined();
    expect(nextPage('</v2/x/tags/list?last=b>; rel="prev"')).toBeUndefined();
  });
});

describe('the scheduled sweep', () => {
  it('polls a due watch on its interval with no one asking', async () => {
    await pushOci(await image('s'), 'v', `${registry.host}/team/swept:1`, CREDS);
    const watch = await store.watches.create({
      accountId,
      kind: 'tag',
      registry: proxy.host,
      repository: 'team/swept',
      tag: '1',
      intervalSeconds: 1,
      at: new Date().toISOString(),
    });
    await queue.work('poll-watches', async (job) => void (await pollWatchesJob(deps, job)));
    await queue.schedule('poll-watches', {}, { everySeconds: 0.5 });
    const checks = new Set<string>();
    await waitFor(
      'three polls by the sweep',
      async () => {
        const w = await store.watches.get(accountId, watch.id);
        if (w?.lastCheckedAt) checks.add(w.lastCheckedAt);
        return checks.size >= 3 ? true : undefined;
      },
      15_000,
      50,
    );
    await queue.unschedule('poll-watches');
    const polled = (await store.watches.get(accountId, watch.id))!;
    expect(polled.lastImageDigest).toMatch(/^sha256:/);
    const times = [...checks].sort();
    for (let i = 1; i < times.length; i++)
      expect(Date.parse(times[i]!) - Date.parse(times[i - 1]!)).toBeGreaterThanOrEqual(900); // its interval
    const told = await store.events.list(
      accountId,
      { type: 'tag_update', fullTag: `${proxy.host}/team/swept:1` },
      { limit: 10, offset: 0 },
    );
    expect(told.total).toBe(1);
  }, 30_000);
});
