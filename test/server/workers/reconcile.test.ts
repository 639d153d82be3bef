// The reconciler settles images no job will settle: a job dead-lettered while no handler ran
// (its worker killed on the last attempt) and an image whose job was never queued. Runs on both
// stores with the real queue beside each.
import { afterEach, describe, expect, it } from 'vitest';
import { openJobQueue, type QueueLocation } from '../../../src/server/queue/open-queue.js';
import type { JobQueue } from '../../../src/server/queue/types.js';
import { openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import { reconcileAnalyses } from '../../../src/server/worker/index.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { digestOf } from '../store/fixtures.js';
import { waitFor } from './worker-fixtures.js';

const backends = await serviceStoreBackends();
const later = () => new Date(Date.now() + 120_000);

describe.each([backends.sqlite, ...(backends.postgres ? [backends.postgres] : [])])(
  'reconcileAnalyses on $name',
  (backend) => {
    let store: ServiceStore;
    let queue: JobQueue;
    afterEach(async () => {
      await queue?.stop({ timeoutMs: 100 });
      await store?.close();
    });

    async function open(): Promise<string> {
      const location = (await backend.freshOptions()) as QueueLocation;
      store = await openServiceStore(location);
      queue = openJobQueue(location, { pollIntervalMs: 100, defaults: { retryLimit: 0 } });
      await queue.start();
      return (await store.accounts.create({ name: 'acme', role: 'user' })).id;
    }

    async function addImage(accountId: string, digest: string): Promise<void> {
      await store.images.upsert({
        accountId,
        digest,
        origin: { kind: 'registry', reference: `127.0.0.1:5000/acme/app@${digest}` },
        at: new Date().toISOString(),
      });
    }

    it('gives an image whose job was dead-lettered without a handler the job’s reason', async () => {
      const accountId = await open();
      const digest = digestOf(`${backend.name}-killed`);
      await addImage(accountId, digest);
      await store.images.setStatus(digest, 'analyzing', { at: new Date().toISOString() });
      const jobId = await queue.enqueue('analyze-image', { digest, accountId }, { singletonKey: digest });
      // The job fails without touching the image, as a worker killed on the last attempt leaves it.
      await queue.work('analyze-image', async () => {
        await Promise.resolve();
        throw new Error('the worker stopped before the job finished');
      });
      await waitFor(
        'job failed',
        async () => ((await queue.get(jobId))?.state === 'failed' ? true : undefined),
        20_000,
      );
      expect((await store.images.get(accountId, digest))?.analysisStatus).toBe('analyzing');

      // Within the grace period nothing is touched.
      expect(await reconcileAnalyses(store, queue, { graceSeconds: 60 })).toEqual({
        failed: [],
        requeued: [],
      });
      const outcome = await reconcileAnalyses(store, queue, { graceSeconds: 60, now: later });
      expect(outcome).toEqual({ failed: [digest], requeued: [] });
      expect(await store.images.get(accountId, digest)).toMatchObject({
        analysisStatus: 'analysis_failed',
        failureReason: 'the worker stopped before the job finished',
      });
      // Settled: a second pass finds nothing.
      expect(await reconcileAnalyses(store, queue, { graceSeconds: 60, now: later })).toEqual({
        failed: [],
        requeued: [],
      });
    });

    it('leaves an image alone while its job is queued, and queues one for an image that has none', async () => {
      const accountId = await open();
      const waiting = digestOf(`${backend.name}-waiting`);
      const orphan = digestOf(`${backend.name}-orphan`);
      await addImage(accountId, waiting);
      await addImage(accountId, orphan);
      const jobId = await queue.enqueue(
        'analyze-image',
        { digest: waiting, accountId },
        { singletonKey: waiting },
      );

      const outcome = await reconcileAnalyses(store, queue, { graceSeconds: 60, now: later });
      expect(outcome).toEqual({ failed: [], requeued: [orphan] });
      expect((await queue.lastByKey('analyze-image', waiting))?.id).toBe(jobId);
      const queued = await queue.lastByKey('analyze-image', orphan);
      expect(queued).toMatchObject({ state: 'queued', data: { digest: orphan, accountId } });
      // Its job is now open: the next pass leaves it.
      expect(await reconcileAnalyses(store, queue, { graceSeconds: 60, now: later })).toEqual({
        failed: [],
        requeued: [],
      });
    });
  },
);
