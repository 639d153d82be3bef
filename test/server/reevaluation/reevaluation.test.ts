// Re-evaluation proportional to a feed change, on both service stores: real OSV feed files
// imported by the sync-feeds job into a real SQLite vulnerability database, the in-process queue
// counting what was queued, evaluate-image run on what was queued, events and trends read back.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sbom } from '../../../src/model/sbom.js';
import { InProcessQueue } from '../../../src/server/queue/index.js';
import { createSecretBox, type ServiceStore } from '../../../src/server/store/index.js';
import { evaluateImageJob, syncFeedsJob, type WorkerDeps } from '../../../src/server/worker/index.js';
import type { EventRecord } from '../../../src/server/events/index.js';
import { pkg, sbomWith } from '../../helpers/memory-vuln-store.js';
import { serviceStoreBackends, type StoreBackend } from '../../helpers/service-store-backends.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { STOP_ON_HIGH } from '../workers/worker-fixtures.js';

const CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const backends = await serviceStoreBackends();
const signal = new AbortController().signal;

function advisory(id: string, name: string, fixed: string): unknown {
  return {
    id,
    modified: '2099-01-01T00:00:00Z',
    severity: [{ type: 'CVSS_V3', score: CRITICAL }],
    affected: [
      {
        package: { ecosystem: 'npm', name },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }],
      },
    ],
  };
}

const digestOf = (n: number): string => `sha256:${String(n).repeat(64).slice(0, 64)}`;

for (const backend of [backends.sqlite, backends.postgres].filter((b): b is StoreBackend => !!b)) {
  describe(`re-evaluation on feed change: ${backend.name}`, () => {
    const dir = tempDir(`customs-reeval-${backend.name}-`);
    const vulnDb = join(dir, 'vulns.db');
    let store: ServiceStore;
    let queue: InProcessQueue;
    let deps: WorkerDeps;
    let accountId: string;
    const A = digestOf(1); // lodash
    const B = digestOf(2); // express
    const C = digestOf(3); // lodash and left-pad
    const D = digestOf(4); // left-pad only
    let clock = Date.parse('2026-03-01T10:00:00.000Z');
    const now = (): Date => new Date((clock += 1000));

    /** Each digest's newest evaluate-image job id, to tell which ones an import queued. */
    let lastJobs = new Map<string, string | undefined>();
    const jobIds = async (): Promise<Map<string, string | undefined>> => {
      const out = new Map<string, string | undefined>();
      for (const digest of [A, B, C, D])
        out.set(digest, (await queue.lastByKey('evaluate-image', `evaluate:${digest}`))?.id);
      return out;
    };
    /** The digests the last import queued an evaluate-image for. */
    const queued = async (): Promise<string[]> => {
      const now = await jobIds();
      return [A, B, C, D].filter((d) => now.get(d) !== undefined && now.get(d) !== lastJobs.get(d));
    };
    const ran: string[] = [];
    /** Lets the worker run every queued evaluate-image; the digests it ran. */
    const drain = async (): Promise<string[]> => {
      const from = ran.length;
      const expected = (await queued()).length;
      for (let i = 0; i < 400 && ran.length < from + expected; i++)
        await new Promise((r) => setTimeout(r, 25));
      return ran.slice(from).sort();
    };
    const importFeeds = async (name: string, advisories: unknown[]): Promise<void> => {
      const feeds = join(dir, name);
      await rm(feeds, { recursive: true, force: true });
      await mkdir(feeds, { recursive: true });
      for (const a of advisories)
        await writeFile(join(feeds, `${(a as { id: string }).id}.json`), JSON.stringify(a));
      lastJobs = await jobIds();
      await syncFeedsJob(
        { ...deps, feeds: { importPaths: [feeds] } },
        { id: `sync-${name}`, data: {}, attempt: 1, lastAttempt: true, signal },
      );
    };
    const events = async (type: EventRecord['type']): Promise<EventRecord[]> =>
      (await store.events.list(accountId, { type }, { limit: 100, offset: 0 })).items;

    beforeAll(async () => {
      store = await backend.fresh();
      accountId = (await store.accounts.create({ name: 'team', role: 'user' })).id;
      const at = now().toISOString();
      await store.policies.put({ accountId, policyId: 'b', name: 'stop on high', bundle: STOP_ON_HIGH, at });
      await store.policies.activate(accountId, 'b', at);
      const sboms: [string, Sbom][] = [
        [A, sbomWith([pkg('npm', 'lodash', '4.17.11')], null)],
        [B, sbomWith([pkg('npm', 'express', '4.0.0')], null)],
        [C, sbomWith([pkg('npm', 'lodash', '4.17.11'), pkg('npm', 'left-pad', '1.0.0')], null)],
        [D, sbomWith([pkg('npm', 'left-pad', '1.0.0')], null)],
      ];
      for (const [digest, sbom] of sboms) {
        await store.images.upsert({
          accountId,
          digest,
          origin: { kind: 'sbom' },
          tag: {
            registry: 'example.test',
            repository: 'app',
            tag: digest.slice(7, 9),
            fullTag: `example.test/app:${digest.slice(7, 9)}`,
          },
          at,
        });
        await store.analyses.putSbom(digest, sbom, at);
        await store.images.setStatus(digest, 'analyzed', { at });
      }
      queue = new InProcessQueue({ sqlitePath: join(dir, 'queue.db'), pollIntervalMs: 20 });
      await queue.start();
      deps = {
        store,
        vulnData: vulnDb,
        secretBox: createSecretBox(randomBytes(32)),
        dataDir: dir,
        queue,
        now,
      };
      await queue.work(
        'evaluate-image',
        async (job) => {
          await evaluateImageJob(deps, job);
          ran.push(job.data.digest);
        },
        { concurrency: 1 },
      );
      // The first data: lodash < 4.17.12. Every image is new to it.
      await importFeeds('first', [advisory('GHSA-0001', 'lodash', '4.17.12')]);
      expect(await queued()).toEqual([A, C]);
      expect(await drain()).toEqual([A, C]);
      // B and D were analyzed too (the analysis evaluates them): evaluate them once the same way.
      for (const digest of [B, D])
        await evaluateImageJob(deps, {
          id: `first-${digest}`,
          data: { digest, accountId, reason: 'analysis' },
          attempt: 1,
          lastAttempt: true,
          signal,
        });
    }, 60_000);

    afterAll(async () => {
      await queue?.stop({ timeoutMs: 2_000 });
      await store?.close();
    });

    it('re-evaluates only the images holding a package the import changed, with the exact diff', async () => {
      const before = (await events('vuln_update')).length;
      const policyBefore = (await events('policy_eval')).length;
      // GHSA-0001 unchanged, a new advisory for express: only B holds express.
      await importFeeds('second', [
        advisory('GHSA-0001', 'lodash', '4.17.12'),
        advisory('GHSA-0002', 'express', '5.0.0'),
      ]);
      expect(await queued()).toEqual([B]);
      expect(await drain()).toEqual([B]);
      const updates = (await events('vuln_update')).slice(0, -before || undefined);
      expect(updates).toHaveLength(1);
      const payload = updates[0]!.payload as {
        digest: string;
        added: unknown[];
        removed: unknown[];
        updated: unknown[];
      };
      expect(payload.digest).toBe(B);
      expect(payload.added).toEqual([
        {
          vulnerabilityId: 'GHSA-0002',
          severity: 'critical',
          packageName: 'express',
          packageVersion: '4.0.0',
          packageType: 'npm',
          fixVersions: ['5.0.0'],
        },
      ]);
      expect(payload.removed).toEqual([]);
      expect(payload.updated).toEqual([]);
      // B's action went from warn to stop: one policy_eval, for B.
      const policy = (await events('policy_eval')).slice(
        0,
        (await events('policy_eval')).length - policyBefore,
      );
      expect(
        policy.map((e) => [
          e.digest,
          (e.payload as { previousAction?: string }).previousAction,
          (e.payload as { action: string }).action,
        ]),
      ).toEqual([[B, 'warn', 'stop']]);
      // The check history keeps both results with the feed state each was computed against.
      const history = await store.evaluations.history(accountId, B, { limit: 10, offset: 0 });
      expect(history.items.map((e) => e.finalAction)).toEqual(['stop', 'warn']);
      expect(history.items[0]!.feedState).toMatch(/^scanned .* against data synced /);
      expect(history.items[0]!.feedState).not.toBe(history.items[1]!.feedState);
    }, 60_000);

    it('queues nothing for an identical re-import', async () => {
      const count = (await events('vuln_update')).length;
      await importFeeds('third', [
        advisory('GHSA-0001', 'lodash', '4.17.12'),
        advisory('GHSA-0002', 'express', '5.0.0'),
      ]);
      expect(await queued()).toEqual([]);
      expect(await drain()).toEqual([]);
      expect((await events('vuln_update')).length).toBe(count);
    }, 60_000);

    it('publishes an updated match for changed fix versions, and no policy_eval when the action stays', async () => {
      const updates = (await events('vuln_update')).length;
      const policies = (await events('policy_eval')).length;
      await importFeeds('fourth', [
        advisory('GHSA-0001', 'lodash', '4.17.13'),
        advisory('GHSA-0002', 'express', '5.0.0'),
      ]);
      expect(await queued()).toEqual([A, C]);
      expect(await drain()).toEqual([A, C]);
      const fresh = (await events('vuln_update')).slice(0, (await events('vuln_update')).length - updates);
      expect(fresh.map((e) => e.digest).sort()).toEqual([A, C]);
      for (const e of fresh) {
        const p = e.payload as {
          added: unknown[];
          removed: unknown[];
          updated: { vulnerabilityId: string; changed: unknown }[];
        };
        expect(p.added).toEqual([]);
        expect(p.removed).toEqual([]);
        expect(p.updated.map((u) => [u.vulnerabilityId, u.changed])).toEqual([
          ['GHSA-0001', { fixVersions: [['4.17.12'], ['4.17.13']] }],
        ]);
      }
      expect((await events('policy_eval')).length).toBe(policies);
      // Removing an advisory: only images holding its package again.
      await importFeeds('fifth', [advisory('GHSA-0001', 'lodash', '4.17.13')]);
      expect(await queued()).toEqual([B]);
      expect(await drain()).toEqual([B]);
      const removed = (await events('vuln_update'))[0]!;
      expect(removed.digest).toBe(B);
      expect(
        (removed.payload as { removed: { vulnerabilityId: string }[] }).removed.map((r) => r.vulnerabilityId),
      ).toEqual(['GHSA-0002']);
    }, 60_000);

    it('writes a trend row per stored scan and evaluation, and sums the latest per day', async () => {
      const trends = await store.trends.forImage(accountId, B, {});
      // first import, express added, express removed
      expect(trends.map((t) => [t.counts.critical, t.kev, t.finalAction])).toEqual([
        [0, 0, 'warn'],
        [1, 0, 'stop'],
        [0, 0, 'warn'],
      ]);
      expect(trends.every((t) => t.policyId === 'b' && t.feedState.startsWith('scanned '))).toBe(true);
      // D was never re-evaluated (no package of it was touched): its one row is the first evaluation.
      expect((await store.trends.forImage(accountId, D, {})).map((t) => t.finalAction)).toEqual(['warn']);
      const days = await store.trends.daily(accountId, { since: '2026-03-01', until: '2026-03-01' }, now());
      expect(days).toEqual([
        {
          day: '2026-03-01',
          images: 4,
          counts: { critical: 2, high: 0, medium: 0, low: 0, negligible: 0, unknown: 0 },
          kev: 0,
          actions: { stop: 2, warn: 2 },
        },
      ]);
      expect(await store.trends.forImage(accountId, B, { until: trends[0]!.at })).toHaveLength(1);
    });
  });
}
