import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lastModifiedWindows, NvdClient } from './nvd-client.js';
import type { Timing } from './rate-limit.js';

const DAY = 24 * 60 * 60 * 1000;

/** A clock that only moves when the client sleeps. */
function fakeTiming(): Timing & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

interface Seen {
  start: string;
  end: string;
  startIndex: number;
  apiKey: string | undefined;
}

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/** Serves 3 CVEs per window, 2 per page, and answers the very first request with 429. */
async function startNvd(seen: Seen[], options: { throttleFirst: boolean }): Promise<string> {
  let throttled = !options.throttleFirst;
  server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const start = url.searchParams.get('lastModStartDate') ?? '';
    const end = url.searchParams.get('lastModEndDate') ?? '';
    const startIndex = Number(url.searchParams.get('startIndex'));
    const perPage = Number(url.searchParams.get('resultsPerPage'));
    seen.push({ start, end, startIndex, apiKey: req.headers.apikey as string | undefined });
    if (!throttled) {
      throttled = true;
      res.writeHead(429, { 'retry-after': '7' }).end();
      return;
    }
    const total = 3;
    const count = Math.max(0, Math.min(perPage, total - startIndex));
    const vulnerabilities = Array.from({ length: count }, (_, i) => ({
      cve: { id: `CVE-2024-${startIndex + i + 1}` },
    }));
    const body = {
      resultsPerPage: count,
      startIndex,
      totalResults: total,
      format: 'NVD_CVE',
      version: '2.0',
      vulnerabilities,
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/rest/json/cves/2.0`;
}

describe('lastModifiedWindows', () => {
  it('cuts a range into windows of at most 120 days that meet end to end', () => {
    const start = new Date('2024-01-01T00:00:00Z');
    const end = new Date(start.getTime() + 250 * DAY);
    const windows = lastModifiedWindows(start, end);
    expect(windows).toHaveLength(3);
    expect(windows[0]?.[0]).toEqual(start);
    expect(windows[2]?.[1]).toEqual(end);
    for (const [from, to] of windows) expect(to.getTime() - from.getTime()).toBeLessThanOrEqual(120 * DAY);
    expect(windows[1]?.[0]).toEqual(windows[0]?.[1]);
  });
});

describe('NvdClient', () => {
  it('pages through each window with the key header and retries a 429 after Retry-After', async () => {
    const seen: Seen[] = [];
    const baseUrl = await startNvd(seen, { throttleFirst: true });
    const timing = fakeTiming();
    const client = new NvdClient({ baseUrl, apiKey: 'k-123', resultsPerPage: 2, timing });
    const start = new Date('2024-01-01T00:00:00Z');
    const pages = [];
    for await (const page of client.modifiedBetween(start, new Date(start.getTime() + 150 * DAY)))
      pages.push(page);

    // 2 windows × 2 pages, plus the throttled first attempt.
    expect(pages.map((p) => p.startIndex)).toEqual([0, 2, 0, 2]);
    expect(seen).toHaveLength(5);
    expect(seen.every((s) => s.apiKey === 'k-123')).toBe(true);
    expect(new Set(seen.map((s) => s.start))).toEqual(
      new Set(['2024-01-01T00:00:00.000+00:00', '2024-04-30T00:00:00.000+00:00']),
    );
    for (const s of seen) expect(Date.parse(s.end) - Date.parse(s.start)).toBeLessThanOrEqual(120 * DAY);
    expect(timing.slept).toEqual([7000]);
    const ids = pages.flatMap((p) =>
      JSON.parse(p.content.toString()).vulnerabilities.map((v: { cve: { id: string } }) => v.cve.id),
    );
    expect(ids).toEqual(['CVE-2024-1', 'CVE-2024-2', 'CVE-2024-3', 'CVE-2024-1', 'CVE-2024-2', 'CVE-2024-3']);
  });

  it('keeps to 5 requests per 30 s without a key and sends no key header', async () => {
    const seen: Seen[] = [];
    const baseUrl = await startNvd(seen, { throttleFirst: false });
    const timing = fakeTiming();
    const client = new NvdClient({ baseUrl, resultsPerPage: 1, timing });
    const start = new Date('2024-01-01T00:00:00Z');
    let pages = 0;
    for await (const _page of client.modifiedBetween(start, new Date(start.getTime() + 200 * DAY))) pages++;
    expect(pages).toBe(6);
    expect(seen.every((s) => s.apiKey === undefined)).toBe(true);
    // The sixth request waits until the first leaves the 30 s window.
    expect(timing.slept).toEqual([30_000]);
  });

  it('gives up with a FeedFormatError after the retries, and at once on other errors', async () => {
    let status = 503;
    server = createServer((_req, res) => res.writeHead(status).end());
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const timing = fakeTiming();
    const client = new NvdClient({ baseUrl, maxRetries: 2, backoffMs: 1000, timing });
    const run = async () => {
      for await (const _page of client.modifiedBetween(new Date(0), new Date(DAY))) void _page;
    };
    await expect(run()).rejects.toMatchObject({
      name: 'FeedFormatError',
      message: expect.stringMatching(/HTTP 503\) after 3 attempts/),
    });
    expect(timing.slept).toEqual([1000, 2000]);
    status = 404;
    await expect(run()).rejects.toMatchObject({ message: expect.stringMatching(/HTTP 404$/) });
    expect(timing.slept).toEqual([1000, 2000]);
  });
});
