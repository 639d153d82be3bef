import { request, type Dispatcher } from 'undici';
import { AddressRefusedError, RegistryError } from '../../errors/index.js';
import { envProxyDispatcher } from '../../http/env-proxy-dispatcher.js';
import { guardedLookup, refusedHostReason } from '../../http/guarded-lookup.js';
import { DEFAULT_REGISTRY_LIMITS, type RegistryLimits } from './registry-limits.js';
import { describeNetworkError, isTlsError, isFallbackToHttpError } from './network-errors.js';

export type ResponseBody = Dispatcher.ResponseData['body'];

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: ResponseBody;
  /** The URL that answered, after redirects. */
  url: URL;
}

export interface SendOptions {
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Follow 3xx redirects (blobs); the registry's Authorization never goes to another origin. */
  followRedirects?: boolean;
  /** Aborts this request (and its body): the caller's signal combined with a deadline. */
  signal?: AbortSignal;
}

/** The per-request timeouts of a transport (the rest of RegistryLimits is for the retry loop). */
export type TransportTimeouts = Pick<RegistryLimits, 'connectMs' | 'headersMs' | 'idleMs'>;
const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * HTTP to one registry host. HTTPS with verified certificates by default; for an insecure
 * registry, HTTPS without verification first and plain HTTP when the TLS connection fails or is
 * refused (what docker does). The scheme that worked is kept for the rest of the session.
 */
export class RegistryTransport {
  /** `host[:port]` the API is served from. */
  readonly host: string;
  private readonly insecure: boolean;
  private readonly signal: AbortSignal | undefined;
  private readonly timeouts: TransportTimeouts;
  private readonly addressRule: { allowedHosts: readonly string[] } | undefined;
  private scheme: 'https' | 'http' | undefined;
  private verifiedAgent: Dispatcher | undefined;
  private unverifiedAgent: Dispatcher | undefined;
  private closed = false;

  constructor(
    host: string,
    opts: {
      insecure: boolean;
      signal?: AbortSignal;
      timeouts?: Partial<TransportTimeouts>;
      addressRule?: { allowedHosts: readonly string[] };
    },
  ) {
    this.host = host;
    this.insecure = opts.insecure;
    this.signal = opts.signal;
    this.addressRule = opts.addressRule;
    const { connectMs, headersMs, idleMs } = { ...DEFAULT_REGISTRY_LIMITS, ...opts.timeouts };
    this.timeouts = { connectMs, headersMs, idleMs };
    if (!this.insecure) this.scheme = 'https';
  }

  /** Sends a request for a path on the registry (`/v2/...`). */
  async send(path: string, options: SendOptions = {}): Promise<HttpResponse> {
    if (this.scheme) return this.sendUrl(new URL(`${this.scheme}://${this.host}${path}`), options);
    try {
      const res = await this.sendUrl(new URL(`https://${this.host}${path}`), options);
      this.scheme = 'https';
      return res;
    } catch (err) {
      if (!(err instanceof RegistryError) || !isFallbackToHttpError(err.cause)) throw err;
    }
    const res = await this.sendUrl(new URL(`http://${this.host}${path}`), options);
    this.scheme = 'http';
    return res;
  }

