import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, StoreError } from '../../../src/errors/index.js';
import type { ImageOrigin, ServiceStore } from '../../../src/server/store/index.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { digestOf, evaluation, sbomWith, scanWith } from './fixtures.js';

const { sqlite, postgres } = await serviceStoreBackends();
if (!postgres)
  describe('ServiceStore conformance: postgres', () => {
    it.skip('skipped: no PostgreSQL server reachable (set CUSTOMS_TEST_POSTGRES_URL)', () => undefined);
  });

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-01T11:00:00.000Z';
const T2 = '2026-03-01T12:00:00.000Z';
const ORIGIN: ImageOrigin = { kind: 'registry', reference: `127.0.0.1:5000/acme/app@${digestOf(1)}` };

function tagOf(repository: string, tag: string) {
  return { registry: 'docker.io', repository, tag, fullTag: `docker.io/${repository}:${tag}` };
}

describe.each([sqlite, ...(postgres ? [postgres] : [])])('ServiceStore conformance: $name', (backend) => {
  let store: ServiceStore;
  afterEach(async () => store?.close());

  async function twoAccounts(s: ServiceStore) {
    const alice = await s.accounts.create({ name: 'alice', role: 'user' });
    const bob = await s.accounts.create({ name: 'bob', role: 'user' });
    return { alice, bob };
  }

  it('reports its kind and answers ping', async () => {
    store = await backend.fresh();
    expect(store.kind).toBe(backend.name);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('accounts and keys', () => {
    it('creates, finds, lists and refuses a duplicate name', async () => {
      store = await backend.fresh();
      const admin = await store.accounts.create({ name: 'admin', role: 'admin' });
      await store.accounts.create({ name: 'carol', role: 'user' });
      expect(admin.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await store.accounts.get(admin.id)).toEqual(admin);
      expect(await store.accounts.byName('admin')).toEqual(admin);
      expect(await store.accounts.get('nope')).toBeUndefined();
      expect((await store.accounts.list()).map((a) => a.name)).toEqual(['admin', 'carol']);
      await expect(store.accounts.create({ name: 'admin', role: 'user' })).rejects.toThrow(
        new ConflictError('account admin already exists'),
      );
    });

    it('stores API keys by id, revokes them per account and records their use', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      const key = await store.apiKeys.create({ id: 'k1', accountId: alice.id, name: 'ci', secretHash: 'h1' });
      expect(await store.apiKeys.byId('k1')).toEqual(key);
      expect(key.revokedAt).toBeUndefined();
      await expect(
        store.apiKeys.create({ id: 'k1', accountId: bob.id, name: 'again', secretHash: 'h2' }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        store.apiKeys.create({ id: 'k2', accountId: 'no-such-account', name: 'x', secretHash: 'h' }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.apiKeys.list(bob.id)).toEqual([]);
      expect(await store.apiKeys.revoke(bob.id, 'k1', T1)).toBe(false);
      expect((await store.apiKeys.byId('k1'))?.revokedAt).toBeUndefined();
      expect(await store.apiKeys.revoke(alice.id, 'k1', T1)).toBe(true);
      expect(await store.apiKeys.revoke(alice.id, 'k1', T2)).toBe(true);
      await store.apiKeys.touch('k1', T2);
      const stored = await store.apiKeys.byId('k1');
      expect(stored).toMatchObject({ revokedAt: T1, lastUsedAt: T2, accountId: alice.id });
      expect((await store.apiKeys.list(alice.id)).map((k) => k.id)).toEqual(['k1']);
    });

    it('deletes an account and everything it owns, and nothing of another account', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      for (const account of [alice, bob]) {
        await store.apiKeys.create({
          id: `key-${account.name}`,
          accountId: account.id,
          name: 'k',
          secretHash: 'h',
        });
        await store.images.upsert({
          accountId: account.id,
          digest: digestOf(1),
          origin: ORIGIN,
          tag: tagOf('acme/app', '1'),
          at: T0,
        });
        await store.policies.put({ accountId: account.id, policyId: 'p', name: 'p', bundle: {}, at: T0 });
        await store.policies.activate(account.id, 'p', T0);
        await store.evaluations.add(evaluation(account.id, digestOf(1), T0));
        await store.registries.put({
          accountId: account.id,
          registry: 'reg.example:5000',
          username: 'u',
          sealedPassword: 'sealed',
          type: 'docker_v2',
          verifyTls: true,
          at: T0,
        });
      }
      expect(await store.accounts.delete(alice.id)).toBe(true);
      expect(await store.accounts.delete(alice.id)).toBe(false);
      expect(await store.accounts.get(alice.id)).toBeUndefined();
      expect(await store.apiKeys.byId('key-alice')).toBeUndefined();
      expect(await store.images.holders(digestOf(1))).toEqual([bob.id]);
      expect(await store.images.latestForTag(alice.id, 'docker.io/acme/app:1')).toBeUndefined();
      expect(await store.policies.list(alice.id)).toEqual([]);
      expect((await store.evaluations.history(alice.id, digestOf(1), { limit: 10, offset: 0 })).total).toBe(
        0,
      );
      expect(await store.registries.list(alice.id)).toEqual([]);
      // Bob keeps everything.
      expect(await store.apiKeys.byId('key-bob')).toBeDefined();
      expect((await store.images.get(bob.id, digestOf(1)))?.tags).toHaveLength(1);
      expect((await store.policies.active(bob.id))?.policyId).toBe('p');
      expect((await store.evaluations.history(bob.id, digestOf(1), { limit: 10, offset: 0 })).total).toBe(1);
      expect(await store.registries.list(bob.id)).toHaveLength(1);
    });
  });

  describe('images', () => {
    it('upserts: creates once, then merges tags and annotations', async () => {
      store = await backend.fresh();
      const { alice } = await twoAccounts(store);
      const first = await store.images.upsert({
        accountId: alice.id,
        digest: digestOf(1),
        origin: ORIGIN,
        annotations: { team: 'a' },
        tag: tagOf('acme/app', '1'),
        at: T0,
      });
      expect(first.created).toBe(true);
      expect(first.image).toMatchObject({
        accountId: alice.id,
        digest: digestOf(1),
        origin: ORIGIN,
        analysisStatus: 'not_analyzed',
        annotations: { team: 'a' },
        metadata: {},
        createdAt: T0,
        updatedAt: T0,
      });
      expect(first.image.analyzedAt).toBeUndefined();
      expect(first.image.tags).toEqual([{ ...tagOf('acme/app', '1'), detectedAt: T0 }]);
      const second = await store.images.upsert({
        accountId: alice.id,
        digest: digestOf(1),
        origin: { kind: 'sbom' },
        annotations: { owner: 'b' },
        tag: tagOf('acme/app', 'latest'),
        at: T1,
      });
      expect(second.created).toBe(false);
      expect(second.image.origin).toEqual(ORIGIN);
      expect(second.image.annotations).toEqual({ team: 'a', owner: 'b' });
      expect(second.image.tags.map((t) => t.fullTag)).toEqual([
        'docker.io/acme/app:latest',
        'docker.io/acme/app:1',
      ]);
      expect(await store.images.get(alice.id, digestOf(1))).toEqual(second.image);
    });

    it('never shows one account another account’s image', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      await store.images.upsert({
        accountId: alice.id,
        digest: digestOf(1),
        origin: ORIGIN,
        tag: tagOf('a', '1'),
        at: T0,
      });
      expect(await store.images.get(bob.id, digestOf(1))).toBeUndefined();
      expect(await store.images.list(bob.id, {}, { limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
      expect(await store.images.latestForTag(bob.id, 'docker.io/a:1')).toBeUndefined();
      expect(await store.images.delete(bob.id, digestOf(1))).toBe(false);
      expect(await store.images.get(alice.id, digestOf(1))).toBeDefined();
      await expect(
        store.images.upsert({ accountId: 'ghost', digest: digestOf(1), origin: ORIGIN, at: T0 }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('lists newest first with filters and totals that ignore the page', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      for (let i = 1; i <= 5; i++) {
        await store.images.upsert({
          accountId: alice.id,
          digest: digestOf(i),
          origin: ORIGIN,
          tag: tagOf('acme/app', i % 2 ? 'odd' : 'even'),
          at: `2026-03-0${i}T00:00:00.000Z`,
        });
      }
      await store.images.upsert({
        accountId: bob.id,
        digest: digestOf(9),
        origin: ORIGIN,
        tag: tagOf('acme/app', 'odd'),
        at: T0,
      });
      const page = await store.images.list(alice.id, {}, { limit: 2, offset: 1 });
      expect(page.total).toBe(5);
      expect(page.items.map((i) => i.digest)).toEqual([digestOf(4), digestOf(3)]);
      const odd = await store.images.list(
        alice.id,
        { fullTag: 'docker.io/acme/app:odd' },
        { limit: 2, offset: 0 },
      );
      expect(odd.total).toBe(3);
      expect(odd.items.map((i) => i.digest)).toEqual([digestOf(5), digestOf(3)]);
      expect(odd.items[0]!.tags.map((t) => t.fullTag)).toEqual(['docker.io/acme/app:odd']);
      await store.images.setStatus(digestOf(2), 'analyzed', { at: T2 });
      const analyzed = await store.images.list(
        alice.id,
        { analysisStatus: 'analyzed' },
        { limit: 10, offset: 0 },
      );
      expect(analyzed.items.map((i) => i.digest)).toEqual([digestOf(2)]);
      expect(analyzed.total).toBe(1);
      const none = await store.images.list(
        alice.id,
        { analysisStatus: 'analyzed', fullTag: 'docker.io/acme/app:odd' },
        { limit: 10, offset: 0 },
      );
      expect(none).toEqual({ items: [], total: 0 });
    });

    it('sets the status of every holder’s image, with failure reason and metadata', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      for (const a of [alice, bob])
        await store.images.upsert({ accountId: a.id, digest: digestOf(1), origin: ORIGIN, at: T0 });
      await store.images.upsert({ accountId: alice.id, digest: digestOf(2), origin: ORIGIN, at: T0 });
      expect(await store.images.holders(digestOf(1))).toEqual([alice.id, bob.id].sort());
      await store.images.setStatus(digestOf(1), 'analysis_failed', {
        at: T1,
        failureReason: 'registry said 401',
      });
      expect(await store.images.get(bob.id, digestOf(1))).toMatchObject({
        analysisStatus: 'analysis_failed',
        failureReason: 'registry said 401',
        updatedAt: T1,
      });
      const metadata = {
        arch: 'amd64',
        os: 'linux',
        distro: 'debian',
        distroVersion: '12',
        imageSize: 123,
        layerCount: 2,
      };
      await store.images.setStatus(digestOf(1), 'analyzed', { at: T2, metadata });
      const analyzed = await store.images.get(alice.id, digestOf(1));
      expect(analyzed).toMatchObject({ analysisStatus: 'analyzed', analyzedAt: T2, metadata });
      expect(analyzed?.failureReason).toBeUndefined();
      expect((await store.images.get(alice.id, digestOf(2)))?.analysisStatus).toBe('not_analyzed');
      await store.images.setStatus(digestOf(1), 'analyzing', { at: T2 });
      expect(await store.images.get(alice.id, digestOf(1))).toMatchObject({ metadata, analyzedAt: T2 });
    });

    it('knows the newest digest behind a tag and deletes an image with its tags', async () => {
      store = await backend.fresh();
      const { alice } = await twoAccounts(store);
      const tag = tagOf('acme/app', 'latest');
      await store.images.upsert({ accountId: alice.id, digest: digestOf(1), origin: ORIGIN, tag, at: T0 });
      await store.images.upsert({ accountId: alice.id, digest: digestOf(2), origin: ORIGIN, tag, at: T1 });
      expect(await store.images.latestForTag(alice.id, tag.fullTag)).toBe(digestOf(2));
      await store.images.upsert({ accountId: alice.id, digest: digestOf(1), origin: ORIGIN, tag, at: T2 });
      expect(await store.images.latestForTag(alice.id, tag.fullTag)).toBe(digestOf(1));
      expect(await store.images.delete(alice.id, digestOf(1))).toBe(true);
      expect(await store.images.get(alice.id, digestOf(1))).toBeUndefined();
      expect(await store.images.latestForTag(alice.id, tag.fullTag)).toBe(digestOf(2));
    });

    it('knows the digest a tag pointed to before a given one', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      const tag = tagOf('acme/app', 'latest');
      const other = tagOf('acme/other', 'latest');
      expect(await store.images.previousForTag(alice.id, tag.fullTag, digestOf(1))).toBeUndefined();
      await store.images.upsert({ accountId: alice.id, digest: digestOf(1), origin: ORIGIN, tag, at: T0 });
      await store.images.upsert({ accountId: alice.id, digest: digestOf(2), origin: ORIGIN, tag, at: T1 });
      await store.images.upsert({ accountId: alice.id, digest: digestOf(3), origin: ORIGIN, tag, at: T2 });
      await store.images.upsert({
        accountId: alice.id,
        digest: digestOf(4),
        origin: ORIGIN,
        tag: other,
        at: T2,
      });
      await store.images.upsert({ accountId: bob.id, digest: digestOf(5), origin: ORIGIN, tag, at: T1 });
      expect(await store.images.previousForTag(alice.id, tag.fullTag, digestOf(3))).toBe(digestOf(2));
      expect(await store.images.previousForTag(alice.id, tag.fullTag, digestOf(2))).toBe(digestOf(1));
      expect(await store.images.previousForTag(alice.id, tag.fullTag, digestOf(1))).toBeUndefined();
      // A digest never seen with the tag: the newest digest behind it.
      expect(await store.images.previousForTag(alice.id, tag.fullTag, digestOf(4))).toBe(digestOf(3));
      expect(await store.images.previousForTag(bob.id, tag.fullTag, digestOf(5))).toBeUndefined();
    });
  });

  describe('analyses', () => {
    it('stores and replaces an SBOM and its package index', async () => {
      store = await backend.fresh();
      expect(await store.analyses.getSbom(digestOf(1))).toBeUndefined();
      const first = sbomWith(['openssl', '3.0.1'], ['lodash', '4.17.20', 'npm']);
      await store.analyses.putSbom(digestOf(1), first, T0);
      expect(await store.analyses.getSbom(digestOf(1))).toEqual(first);
      const second = sbomWith(['openssl', '3.0.2']);
      await store.analyses.putSbom(digestOf(1), second, T1);
      expect(await store.analyses.getSbom(digestOf(1))).toEqual(second);
      const { alice } = await twoAccounts(store);
      await store.images.upsert({ accountId: alice.id, digest: digestOf(1), origin: ORIGIN, at: T0 });
      const lodash = await store.analyses.imagesByPackage(
        alice.id,
        { name: 'lodash' },
        { limit: 10, offset: 0 },
      );
      expect(lodash).toEqual({ items: [], total: 0 });
      const openssl = await store.analyses.imagesByPackage(
        alice.id,
        { name: 'openssl' },
        { limit: 10, offset: 0 },
      );
      expect(openssl.items).toEqual([
        { digest: digestOf(1), packages: [{ type: 'deb', name: 'openssl', version: '3.0.2' }] },
      ]);
    });

    it('finds the account’s images by package name, type and version, paged', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      for (let i = 1; i <= 4; i++) {
        await store.analyses.putSbom(
          digestOf(i),
          sbomWith(['lodash', `4.17.${i}`, 'npm'], ['lodash', '1.0.0', 'gem'], ['zlib', '1']),
          T0,
        );
        await store.images.upsert({
          accountId: i <= 3 ? alice.id : bob.id,
          digest: digestOf(i),
          origin: ORIGIN,
          at: T0,
        });
      }
      const all = await store.analyses.imagesByPackage(alice.id, { name: 'lodash' }, { limit: 2, offset: 0 });
      expect(all.total).toBe(3);
      expect(all.items.map((i) => i.digest)).toEqual([digestOf(1), digestOf(2)]);
      expect(all.items[0]!.packages).toEqual([
        { type: 'gem', name: 'lodash', version: '1.0.0', purl: 'pkg:gem/lodash@1.0.0' },
        { type: 'npm', name: 'lodash', version: '4.17.1', purl: 'pkg:npm/lodash@4.17.1' },
      ]);
      const rest = await store.analyses.imagesByPackage(
        alice.id,
        { name: 'lodash' },
        { limit: 2, offset: 2 },
      );
      expect(rest.items.map((i) => i.digest)).toEqual([digestOf(3)]);
      expect(rest.total).toBe(3);
      const npm = await store.analyses.imagesByPackage(
        alice.id,
        { name: 'lodash', type: 'npm', version: '4.17.2' },
        { limit: 10, offset: 0 },
      );
      expect(npm).toEqual({
        items: [
          {
            digest: digestOf(2),
            packages: [{ type: 'npm', name: 'lodash', version: '4.17.2', purl: 'pkg:npm/lodash@4.17.2' }],
          },
        ],
        total: 1,
      });
      const bobs = await store.analyses.imagesByPackage(
        bob.id,
        { name: 'lodash', type: 'npm' },
        { limit: 10, offset: 0 },
      );
      expect(bobs.items.map((i) => i.digest)).toEqual([digestOf(4)]);
      expect(
        (await store.analyses.imagesByPackage('ghost', { name: 'lodash' }, { limit: 10, offset: 0 })).total,
      ).toBe(0);
    });

    it('stores the latest scan and finds the account’s images by vulnerability', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      expect(await store.analyses.getScan(digestOf(1))).toBeUndefined();
      const old = scanWith(['CVE-2024-0001', 'openssl']);
      await store.analyses.putScan(digestOf(1), old, T0);
      const latest = scanWith(['CVE-2024-0002', 'openssl'], ['CVE-2024-0002', 'libssl3']);
      await store.analyses.putScan(digestOf(1), latest, T1);
      await store.analyses.putScan(digestOf(2), scanWith(['CVE-2024-0002', 'openssl']), T1);
      expect(await store.analyses.getScan(digestOf(1))).toEqual({ scan: latest, at: T1 });
      await store.images.upsert({ accountId: alice.id, digest: digestOf(1), origin: ORIGIN, at: T0 });
      await store.images.upsert({ accountId: bob.id, digest: digestOf(2), origin: ORIGIN, at: T0 });
      const gone = await store.analyses.imagesByVulnerability(alice.id, 'CVE-2024-0001', {
        limit: 10,
        offset: 0,
      });
      expect(gone).toEqual({ items: [], total: 0 });
      const found = await store.analyses.imagesByVulnerability(alice.id, 'CVE-2024-0002', {
        limit: 10,
        offset: 0,
      });
      expect(found.total).toBe(1);
      expect(found.items).toEqual([
        {
          digest: digestOf(1),
          vulnerabilities: ['libssl3', 'openssl'].map((packageName) => ({
            vulnerabilityId: 'CVE-2024-0002',
            severity: 'high',
            packageName,
            packageVersion: '1',
            packageType: 'deb',
            fixState: 'fixed',
            fixVersions: ['2'],
          })),
        },
      ]);
      const bobs = await store.analyses.imagesByVulnerability(bob.id, 'CVE-2024-0002', {
        limit: 1,
        offset: 1,
      });
      expect(bobs).toEqual({ items: [], total: 1 });
    });

    it('a failed write leaves the earlier SBOM and index as they were (one transaction)', async () => {
      store = await backend.fresh();
      const { alice } = await twoAccounts(store);
      await store.images.upsert({ accountId: alice.id, digest: digestOf(1), origin: ORIGIN, at: T0 });
      const good = sbomWith(['openssl', '3.0.1']);
      await store.analyses.putSbom(digestOf(1), good, T0);
      // 450 packages (three insert batches), the last one without a name: the index insert fails late.
      const bad = sbomWith(...Array.from({ length: 450 }, (_, i): [string, string] => [`pkg-${i}`, '1']));
      (bad.packages[449] as { name: unknown }).name = null;
      await expect(store.analyses.putSbom(digestOf(1), bad, T1)).rejects.toBeInstanceOf(StoreError);
      expect(await store.analyses.getSbom(digestOf(1))).toEqual(good);
      expect(
        (await store.analyses.imagesByPackage(alice.id, { name: 'pkg-0' }, { limit: 1, offset: 0 })).total,
      ).toBe(0);
      expect(
        (await store.analyses.imagesByPackage(alice.id, { name: 'openssl' }, { limit: 1, offset: 0 })).total,
      ).toBe(1);
      // The store still works after the rollback.
      await store.analyses.putSbom(digestOf(1), sbomWith(['pkg-0', '1']), T2);
      expect(
        (await store.analyses.imagesByPackage(alice.id, { name: 'pkg-0' }, { limit: 1, offset: 0 })).total,
      ).toBe(1);
    });
  });

  describe('policies', () => {
    it('puts, replaces (keeping the active flag) and lists bundles per account', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      const bundle = { id: 'p1', name: 'strict', policies: [{ id: 'x', rules: [] }] };
      const put = await store.policies.put({
        accountId: alice.id,
        policyId: 'p1',
        name: 'strict',
        bundle,
        at: T0,
      });
      expect(put).toEqual({
        accountId: alice.id,
        policyId: 'p1',
        name: 'strict',
        bundle,
        active: false,
        createdAt: T0,
        updatedAt: T0,
      });
      await store.policies.activate(alice.id, 'p1', T1);
      const replaced = await store.policies.put({
        accountId: alice.id,
        policyId: 'p1',
        name: 'stricter',
        bundle: { v: 2 },
        at: T2,
      });
      expect(replaced).toMatchObject({
        name: 'stricter',
        bundle: { v: 2 },
        active: true,
        createdAt: T0,
        updatedAt: T2,
      });
      expect(await store.policies.get(alice.id, 'p1')).toEqual(replaced);
      expect(await store.policies.get(bob.id, 'p1')).toBeUndefined();
      expect(await store.policies.list(bob.id)).toEqual([]);
      expect(await store.policies.active(bob.id)).toBeUndefined();
      expect(await store.policies.activate(bob.id, 'p1', T2)).toBe(false);
      expect(await store.policies.delete(bob.id, 'p1')).toBe(false);
    });

    it('keeps exactly one active bundle per account', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      for (const id of ['a', 'b', 'c']) {
        await store.policies.put({ accountId: alice.id, policyId: id, name: id, bundle: {}, at: T0 });
      }
      await store.policies.put({ accountId: bob.id, policyId: 'a', name: 'a', bundle: {}, at: T0 });
      expect(await store.policies.active(alice.id)).toBeUndefined();
      expect(await store.policies.activate(alice.id, 'a', T1)).toBe(true);
      expect(await store.policies.activate(bob.id, 'a', T1)).toBe(true);
      expect(await store.policies.activate(alice.id, 'b', T2)).toBe(true);
      expect((await store.policies.active(alice.id))?.policyId).toBe('b');
      expect((await store.policies.list(alice.id)).filter((p) => p.active).map((p) => p.policyId)).toEqual([
        'b',
      ]);
      expect((await store.policies.active(bob.id))?.policyId).toBe('a');
      // Activations racing each other still leave one.
      await Promise.all(['a', 'b', 'c', 'a', 'c'].map((id) => store.policies.activate(alice.id, id, T2)));
      expect((await store.policies.list(alice.id)).filter((p) => p.active)).toHaveLength(1);
    });

    it('refuses to delete the active bundle and deletes the others', async () => {
      store = await backend.fresh();
      const { alice } = await twoAccounts(store);
      await store.policies.put({ accountId: alice.id, policyId: 'a', name: 'a', bundle: {}, at: T0 });
      await store.policies.put({ accountId: alice.id, policyId: 'b', name: 'b', bundle: {}, at: T0 });
      await store.policies.activate(alice.id, 'a', T1);
      await expect(store.policies.delete(alice.id, 'a')).rejects.toBeInstanceOf(ConflictError);
      expect(await store.policies.get(alice.id, 'a')).toBeDefined();
      expect(await store.policies.delete(alice.id, 'b')).toBe(true);
      expect(await store.policies.delete(alice.id, 'b')).toBe(false);
      expect((await store.policies.list(alice.id)).map((p) => p.policyId)).toEqual(['a']);
    });
  });

  describe('evaluations', () => {
    it('adds records and answers latest and newest-first history with filters and totals', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      const first = await store.evaluations.add(evaluation(alice.id, digestOf(1), T0));
      const second = await store.evaluations.add(
        evaluation(alice.id, digestOf(1), T1, { finalAction: 'go' }),
      );
      await store.evaluations.add(evaluation(alice.id, digestOf(1), T2, { policyId: 'other' }));
      await store.evaluations.add(evaluation(alice.id, digestOf(1), T2, { tag: 'docker.io/acme/app:2' }));
      await store.evaluations.add(evaluation(bob.id, digestOf(1), T2));
      expect(first.id).not.toBe(second.id);
      expect(
        await store.evaluations.latest(alice.id, digestOf(1), 'docker.io/acme/app:1', 'default'),
      ).toEqual(second);
      expect(
        await store.evaluations.latest(alice.id, digestOf(2), 'docker.io/acme/app:1', 'default'),
      ).toBeUndefined();
      const all = await store.evaluations.history(alice.id, digestOf(1), { limit: 2, offset: 0 });
      expect(all.total).toBe(4);
      expect(all.items.map((e) => e.evaluatedAt)).toEqual([T2, T2]);
      const filtered = await store.evaluations.history(
        alice.id,
        digestOf(1),
        { limit: 1, offset: 1 },
        { tag: 'docker.io/acme/app:1', policyId: 'default' },
      );
      expect(filtered).toEqual({ items: [first], total: 2 });
      const bobs = await store.evaluations.history(bob.id, digestOf(1), { limit: 10, offset: 0 });
      expect(bobs.total).toBe(1);
      expect(bobs.items[0]!.accountId).toBe(bob.id);
    });

    it("answers the previous evaluation's final action for a tag and policy, leaving out the one given", async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      const filter = (exceptId: string) => ({ tag: 'docker.io/acme/app:1', policyId: 'default', exceptId });
      const first = await store.evaluations.add(
        evaluation(alice.id, digestOf(1), T0, { finalAction: 'stop' }),
      );
      expect(await store.evaluations.previousAction(alice.id, digestOf(1), filter(first.id))).toBeUndefined();
      await store.evaluations.add(
        evaluation(alice.id, digestOf(1), T1, { policyId: 'other', finalAction: 'warn' }),
      );
      await store.evaluations.add(evaluation(bob.id, digestOf(1), T1, { finalAction: 'warn' }));
      const second = await store.evaluations.add(
        evaluation(alice.id, digestOf(1), T2, { finalAction: 'go' }),
      );
      expect(await store.evaluations.previousAction(alice.id, digestOf(1), filter(second.id))).toBe('stop');
      expect(await store.evaluations.previousAction(alice.id, digestOf(1), filter('none'))).toBe('go');
      expect(await store.evaluations.previousAction(alice.id, digestOf(2), filter('none'))).toBeUndefined();
    });
  });

  describe('registry credentials', () => {
    it('puts, replaces, lists and deletes per account', async () => {
      store = await backend.fresh();
      const { alice, bob } = await twoAccounts(store);
      const base = {
        accountId: alice.id,
        registry: 'reg.example:5000',
        username: 'u',
        type: 'docker_v2' as const,
      };
      const put = await store.registries.put({ ...base, sealedPassword: 'sbx1.a', verifyTls: false, at: T0 });
      expect(put).toEqual({
        ...base,
        sealedPassword: 'sbx1.a',
        verifyTls: false,
        createdAt: T0,
        updatedAt: T0,
      });
      const replaced = await store.registries.put({
        ...base,
        name: 'prod',
        sealedPassword: 'sbx1.b',
        verifyTls: true,
        at: T1,
      });
      expect(replaced).toEqual({
        ...base,
        name: 'prod',
        sealedPassword: 'sbx1.b',
        verifyTls: true,
        createdAt: T0,
        updatedAt: T1,
      });
      expect(await store.registries.get(alice.id, 'reg.example:5000')).toEqual(replaced);
      expect(await store.registries.get(bob.id, 'reg.example:5000')).toBeUndefined();
      expect(await store.registries.list(bob.id)).toEqual([]);
      expect(await store.registries.delete(bob.id, 'reg.example:5000')).toBe(false);
      expect(await store.registries.list(alice.id)).toEqual([replaced]);
      expect(await store.registries.delete(alice.id, 'reg.example:5000')).toBe(true);
      expect(await store.registries.get(alice.id, 'reg.example:5000')).toBeUndefined();
    });
  });

  describe('layer blobs', () => {
    it('stores bytes once per key and counts entries and bytes', async () => {
      store = await backend.fresh();
      expect(await store.layers.stats()).toEqual({ entries: 0, bytes: 0 });
      expect(await store.layers.get('k1')).toBeUndefined();
      const bytes = Buffer.from([0, 1, 2, 255, 254, 0, 10]);
      await store.layers.put('k1', bytes, T0);
      await store.layers.put('k1', Buffer.from('something else'), T1);
      await Promise.all([
        store.layers.put('k2', Buffer.alloc(1000, 7), T1),
        store.layers.put('k2', Buffer.alloc(1000, 7), T1),
      ]);
      expect(await store.layers.get('k1')).toEqual(bytes);
      expect(await store.layers.get('k2')).toEqual(Buffer.alloc(1000, 7));
      expect(await store.layers.stats()).toEqual({ entries: 2, bytes: bytes.length + 1000 });
    });
  });
});
