import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/errors/index.js';
import {
  MIGRATIONS,
  migrate,
  openDriver,
  openServiceStore,
  type Migration,
  type ServiceStore,
  type SqlDriver,
} from '../../../src/server/store/index.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';

const { sqlite, postgres } = await serviceStoreBackends();
if (!postgres)
  describe('service store migrations: postgres', () => {
    it.skip('skipped: no PostgreSQL server reachable (set CUSTOMS_TEST_POSTGRES_URL)', () => undefined);
  });

/** The user tables of the database, sorted. */
async function tables(driver: SqlDriver): Promise<string[]> {
  const sql =
    driver.dialect === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      : "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";
  return (await driver.query<{ name: string }>(sql)).rows.map((r) => r.name);
}

async function indexes(driver: SqlDriver): Promise<string[]> {
  const sql =
    driver.dialect === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      : "SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' ORDER BY indexname";
  return (await driver.query<{ name: string }>(sql)).rows.map((r) => r.name);
}

/** A second step used only here, to test going up and down past the first. */
const extraStep: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'test-extra-table',
  up: {
    sqlite: ['CREATE TABLE test_extra (id TEXT PRIMARY KEY)'],
    postgres: ['CREATE TABLE test_extra (id TEXT PRIMARY KEY)'],
  },
  down: { sqlite: ['DROP TABLE test_extra'], postgres: ['DROP TABLE test_extra'] },
};

const SERVICE_TABLES = [
  'accounts',
  'analyses',
  'analysis_lookups',
  'analysis_packages',
  'analysis_views',
  'api_keys',
  'deliveries',
  'evaluations',
  'events',
  'image_tags',
  'images',
  'layer_blobs',
  'policies',
  'registry_credentials',
  'scan_vulnerabilities',
  'scans',
  'schema_migrations',
  'subscriptions',
  'trends',
  'watch_tags',
  'watches',
  'webhooks',
];

describe.each([sqlite, ...(postgres ? [postgres] : [])])('service store migrations: $name', (backend) => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
  });
  async function driverFor(): Promise<SqlDriver> {
    const driver = openDriver(await backend.freshOptions());
    opened.push(driver);
    return driver;
  }

  it('goes up all the way, down to an empty schema, and up again', async () => {
    const driver = await driverFor();
    const latest = MIGRATIONS.length;
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(await tables(driver)).toEqual([]);
    const up = await migrate(driver, [...MIGRATIONS, extraStep]);
    expect(up).toEqual({ applied: [...versions, latest + 1], reverted: [], version: latest + 1 });
    expect(await tables(driver)).toEqual([...SERVICE_TABLES, 'test_extra'].sort());
    expect(await indexes(driver)).toEqual(
      expect.arrayContaining([
        'images_digest',
        'image_tags_full_tag',
        'analysis_packages_name_type',
        'scan_vulnerabilities_id',
        'evaluations_account_digest_time',
        'policies_one_active',
        'events_account_id',
      ]),
    );
    const recorded = await driver.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    expect(recorded.rows.map((r) => [Number(r.version), r.name])).toEqual([
      ...MIGRATIONS.map((m) => [m.version, m.name]),
      [latest + 1, 'test-extra-table'],
    ]);
    expect(recorded.rows.slice(0, 3).map((r) => r.name)).toEqual([
      'initial-schema',
      'analysis-views',
      'events',
    ]);
    expect(recorded.rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await migrate(driver, [...MIGRATIONS, extraStep], latest)).toEqual({
      applied: [],
      reverted: [latest + 1],
      version: latest,
    });
    expect(await tables(driver)).toEqual(SERVICE_TABLES);
    // Down one step at a time: each step removes what it added, and nothing else.
    let before = await tables(driver);
    for (let version = latest; version >= 1; version--) {
      expect(await migrate(driver, MIGRATIONS, version - 1)).toEqual({
        applied: [],
        reverted: [version],
        version: version - 1,
      });
      const after = await tables(driver);
      expect(before).toEqual(expect.arrayContaining(after));
      before = after;
    }
    expect(await migrate(driver, MIGRATIONS, 1)).toEqual({ applied: [1], reverted: [], version: 1 });
    expect(await tables(driver)).not.toContain('analysis_views');
    expect(await migrate(driver, MIGRATIONS, 0)).toEqual({ applied: [], reverted: [1], version: 0 });
    expect(await tables(driver)).toEqual([]);
    expect(await indexes(driver)).toEqual([]);
    expect(await migrate(driver, MIGRATIONS)).toEqual({ applied: versions, reverted: [], version: latest });
    expect(await tables(driver)).toEqual(SERVICE_TABLES);
    expect(await migrate(driver, MIGRATIONS)).toEqual({ applied: [], reverted: [], version: latest });
  });

  it('refuses a database migrated by a newer Customs, in one line, and leaves it alone', async () => {
    const options = await backend.freshOptions();
    const driver = openDriver(options);
    opened.push(driver);
    await migrate(driver, [...MIGRATIONS, extraStep]);
    const error = await openServiceStore(options).then(
      (store) => store.close().then(() => undefined),
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `has schema version ${MIGRATIONS.length + 1}, newer than this Customs knows \\(${MIGRATIONS.length}\\): upgrade Customs$`,
      ),
    );
    expect((error as Error).message).not.toContain('\n');
    expect(await tables(driver)).toContain('test_extra');
  });

  it('refuses a database whose applied migration differs from the code', async () => {
    const driver = await driverFor();
    await migrate(driver, MIGRATIONS);
    await driver.query("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1");
    await expect(migrate(driver, MIGRATIONS)).rejects.toThrow(
      /schema migration 1 \(initial-schema\) was applied from different SQL/,
    );
  });

  it('a migration that fails part-way leaves the schema as it was', async () => {
    const driver = await driverFor();
    await migrate(driver, MIGRATIONS);
    const broken: Migration = {
      ...extraStep,
      up: {
        sqlite: ['CREATE TABLE test_extra (id TEXT)', 'CREATE TABLE accounts (id TEXT)'],
        postgres: ['CREATE TABLE test_extra (id TEXT)', 'CREATE TABLE accounts (id TEXT)'],
      },
    };
    await expect(migrate(driver, [...MIGRATIONS, broken])).rejects.toBeInstanceOf(StoreError);
    expect(await tables(driver)).toEqual(SERVICE_TABLES);
    expect((await driver.query('SELECT version FROM schema_migrations')).rows).toHaveLength(
      MIGRATIONS.length,
    );
  });

  it('processes opening the same database together migrate it once', async () => {
    const options = await backend.freshOptions();
    const stores: ServiceStore[] = await Promise.all([1, 2, 3, 4].map(() => openServiceStore(options)));
    opened.push(...stores);
    const driver = openDriver(options);
    opened.push(driver);
    const rows = await driver.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows.rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    await stores[0]!.accounts.create({ name: 'a', role: 'user' });
    expect((await stores[3]!.accounts.list()).map((a) => a.name)).toEqual(['a']);
  });
});