  /** Sends a request for an absolute URL (token realms, redirect targets). */
  async sendUrl(url: URL, options: SendOptions = {}): Promise<HttpResponse> {
    let current = url;
    let headers = { ...options.headers };
    let method = options.method ?? 'GET';
    let body = options.body;
    for (let hop = 0; ; hop++) {
      const res = await this.dispatch(current, method, headers, body, options.signal);
      const location = res.headers['location'];
      if (!options.followRedirects || !REDIRECT_STATUSES.has(res.status) || typeof location !== 'string') {
        return res;
      }
      await res.body.dump();
      if (hop >= MAX_REDIRECTS) {
        throw new RegistryError(
          'registry-response',
          `registry ${this.host} redirected more than ${MAX_REDIRECTS} times`,
          {
            status: res.status,
          },
        );
      }
      const next = new URL(location, current);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new RegistryError(
          'registry-response',
          `registry ${this.host} redirected to an unsupported ${next.protocol} URL`,
        );
      }
      if (next.origin !== current.origin) headers = withoutAuthorization(headers);
      if (res.status === 303) {
        method = 'GET';
        body = undefined;
      }
      current = next;
    }
  }

  private async dispatch(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    requestSignal: AbortSignal | undefined,
  ): Promise<HttpResponse> {
    if (this.closed)
      throw new RegistryError('registry-unreachable', `connection to registry ${this.host} was closed`);
    this.checkAddress(url);
    const dispatcher = this.agentFor(url);
    try {
      const res = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        ...(body !== undefined ? { body } : {}),
        dispatcher,
        signal: requestSignal ?? this.signal ?? null,
      });
      return { status: res.statusCode, headers: res.headers, body: res.body, url };
    } catch (err) {
      if (this.signal?.aborted) throw this.signal.reason ?? err;
      if (requestSignal?.aborted) throw requestSignal.reason ?? err;
      const refused = refusal(err);
      if (refused) throw refused;
      throw this.networkError(url, err);
    }
  }

  /** An address literal the rule refuses is refused before any connection (names: at lookup). */
  private checkAddress(url: URL): void {
    if (!this.addressRule) return;
    const reason = refusedHostReason(this.addressRule.allowedHosts, url.hostname);
    if (reason) throw new AddressRefusedError(this.refusedMessage(url, `${url.hostname}: ${reason}`));
  }

  private refusedMessage(url: URL, detail: string): string {
    const target =
      url.host === this.host ? `registry ${this.host}` : `${url.host} (for registry ${this.host})`;
    return `refused to connect to ${target}: ${detail}; an administrator can allow the host`;
  }

  private networkError(url: URL, err: unknown): RegistryError {
    const target =
      url.host === this.host ? `registry ${this.host}` : `${url.host} (for registry ${this.host})`;
    let message = `cannot reach ${target}: ${describeNetworkError(err)}`;
    if (url.protocol === 'https:' && isTlsError(err) && url.host === this.host && !this.insecure) {
      message = `cannot reach ${target} over HTTPS: ${describeNetworkError(err)}; if it only serves plain HTTP or has a self-signed certificate, list it as an insecure registry`;
    }
    return new RegistryError('registry-unreachable', message, { cause: err });
  }

  private agentFor(url: URL): Dispatcher {
    const unverified = this.insecure && url.host === this.host && url.protocol === 'https:';
    if (unverified) {
      this.unverifiedAgent ??= this.makeAgent(false);
      return this.unverifiedAgent;
    }
    this.verifiedAgent ??= this.makeAgent(true);
    return this.verifiedAgent;
  }

  /** Direct, or through HTTPS_PROXY/HTTP_PROXY unless NO_PROXY names the host. */
  private makeAgent(verify: boolean): Dispatcher {
    const rule = this.addressRule;
    return envProxyDispatcher({
      ...this.timeouts,
      verifyTls: verify,
      ...(rule
        ? {
            lookup: guardedLookup(
              rule.allowedHosts,
              (detail) =>
                new AddressRefusedError(
                  `refused to connect to ${detail} (for registry ${this.host}); an administrator can allow the host`,
                ),
            ),
          }
        : {}),
    });
  }

  /** Closes the connections. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const agents = [this.verifiedAgent, this.unverifiedAgent].filter((a): a is Dispatcher => a !== undefined);
    await Promise.all(agents.map((a) => a.destroy().catch(() => undefined)));
  }
}

/** The address rule's refusal somewhere in a network error's causes. */
function refusal(err: unknown): AddressRefusedError | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if (e instanceof AddressRefusedError) return e;
  return undefined;
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'authorization') out[name] = value;
  }
  return out;
}
