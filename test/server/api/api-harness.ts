import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../../src/server/app/build-app.js';
import { loggerOptions } from '../../../src/server/app/logger-options.js';
import { bootstrapAdmin } from '../../../src/server/auth/bootstrap-admin.js';
import { createSecretBox } from '../../../src/server/store/secret-box/index.js';
import { openServiceStore } from '../../../src/server/store/open-store.js';
import type { ServiceStore } from '../../../src/server/store/types.js';
import { RecordingQueue } from './recording-queue.js';

export interface ApiHarness {
  app: FastifyInstance;
  store: ServiceStore;
  queue: RecordingQueue;
  dataDir: string;
  adminKey: string;
  /** Every log line the app wrote. */
  logs: string[];
  close(): Promise<void>;
}

/** The API over a fresh SQLite store in a temp dir, its log lines captured. */
export async function startApi(options: { vulnData?: string } = {}): Promise<ApiHarness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'customs-api-'));
  const store = await openServiceStore({ sqlitePath: path.join(dataDir, 'customs.db') });
  const queue = new RecordingQueue();
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
  });
  const { createdKey } = await bootstrapAdmin(store);
  return {
    app,
    store,
    queue,
    dataDir,
    adminKey: createdKey!,
    logs,
    async close() {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });
