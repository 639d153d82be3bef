// The job handlers on real parts: a docker-registry with basic auth, the polyglot test image,
// the in-process queue over the SQLite store, a one-advisory vulnerability database.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/errors/index.js';
import { InProcessQueue } from '../../../src/server/queue/index.js';
import { ImageService } from '../../../src/server/services/image-service.js';
import { RegistryService } from '../../../src/server/services/registry-service.js';
import { UploadService } from '../../../src/server/services/upload-service.js';
import { uploadPath } from '../../../src/server/services/upload-path.js';
import { createSecretBox, openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import {
  analyzeImageJob,
  layerCacheDir,
  serviceLayerCache,
  startWorkers,
  syncFeedsJob,
  type RunningHandlers,
  type WorkerDeps,
} from '../../../src/server/worker/index.js';
import { checkImage, scanImage } from '../../../src/usecases/index.js';
import { openSqliteStore } from '../../../src/vulndb/store/sqlite/index.js';
import { pkg, sbomWith } from '../../helpers/memory-vuln-store.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { LODASH_ADVISORY, writeLodashDatabase } from '../../helpers/use-case-fixtures.js';
import { getTestImages } from '../../images/index.js';
import { startRegistry, type RunningRegistry } from '../../registry/registry-harness.js';
import { STOP_ON_HIGH, pushOci, waitFor } from './worker-fixtures.js';

const USER = { user: 'ci', password: `pw-${randomBytes(6).toString('hex')}` };
const dir = tempDir('customs-workers-');
const dataDir = join(dir, 'data');
const vulnDb = join(dir, 'vulns.db');
let registry: RunningRegistry;
let store: ServiceStore;
let queue: InProcessQueue;
let deps: WorkerDeps;
let handlers: RunningHandlers | undefined;
let images: ImageService;
let accountId: string;
let reference: string;
const now = (): Date => new Date();

beforeAll(async () => {
  const { polyglot } = getTestImages().images;
  registry = await startRegistry({ htpasswd: USER });
  reference = `${registry.host}/test/polyglot:1`;
  await pushOci(polyglot.ociDir, polyglot.tag, reference, `${USER.user}:${USER.password}`);
  await writeLodashDatabase(vulnDb);
  store = await openServiceStore({ sqlitePath: join(dataDir, 'customs.db') });
  const secretBox = createSecretBox(randomBytes(32));
  accountId = (await store.accounts.create({ name: 'team', role: 'user' })).id;
  const registries = new RegistryService(store, secretBox, now);
  await registries.put(accountId, {
    registry: registry.host,
    registry_user: USER.user,
    registry_pass: USER.password,
    registry_verify: false,
  });
  await store.policies.put({
    accountId,
    policyId: 'b',
    name: 'stop on high',
    bundle: STOP_ON_HIGH,
    at: now().toISOString(),
  });
  await store.policies.activate(accountId, 'b', now().toISOString());
  queue = new InProcessQueue({
    sqlitePath: join(dataDir, 'customs.db'),
    pollIntervalMs: 100,
    defaults: { retryLimit: 1, retryDelaySeconds: 0.2 },
  });
  await queue.start();
  deps = {
    store,
    vulnData: vulnDb,
    secretBox,
    dataDir,
    layerCache: serviceLayerCache(dataDir, store),
    // The administrator allows the local registry past the service's address rule.
    allowedRegistryHosts: [registry.host],
    now,
  };
  handlers = await startWorkers(queue, deps, { concurrency: 2 });
  images = new ImageService(store, queue, registries, {
    insecureRegistries: [],
    addressRule: { allowedHosts: ['127.0.0.1'] },
    noDockerConfig: join(dataDir, 'no-docker-config', 'config.json'),
    now,
  });
}, 120_000);

afterAll(async () => {
  await handlers?.stop();
  await queue?.stop({ timeoutMs: 5_000 });
  await store?.close();
  await registry?.stop();
});

const analyzed = (digest: string) =>
  waitFor(
    `${digest} analyzed`,
    async () => {
      const image = await store.images.get(accountId, digest);
      if (image?.analysisStatus === 'analysis_failed') throw new Error(`failed: ${image.failureReason}`);
      return image?.analysisStatus === 'analyzed' ? image : undefined;
    },
    90_000,
  );

describe('analyze-image', () => {
  let digest: string;

  it('stores the scan and evaluation that scanImage and checkImage give for the same image', async () => {
    const view = await images.addFromRegistry(accountId, { source: { tag: { pullstring: reference } } });
    digest = view.imageDigest;
    const image = await analyzed(digest);
    expect(image.metadata.layerCount).toBeGreaterThan(0);

    const local = {
      credentials: { username: USER.user, password: USER.password },
      insecureRegistries: [registry.host],
      dockerConfigPath: join(dir, 'none.json'),
    };
    const expected = await scanImage(`registry:${reference}`, { ...local, store: vulnDb });
    const stored = (await store.analyses.getScan(digest))!.scan;
    const ids = (scan: typeof stored) =>
      scan.matches.map((m) => `${m.vulnerability.id} ${m.package.name}@${m.package.version}`).sort();
    expect(ids(stored)).toEqual(ids(expected.scan));
    expect(ids(stored)).toContain(`${LODASH_ADVISORY} lodash@4.17.11`);
    const packages = (list: { type: string; name: string; version: string }[]) =>
      list.map((p) => `${p.type}:${p.name}@${p.version}`).sort();
    const sbom = (await store.analyses.getSbom(digest))!;
    expect(packages(sbom.packages)).toEqual(packages(expected.sbom.packages));
    expect(sbom.packages.length).toBeGreaterThan(50);

    const checked = await checkImage(
      `registry:${reference}`,
      { document: STOP_ON_HIGH, name: 'b' },
      {
        ...local,
        store: vulnDb,
        tag: reference,
      },
    );
    const evaluations = await store.evaluations.history(accountId, digest, { limit: 10, offset: 0 });
    expect(evaluations.total).toBe(1);
    expect(evaluations.items[0]!.finalAction).toBe(checked.result.finalAction);
    expect(evaluations.items[0]!.finalAction).toBe('stop');
    expect(evaluations.items[0]!.tag).toBe(reference);
    // The layers went into the data dir's cache.
    expect((await readdir(layerCacheDir(dataDir))).some((f) => f.endsWith('.layer'))).toBe(true);
  }, 120_000);

  it('is safe to run again: an analyzed image is left alone, one cut short is analyzed again', async () => {
    const ctx = (attempt: number) => ({
      id: randomUUID(),
      data: { digest, accountId },
      attempt,
      lastAttempt: false,
      signal: new AbortController().signal,
    });
    const before = (await store.analyses.getScan(digest))!;
    await analyzeImageJob(deps, ctx(2));
    expect((await store.evaluations.history(accountId, digest, { limit: 10, offset: 0 })).total).toBe(1);
    expect((await store.analyses.getScan(digest))!.at).toBe(before.at);

    // A worker killed mid-job leaves the image 'analyzing'; the job's next run completes it.
    await store.images.setStatus(digest, 'analyzing', { at: now().toISOString() });
    await analyzeImageJob(deps, ctx(2));
    expect((await store.images.get(accountId, digest))!.analysisStatus).toBe('analyzed');
    const after = (await store.analyses.getScan(digest))!;
    expect(after.scan.matches.map((m) => m.vulnerability.id)).toEqual(
      before.scan.matches.map((m) => m.vulnerability.id),
    );
    expect((await store.evaluations.history(accountId, digest, { limit: 10, offset: 0 })).total).toBe(2);
  }, 60_000);

  it('stops when its signal fires, without marking the image failed even on its last attempt', async () => {
    await store.images.setStatus(digest, 'not_analyzed', { at: now().toISOString() });
    const controller = new AbortController();
    controller.abort(new CancelledError('the worker is stopping'));
    const err = await analyzeImageJob(deps, {
      id: randomUUID(),
      data: { digest, accountId },
      attempt: 2,
      lastAttempt: true,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((await store.images.get(accountId, digest))!.analysisStatus).toBe('analyzing');
    await store.images.setStatus(digest, 'analyzed', { at: now().toISOString() });
  });

  it('ends analysis_failed with the reason for a reference the registry does not have', async () => {
    const missing = `${registry.host}/test/nothing@sha256:${'0'.repeat(64)}`;
    const view = await images.addFromRegistry(accountId, { source: { digest: { pullstring: missing } } });
    const image = await waitFor('the failure', async () => {
      const row = await store.images.get(accountId, view.imageDigest);
      return row?.analysisStatus === 'analysis_failed' ? row : undefined;
    });
    expect(image.failureReason).toMatch(/test\/nothing/);
    expect(image.failureReason).not.toContain(USER.password);
    const counts = await queue.counts();
    expect(counts['analyze-image'].failed).toBe(1);
  }, 60_000);
});

describe('evaluate-image', () => {
  it('scans and evaluates an uploaded SBOM without an image', async () => {
    const uploads = new UploadService(store, queue, images, { dataDir, now });
    const id = randomUUID();
    await mkdir(join(dataDir, 'uploads'), { recursive: true });
    const sbom = sbomWith(
      [
        pkg('npm', 'lodash', '4.17.11', { purl: 'pkg:npm/lodash@4.17.11' }),
        pkg('npm', 'customs-upload-only', '1.0.0', { purl: 'pkg:npm/customs-upload-only@1.0.0' }),
      ],
      null,
    );
    await writeFile(uploadPath(dataDir, id), JSON.stringify(sbom));
    const view = await uploads.register(accountId, id, 'example.test/app:1');
    const evaluation = await waitFor('the evaluation', async () => {
      const page = await store.evaluations.history(accountId, view.imageDigest, { limit: 1, offset: 0 });
      return page.items[0];
    });
    expect(evaluation.finalAction).toBe('stop');
    const scan = (await store.analyses.getScan(view.imageDigest))!.scan;
    expect(scan.matches.map((m) => m.vulnerability.id)).toEqual([LODASH_ADVISORY]);
  }, 30_000);
});

describe('sync-feeds', () => {
  it('imports a local feed folder into the vulnerability data, then re-evaluates the images holding a package it touched', async () => {
    const evaluated = async () => (await queue.counts())['evaluate-image'].completed ?? 0;
    const before = await evaluated();
    const analyzedImages = await store.images.list(
      accountId,
      { analysisStatus: 'analyzed' },
      { limit: 100, offset: 0 },
    );
    expect(analyzedImages.total).toBe(2); // the polyglot image and the uploaded SBOM
    const feeds = join(dir, 'feeds');
    await mkdir(feeds, { recursive: true });
    await writeFile(
      join(feeds, 'GHSA-2099-0001.json'),
      JSON.stringify({
        id: 'GHSA-2099-0001',
        modified: '2099-01-01T00:00:00Z',
        affected: [
          {
            package: { ecosystem: 'npm', name: 'customs-upload-only' },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.1' }] }],
          },
        ],
      }),
    );
    const target = join(dir, 'synced.db');
    await syncFeedsJob(
      { ...deps, vulnData: target, feeds: { importPaths: [feeds] }, queue },
      { id: 'sync', data: {}, attempt: 1, lastAttempt: true, signal: new AbortController().signal },
    );
    const synced = openSqliteStore(target, { readonly: true });
    try {
      const status = await synced.status();
      expect(status.providers.map((p) => [p.provider, p.vulnerabilities])).toEqual([['osv', 1]]);
    } finally {
      await synced.close();
    }
    // Only the image holding the package the feed touched (the uploaded SBOM), not the polyglot image.
    const holding = await store.analyses.imagesByPackage(
      accountId,
      { name: 'customs-upload-only', type: 'npm' },
      { limit: 100, offset: 0 },
    );
    expect(holding.total).toBe(1);
    await waitFor('the re-evaluations', async () =>
      (await evaluated()) === before + holding.total ? true : undefined,
    );
    // …and nothing more: the polyglot image, which the change does not touch, is not re-evaluated.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await evaluated()).toBe(before + 1);
    expect((await queue.counts())['evaluate-image'].queued ?? 0).toBe(0);
    const empty = join(dir, 'empty-feeds');
    await mkdir(empty);
    await expect(
      syncFeedsJob(
        { ...deps, vulnData: join(dir, 'nothing.db'), feeds: { importPaths: [empty] } },
        { id: 'sync', data: {}, attempt: 1, lastAttempt: true, signal: new AbortController().signal },
      ),
    ).rejects.toThrow(/nothing could be imported/);
  });
});
