import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { fetch, type Response } from 'undici';
import { FeedFormatError } from '../../errors/index.js';
import { envProxyDispatcher } from '../../http/env-proxy-dispatcher.js';

/** Feeds come through HTTPS_PROXY/HTTP_PROXY (unless NO_PROXY names the host), never hang. */
const TIMEOUTS = { connectMs: 15_000, headersMs: 60_000, idleMs: 60_000 };

/** Downloads a URL to a file (streamed); any failure removes the partial file. */
export async function downloadTo(url: string, file: string): Promise<void> {
  const dispatcher = envProxyDispatcher(TIMEOUTS);
  try {
    await download(url, file, dispatcher);
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

async function download(
  url: string,
  file: string,
  dispatcher: ReturnType<typeof envProxyDispatcher>,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', dispatcher });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new FeedFormatError(
      `cannot download ${url}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
    );
  }
  if (!response.ok || !response.body) {
    throw new FeedFormatError(`cannot download ${url}: HTTP ${response.status}`);
  }
  try {
    await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    throw new FeedFormatError(
      `download of ${url} broke off: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

/** A small text resource (an index such as modified_id.csv). */
export async function fetchText(url: string): Promise<string | undefined> {
  const dispatcher = envProxyDispatcher(TIMEOUTS);
  try {
    const response = await fetch(url, { dispatcher });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new FeedFormatError(`cannot download ${url}: HTTP ${response.status}`);
    return await response.text();
  } catch (err) {
    if (err instanceof FeedFormatError) throw err;
    const cause = (err as { cause?: { code?: string } }).cause;
    throw new FeedFormatError(`cannot download ${url}: ${cause?.code ?? (err as Error).message}`);
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}
