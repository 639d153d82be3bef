import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../import/testing/zip-writer.js';
import { FEED_PARSERS } from '../providers/registry.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { loadSyncConfig, parseModifiedIds, type SyncConfig } from './index.js';
import { syncDatabase } from './sync-database.js';

const osv = (id: string, name: string, fixed: string, modified: string): string =>
  JSON.stringify({
    id,
    modified,
    affected: [
      {
        package: { ecosystem: 'Go', name },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }],
      },
    ],
  });

/** Fixture feeds on 127.0.0.1; `routes` can be changed between runs, `hits` records requests. */
const routes = new Map<string, { status: number; body: Buffer | string }>();
const hits: string[] = [];
let server: Server;
let config: SyncConfig;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes.get(req.url ?? '');
    res.statusCode = route?.status ?? 404;
    res.end(route?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  config = loadSyncConfig(undefined, {
    CUSTOMS_OSV_URL: `${base}/osv`,
    CUSTOMS_EPSS_URL: `${base}/epss.csv.gz`,
    CUSTOMS_KEV_URL: `${base}/kev.json`,
  });
  config.osv.ecosystems = ['Go'];
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('db update against a local feed server', () => {
  it('reads modified_id.csv lines', () => {
    expect(parseModifiedIds('2024-05-01T00:00:00Z,GO-2\n2024-01-01T00:00:00Z,GO-1\njunk\n')).toEqual([
      { modified: '2024-05-01T00:00:00Z', id: 'GO-2' },
      { modified: '2024-01-01T00:00:00Z', id: 'GO-1' },
    ]);
  });

  it('keeps a failed provider, resumes without re-downloading finished ones, then syncs OSV incrementally', async () => {
    const store = openSqliteStore(':memory:');
    routes.set('/osv/Go/all.zip', {
      status: 200,
      body: makeZip({ 'GO-1.json': osv('GO-1', 'example.com/a', '1.0.1', '2024-01-01T00:00:00Z') }),
    });
    routes.set('/osv/Go/modified_id.csv', { status: 200, body: '2024-01-01T00:00:00Z,GO-1\n' });
    routes.set('/kev.json', { status: 500, body: 'oops' });
    routes.set('/epss.csv.gz', {
      status: 200,
      body: gzipSync(
        '#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000\ncve,epss,percentile\nCVE-2024-1234,0.5,0.9\n',
      ),
    });
    const first = await syncDatabase(store, {
      config,
      parsers: FEED_PARSERS,
      providers: ['osv', 'epss', 'kev'],
    });
    expect(first.failed.filter((f) => f.unit !== 'kev')).toEqual([]);
    expect(first.done.map((d) => d.unit)).toEqual(['osv:Go', 'epss']);
    expect(first.failed).toEqual([
      {
        unit: 'kev',
        reason: expect.stringMatching(/kev\.json: HTTP 500/) as unknown,
        previousData: false,
      },
    ]);
    expect((await store.affectedBy('go', 'example.com/a'))[0]?.fixedVersions).toEqual(['1.0.1']);

    hits.length = 0;
    routes.set('/kev.json', {
      status: 200,
      body: JSON.stringify({
        catalogVersion: '2025.01.02',
        vulnerabilities: [
          { cveID: 'CVE-2024-1234', dateAdded: '2025-01-01', vendorProject: 'v', product: 'p' },
        ],
      }),
    });
    const second = await syncDatabase(store, {
      config,
      parsers: FEED_PARSERS,
      providers: ['osv', 'epss', 'kev'],
    });
    expect(second.resumed).toEqual(['osv:Go', 'epss']);
    expect(second.done.map((d) => d.unit)).toEqual(['kev']);
    expect(hits).toEqual(['/kev.json']);
    expect((await store.status()).kev).toEqual({ entries: 1, catalogVersion: '2025.01.02' });

    hits.length = 0;
    routes.set('/osv/Go/modified_id.csv', {
      status: 200,
      body: '2024-06-01T00:00:00Z,GO-2\n2024-01-01T00:00:00Z,GO-1\n',
    });
    routes.set('/osv/Go/GO-2.json', {
      status: 200,
      body: osv('GO-2', 'example.com/b', '2.0.0', '2024-06-01T00:00:00Z'),
    });
    const third = await syncDatabase(store, { config, parsers: FEED_PARSERS, providers: ['osv'] });
    expect(third.failed).toEqual([]);
    expect(hits).toEqual(['/osv/Go/modified_id.csv', '/osv/Go/GO-2.json']);
    expect(await store.affectedBy('go', 'example.com/a')).toHaveLength(1);
    expect(await store.affectedBy('go', 'example.com/b')).toHaveLength(1);
    await store.close();
  });
});
