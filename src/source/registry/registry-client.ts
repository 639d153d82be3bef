import type { SourceOptions } from '../types.js';
import { parseAuthChallenges, pickChallenge } from './auth-challenge.js';
import { resolveRegistryCredential, type RegistryCredential } from './credentials/resolve-credentials.js';
import { RegistryTransport, type HttpResponse, type SendOptions } from './http-transport.js';
import { resolveRegistryLimits, type RegistryLimits } from './registry-limits.js';
import { RetryBudget } from './retry-budget.js';
import { authDenied, basicAuthorization, fetchBearerToken } from './token-auth.js';

export interface RegistryClientOptions extends Pick<
  SourceOptions,
  'insecureRegistries' | 'dockerConfigPath' | 'credentials' | 'signal' | 'addressRule'
> {
  /** Timeouts, tries and deadline; unset ones come from CUSTOMS_REGISTRY_* or the defaults. */
  limits?: Partial<RegistryLimits>;
}

export interface GetOptions {
  /** HEAD asks for the headers only (a manifest's digest and ETag); GET by default. */
  method?: 'GET' | 'HEAD';
  accept?: string;
  followRedirects?: boolean;
  /** More request headers (`range`). */
  headers?: Record<string, string>;
  /** The tries and deadline this request counts against; a fresh budget when absent. */
  budget?: RetryBudget;
}

/**
 * Authorised requests to one repository of one registry. On a 401 it answers the challenge
 * (Bearer token from the realm, or Basic), caches the token per scope and retries once.
 */
export class RegistryClient {
  /** The registry as the reference names it (`docker.io`, `127.0.0.1:5000`). */
  readonly registry: string;
  readonly repository: string;
  private readonly transport: RegistryTransport;
  private readonly options: RegistryClientOptions;
  private readonly scope: string;
  private authorization: string | undefined;
  private readonly tokens = new Map<string, string>();
  private credential: Promise<RegistryCredential | undefined> | undefined;
  readonly limits: RegistryLimits;

  constructor(registry: string, apiHost: string, repository: string, options: RegistryClientOptions) {
    this.registry = registry;
    this.repository = repository;
    this.options = options;
    this.scope = `repository:${repository}:pull`;
    this.limits = resolveRegistryLimits(options.limits);
    const insecure = isInsecure(registry, apiHost, options.insecureRegistries ?? []);
    this.transport = new RegistryTransport(apiHost, {
      insecure,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.addressRule ? { addressRule: options.addressRule } : {}),
      timeouts: this.limits,
    });
  }

  /** Tries and a deadline for fetching `subject` (`blob sha256:…`, `manifest test/app:v1`). */
  budget(subject: string): RetryBudget {
    return new RetryBudget(this.registry, subject, this.limits, { signal: this.options.signal });
  }

  /**
   * GET a path under `/v2/<repository>/`, authorised. A reset, a stall, or HTTP 429/500/502/503/
   * 504 is tried again (backoff, Retry-After) within `budget`; other statuses than 401/403 are
   * returned. The caller reads the body (and may count its failures against the same budget).
   */
  async get(subPath: string, options: GetOptions = {}): Promise<HttpResponse> {
    const budget = options.budget ?? this.budget(subPath);
    try {
      return await budget.send((signal) => this.getOnce(subPath, options, signal));
    } finally {
      if (!options.budget) budget.dispose();
    }
  }

  private async getOnce(subPath: string, options: GetOptions, signal: AbortSignal): Promise<HttpResponse> {
    const path = `/v2/${this.repository}/${subPath}`;
    const send = (): Promise<HttpResponse> => this.transport.send(path, this.sendOptions(options, signal));
    let res = await send();
    if (res.status === 401) {
      const challengeHeader = res.headers['www-authenticate'];
      await res.body.dump();
      this.authorization = await this.answerChallenge(challengeHeader, 401);
      res = await send();
    }
    if (res.status === 401 || res.status === 403) {
      await res.body.dump();
      throw authDenied(
        this.registry,
        this.repository,
        res.status,
        (await this.getCredential()) !== undefined,
      );
    }
    return res;
  }

  private sendOptions(options: GetOptions, signal: AbortSignal): SendOptions {
    const headers: Record<string, string> = { ...options.headers };
    if (options.accept) headers['accept'] = options.accept;
    if (this.authorization) headers['authorization'] = this.authorization;
    return {
      ...(options.method ? { method: options.method } : {}),
      headers,
      followRedirects: options.followRedirects ?? false,
      signal,
    };
  }

  private async answerChallenge(header: string | string[] | undefined, status: number): Promise<string> {
    const challenge = pickChallenge(parseAuthChallenges(header));
    const credential = await this.getCredential();
    if (challenge?.scheme === 'bearer') {
      const key = `${challenge.params['realm'] ?? ''}|${challenge.params['service'] ?? ''}|${this.scope}`;
      const cached = this.tokens.get(key);
      // A cached token that was just refused has expired: fetch a fresh one.
      if (cached && `Bearer ${cached}` !== this.authorization) return `Bearer ${cached}`;
      const budget = this.budget(`token from ${challenge.params['realm'] ?? 'the token service'}`);
      let token: string;
      try {
        token = await fetchBearerToken({
          transport: this.transport,
          budget,
          challenge,
          scope: this.scope,
          credential,
          registry: this.registry,
          repository: this.repository,
        });
      } finally {
        budget.dispose();
      }
      this.tokens.set(key, token);
      return `Bearer ${token}`;
    }
    if (challenge?.scheme === 'basic' && credential?.kind === 'basic') {
      return basicAuthorization(credential.username, credential.password);
    }
    throw authDenied(this.registry, this.repository, status, credential !== undefined);
  }

  private getCredential(): Promise<RegistryCredential | undefined> {
    this.credential ??= resolveRegistryCredential(this.registry, this.options);
    return this.credential;
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}

/** Whether `registry` (or its API host) is listed as insecure, by `host` or `host:port`. */
export function isInsecure(registry: string, apiHost: string, insecureRegistries: string[]): boolean {
  const wanted = new Set([registry.toLowerCase(), apiHost.toLowerCase()]);
  for (const name of wanted) {
    const bare = stripPort(name);
    if (bare !== name) wanted.add(bare);
  }
  return insecureRegistries.some((entry) => {
    const normalised = entry
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/\/.*$/, '');
    return wanted.has(normalised);
  });
}

function stripPort(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}
