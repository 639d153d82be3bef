import { request, type Dispatcher } from 'undici';
import { FeedFormatError } from '../../../errors/index.js';
import { RollingRateLimit, realTiming, type Timing } from './rate-limit.js';

export const NVD_CVE_API = 'https://services.nvd.nist.gov/rest/json/cves/2.0';
/** NVD refuses lastModified windows longer than 120 days. */
const MAX_WINDOW_MS = 120 * 24 * 60 * 60 * 1000;
const RATE_WINDOW_MS = 30_000;
const RETRY_STATUSES = new Set([403, 429, 503]);

export interface NvdClientOptions {
  /** Sent as the `apiKey` header; raises the rate limit from 5 to 50 requests per 30 s. */
  apiKey?: string;
  baseUrl?: string;
  /** At most 2,000 (NVD's maximum, the default). */
  resultsPerPage?: number;
  /** Attempts after the first for a throttled (403, 429, 503) or failed request. */
  maxRetries?: number;
  /** First backoff in ms (doubled each retry, capped at 2 minutes); NVD advises about 6 s. */
  backoffMs?: number;
  timing?: Timing;
  dispatcher?: Dispatcher;
}

/** One response page of the CVE API, as received. */
export interface NvdPage {
  url: string;
  startIndex: number;
  totalResults: number;
  /** The response body (an NVD_CVE document; `nvdParser` reads it). */
  content: Buffer;
}

/** NVD's date form: `2024-01-31T00:00:00.000+00:00`. */
function nvdDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** The [start, end] range cut into consecutive windows NVD accepts. */
export function lastModifiedWindows(start: Date, end: Date): [Date, Date][] {
  const windows: [Date, Date][] = [];
  for (let from = start.getTime(); from < end.getTime(); from += MAX_WINDOW_MS) {
    windows.push([new Date(from), new Date(Math.min(from + MAX_WINDOW_MS, end.getTime()))]);
  }
  return windows;
}

function retryAfterMs(headers: Record<string, string | string[] | undefined>): number | undefined {
  const value = headers['retry-after'];
  const seconds = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Pages through the NVD CVE API 2.0 by last-modified date: windows of at most 120 days,
 * `startIndex`/`resultsPerPage` within each, NVD's rate limit kept on the client side, and
 * throttling answers retried with backoff. The library never waits on its own clock in tests:
 * pass `timing`.
 */
export class NvdClient {
  private readonly baseUrl: string;
  private readonly limiter: RollingRateLimit;
  private readonly timing: Timing;

  constructor(private readonly options: NvdClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? NVD_CVE_API;
    this.timing = options.timing ?? realTiming;
    this.limiter = new RollingRateLimit(options.apiKey ? 50 : 5, RATE_WINDOW_MS, this.timing);
  }

  /** Every page of CVEs modified between `start` and `end`. */
  async *modifiedBetween(start: Date, end: Date): AsyncGenerator<NvdPage> {
    const perPage = Math.min(Math.max(this.options.resultsPerPage ?? 2000, 1), 2000);
    for (const [from, to] of lastModifiedWindows(start, end)) {
      let startIndex = 0;
      for (;;) {
        const url = new URL(this.baseUrl);
        url.searchParams.set('lastModStartDate', nvdDate(from));
        url.searchParams.set('lastModEndDate', nvdDate(to));
        url.searchParams.set('startIndex', String(startIndex));
        url.searchParams.set('resultsPerPage', String(perPage));
        const content = await this.fetchPage(url.toString());
        const page = this.readCounts(url.toString(), content);
        yield { url: url.toString(), startIndex, totalResults: page.totalResults, content };
        const received = page.received > 0 ? page.received : 0;
        startIndex += received;
        if (received === 0 || startIndex >= page.totalResults) break;
      }
    }
  }

  private readCounts(url: string, content: Buffer): { totalResults: number; received: number } {
    let doc: unknown;
    try {
      doc = JSON.parse(content.toString('utf8'));
    } catch (err) {
      throw new FeedFormatError(`NVD API ${url}: response is not JSON`, { cause: err });
    }
    const body = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
    if (typeof body.totalResults !== 'number' || !Array.isArray(body.vulnerabilities)) {
      throw new FeedFormatError(`NVD API ${url}: response has no totalResults or vulnerabilities`);
    }
    return { totalResults: body.totalResults, received: body.vulnerabilities.length };
  }

  private async fetchPage(url: string): Promise<Buffer> {
    const maxRetries = this.options.maxRetries ?? 5;
    let backoff = this.options.backoffMs ?? 6000;
    for (let attempt = 0; ; attempt++) {
      await this.limiter.acquire();
      let status: number;
      let wait: number | undefined;
      try {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (this.options.apiKey) headers.apiKey = this.options.apiKey;
        const response = await request(url, { method: 'GET', headers, dispatcher: this.options.dispatcher });
        status = response.statusCode;
        if (status >= 200 && status < 300) return Buffer.from(await response.body.arrayBuffer());
        wait = retryAfterMs(response.headers);
        await response.body.dump();
      } catch (err) {
        if (attempt >= maxRetries)
          throw new FeedFormatError(`NVD API ${url}: ${(err as Error).message}`, { cause: err });
        status = 0;
      }
      if (status !== 0 && !RETRY_STATUSES.has(status))
        throw new FeedFormatError(`NVD API ${url}: HTTP ${status}`);
      if (attempt >= maxRetries) {
        throw new FeedFormatError(
          `NVD API ${url}: still throttled (HTTP ${status}) after ${attempt + 1} attempts`,
        );
      }
      await this.timing.sleep(Math.min(wait ?? backoff, 120_000));
      backoff *= 2;
    }
  }
}
