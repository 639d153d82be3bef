import type { RateLimitSettings } from '../../../src/server/app/rate-limit-settings.js';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app/build-app.js';
import { loggerOptions } from '../../../src/server/app/logger-options.js';
import { bootstrapAdmin } from '../../../src/server/auth/bootstrap-admin.js';
import { openJobQueue } from '../../../src/server/queue/open-queue.js';
import type { JobInfo, JobName, JobPayloads, JobQueue, JobState } from '../../../src/server/queue/types.js';
import { createSecretBox } from '../../../src/server/store/secret-box/index.js';
import { openServiceStore } from '../../../src/server/store/open-store.js';
import type { ServiceStore } from '../../../src/server/store/types.js';
import { serviceStoreBackends, type StoreBackend } from '../../helpers/service-store-backends.js';

export interface ApiHarness {
  app: FastifyInstance;
  store: ServiceStore;
  /** The real queue beside the store (in-process over SQLite, pg-boss over PostgreSQL); no worker. */
  queue: JobQueue;
  backend: StoreBackend['name'];
  dataDir: string;
  adminKey: string;
  /** Every log line the app wrote. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The backends the API tests run on: SQLite always, PostgreSQL when the local server answers
 * (else a skipped test says so). Call once per test file, at top level.
 */
export async function apiBackends(): Promise<StoreBackend[]> {
  const { sqlite, postgres } = await serviceStoreBackends();
  if (!postgres)
    describe('API on postgres', () => {
      it.skip('skipped: no PostgreSQL server reachable (set CUSTOMS_TEST_POSTGRES_URL)', () => undefined);
    });
  return [sqlite, ...(postgres ? [postgres] : [])];
}

/** The API over a fresh store of the backend and its real queue, its log lines captured. */
export async function startApi(
  backend: StoreBackend,
  options: {
    vulnData?: string;
    maxUploadBytes?: number;
    allowedWebhookHosts?: string[];
    rateLimits?: RateLimitSettings;
  } = {},
): Promise<ApiHarness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'customs-api-'));
  const location = await backend.freshOptions();
  if ('databaseUrl' in location) await dropSchema(location.databaseUrl, 'pgboss');
  const store = await openServiceStore(location);
  const queue = openJobQueue(location, { pollIntervalMs: 500 });
  await queue.start();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino({ ...loggerOptions('debug') }, sink);
  const app = await buildApp({
    store,
    queue,
    vulnData: options.vulnData ?? path.join(dataDir, 'no-vulndb.sqlite'),
    secretBox: createSecretBox(randomBytes(32)),
    logger,
    dataDir,
    insecureRegistries: ['127.0.0.1'],
    ...(options.maxUploadBytes !== undefined ? { maxUploadBytes: options.maxUploadBytes } : {}),
    ...(options.allowedWebhookHosts ? { allowedWebhookHosts: options.allowedWebhookHosts } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  const { createdKey } = await bootstrapAdmin(store);
  return {
    app,
    store,
    queue,
    backend: backend.name,
    dataDir,
    adminKey: createdKey!,
    logs,
    async close() {
      await app.close();
      await queue.stop({ timeoutMs: 5_000 });
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** pg-boss keeps its own schema, which a fresh store's reset leaves alone. */
async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** How many jobs of the name are in the state (0 when none). */
export async function jobCount(queue: JobQueue, name: JobName, state: JobState = 'queued'): Promise<number> {
  return (await queue.counts())[name][state] ?? 0;
}

/**
 * The open job holding the singleton key, read back through the queue: enqueue answers the id of
 * the open job with the same key (and adds none, which the counts confirm), get() reads it.
 */
export async function openJob<N extends JobName>(
  queue: JobQueue,
  name: N,
  data: JobPayloads[N],
  singletonKey: string,
): Promise<JobInfo | undefined> {
  const before = await queue.counts();
  const id = await queue.enqueue(name, data, { singletonKey });
  const after = await queue.counts();
  if (JSON.stringify(after[name]) !== JSON.stringify(before[name])) return undefined; // there was none
  const job = await queue.get(id);
  expect(job?.name).toBe(name);
  return job;
}

/** The digest the operations' {digest} parameters name. */
export const DIGEST = `sha256:${'a'.repeat(64)}`;

export interface Operation {
  method: string;
  path: string;
  url: string;
}

/** Every operation the OpenAPI document lists, with its path parameters filled in. */
export async function openApiOperations(app: FastifyInstance): Promise<Operation[]> {
  const doc = (await app.inject({ url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const method of Object.keys(methods)) {
      const url = path
        .replace('{digest}', DIGEST)
        .replace('{ctype}', 'os')
        .replace('{mtype}', 'manifest')
        .replace('{vtype}', 'all')
        .replace(/\{[^}]+\}/g, 'x');
      result.push({ method: method.toUpperCase(), path, url });
    }
  return result;
}

export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });
