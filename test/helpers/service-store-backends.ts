import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { createScratchDatabase } from '../../src/vulndb/store/testing/scratch-postgres.js';
import {
  openServiceStore,
  type ServiceStore,
  type ServiceStoreOptions,
} from '../../src/server/store/index.js';
import { tempDir } from './temp-dir.js';

/** One kind of service store for tests that run against both. */
export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /** Options naming a fresh, empty database (nothing opened yet). */
  freshOptions(): Promise<ServiceStoreOptions>;
  /** A migrated store on a fresh, empty database. */
  fresh(): Promise<ServiceStore>;
}

/**
 * SQLite in a temporary directory, and PostgreSQL in a database created for this test file on
 * CUSTOMS_TEST_POSTGRES_URL's server (default 127.0.0.1:5432) and dropped when the file ends:
 * a fresh() there empties the schema. `postgres` is undefined when no server answers.
 */
export async function serviceStoreBackends(): Promise<{ sqlite: StoreBackend; postgres?: StoreBackend }> {
  const dir = tempDir('customs-service-store-');
  let counter = 0;
  const sqlite: StoreBackend = {
    name: 'sqlite',
    freshOptions: async () => ({ sqlitePath: join(dir, `store-${counter++}.db`) }),
    fresh: async () => openServiceStore({ sqlitePath: join(dir, `store-${counter++}.db`) }),
  };
  const scratch = await createScratchDatabase();
  if (!scratch) return { sqlite };
  afterAll(() => scratch.drop());
  const postgres: StoreBackend = {
    name: 'postgres',
    freshOptions: async () => {
      await resetSchema(scratch.url);
      return { databaseUrl: scratch.url };
    },
    fresh: async () => {
      await resetSchema(scratch.url);
      return openServiceStore({ databaseUrl: scratch.url });
    },
  };
  return { sqlite, postgres };
}

async function resetSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}
