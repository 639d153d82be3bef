import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_PARSERS } from '../providers/registry.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import {
  DEFAULT_SYNC_PROVIDERS,
  loadSyncConfig,
  NVD_CURSOR,
  SYNC_PROVIDERS,
  syncDatabase,
  type SyncConfig,
} from './index.js';

/** One NVD CVE API 2.0 page holding one CVE. */
function page(id: string, modified: string): string {
  return JSON.stringify({
    resultsPerPage: 1,
    startIndex: 0,
    totalResults: 1,
    format: 'NVD_CVE',
    version: '2.0',
    timestamp: modified,
    vulnerabilities: [
      {
        cve: {
          id,
          published: '2024-01-01T00:00:00.000',
          lastModified: modified,
          vulnStatus: 'Analyzed',
          descriptions: [{ lang: 'en', value: `${id} in example` }],
          metrics: {
            cvssMetricV31: [
              {
                source: 'nvd@nist.gov',
                type: 'Primary',
                cvssData: {
                  version: '3.1',
                  vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
                  baseScore: 9.8,
                },
              },
            ],
          },
          references: [],
        },
      },
    ],
  });
}

const requests: { url: URL; apiKey: string | undefined }[] = [];
let server: Server;
let config: SyncConfig;
let nextId = 'CVE-2024-0001';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ url, apiKey: req.headers.apikey as string | undefined });
    res.setHeader('content-type', 'application/json');
    res.end(page(nextId, '2024-06-01T00:00:00.000'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  config = loadSyncConfig(undefined, {
    CUSTOMS_NVD_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/json/cves/2.0`,
    NVD_API_KEY: 'test-key',
  });
  config.nvd.initialDays = 10;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('db update --provider nvd', () => {
  it('is opt-in: not among the providers synced by default', () => {
    expect(DEFAULT_SYNC_PROVIDERS).not.toContain('nvd');
    expect(SYNC_PROVIDERS).toContain('nvd');
  });

  it('fetches the last initialDays with the API key, then only what changed since the cursor', async () => {
    const store = openSqliteStore(':memory:');
    const before = Date.now();
    const first = await syncDatabase(store, { config, parsers: FEED_PARSERS, providers: ['nvd'] });
    expect(first.failed).toEqual([]);
    expect(requests).toHaveLength(1);
    const start = Date.parse(requests[0]!.url.searchParams.get('lastModStartDate')!);
    expect(before - start).toBeGreaterThanOrEqual(10 * 86_400_000 - 1000);
    expect(before - start).toBeLessThan(10 * 86_400_000 + 60_000);
    expect(requests[0]!.apiKey).toBe('test-key');
    const cursor = await store.syncState(NVD_CURSOR);
    expect(cursor).toBeTruthy();
    expect((await store.vulnerabilities(['CVE-2024-0001'])).get('CVE-2024-0001')?.cvss[0]?.baseScore).toBe(
      9.8,
    );

    nextId = 'CVE-2024-0002';
    const second = await syncDatabase(store, { config, parsers: FEED_PARSERS, providers: ['nvd'] });
    expect(second.failed).toEqual([]);
    expect(requests[1]!.url.searchParams.get('lastModStartDate')).toBe(cursor!.replace('Z', '+00:00'));
    const both = await store.vulnerabilities(['CVE-2024-0001', 'CVE-2024-0002']);
    expect([...both.keys()].sort()).toEqual(['CVE-2024-0001', 'CVE-2024-0002']);
  });
});
