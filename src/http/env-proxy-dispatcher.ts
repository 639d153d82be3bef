import type { LookupFunction } from 'node:net';
import { EnvHttpProxyAgent } from 'undici';
import { UsageError } from '../errors/index.js';

export interface DispatcherOptions {
  connectMs: number;
  headersMs: number;
  /** Longest wait for the next body bytes. */
  idleMs: number;
  /** Verify TLS certificates of the servers reached (default true). */
  verifyTls?: boolean;
  /** Resolves (and may refuse) the addresses direct connections go to. */
  lookup?: LookupFunction;
}

/** `proxy:3128` means `http://proxy:3128`, as curl reads it. */
function proxyUrl(name: string, value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  try {
    new URL(url);
  } catch {
    throw new UsageError(`${name} is not a proxy URL: ${text}`);
  }
  return url;
}

/**
 * An undici dispatcher that honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY (lower-case names
 * first, as curl does), with timeouts on every connection: direct, to the proxy, and through
 * the proxy's CONNECT tunnel.
 */
export function envProxyDispatcher(
  options: DispatcherOptions,
  env: NodeJS.ProcessEnv = process.env,
): EnvHttpProxyAgent {
  const httpProxy = proxyUrl('HTTP_PROXY', env['http_proxy'] ?? env['HTTP_PROXY']);
  const httpsProxy = proxyUrl('HTTPS_PROXY', env['https_proxy'] ?? env['HTTPS_PROXY']);
  const noProxy = env['no_proxy'] ?? env['NO_PROXY'] ?? '';
  const rejectUnauthorized = options.verifyTls ?? true;
  return new EnvHttpProxyAgent({
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    noProxy,
    connect: {
      timeout: options.connectMs,
      rejectUnauthorized,
      ...(options.lookup ? { lookup: options.lookup } : {}),
    },
    requestTls: { timeout: options.connectMs, rejectUnauthorized },
    proxyTls: { timeout: options.connectMs },
    headersTimeout: options.headersMs,
    bodyTimeout: options.idleMs,
  });
}
