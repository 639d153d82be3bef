import { RegistryError } from '../../errors/index.js';
import type { AuthChallenge } from './auth-challenge.js';
import type { RegistryCredential } from './credentials/resolve-credentials.js';
import type { RegistryTransport } from './http-transport.js';
import { readBodyLimited } from './read-body.js';
import type { RetryBudget } from './retry-budget.js';

const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
const CLIENT_ID = 'customs';

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

export interface TokenRequest {
  transport: RegistryTransport;
  /** Tries and deadline for the token GET (resets, 429 and 5xx are tried again). */
  budget?: RetryBudget;
  challenge: AuthChallenge;
  scope: string;
  credential: RegistryCredential | undefined;
  /** For messages: the registry and repository being pulled. */
  registry: string;
  repository: string;
}

/**
 * Gets a bearer token from the challenge's realm (the docker token protocol): GET with service
 * and scope (basic auth when credentials are known), or the OAuth2 refresh-token POST when the
 * credential is an identity token. Returns the token (`token` or `access_token`).
 */
export async function fetchBearerToken(req: TokenRequest): Promise<string> {
  const realm = req.challenge.params['realm'];
  if (!realm) {
    throw new RegistryError(
      'registry-response',
      `registry ${req.registry} sent a Bearer challenge without a realm`,
    );
  }
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw new RegistryError(
      'registry-response',
      `registry ${req.registry} sent a Bearer challenge with an invalid realm`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RegistryError(
      'registry-response',
      `registry ${req.registry} sent a token realm that is not http(s)`,
    );
  }
  const service = req.challenge.params['service'];
  const cred = req.credential;

  let res;
  if (cred?.kind === 'identity-token') {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: cred.token,
      client_id: CLIENT_ID,
    });
    if (service) form.set('service', service);
    form.set('scope', req.scope);
    res = await req.transport.sendUrl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
  } else {
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', req.scope);
    if (cred?.kind === 'basic') url.searchParams.set('account', cred.username);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (cred?.kind === 'basic') headers['authorization'] = basicAuthorization(cred.username, cred.password);
    const send = (signal?: AbortSignal) =>
      req.transport.sendUrl(url, { headers, followRedirects: true, ...(signal ? { signal } : {}) });
    res = req.budget ? await req.budget.send(send) : await send();
  }

  if (res.status === 401 || res.status === 403) {
    await res.body.dump();
    throw authDenied(req.registry, req.repository, res.status, cred !== undefined);
  }
  if (res.status < 200 || res.status >= 300) {
    await res.body.dump();
    throw new RegistryError(
      'registry-response',
      `token service ${url.host} for registry ${req.registry} answered HTTP ${res.status}`,
      { status: res.status },
    );
  }
  const text = (
    await readBodyLimited(res.body, MAX_TOKEN_RESPONSE_BYTES, `token response from ${url.host}`)
  ).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RegistryError(
      'registry-response',
      `token service ${url.host} for registry ${req.registry} did not answer JSON`,
    );
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const token = record['token'] ?? record['access_token'];
  if (typeof token !== 'string' || token === '') {
    throw new RegistryError(
      'registry-response',
      `token service ${url.host} for registry ${req.registry} answered without a token`,
    );
  }
  return token;
}

/** The registry-auth error: one line, what to do, never the credentials. */
export function authDenied(
  registry: string,
  repository: string,
  status: number,
  hadCredentials: boolean,
): RegistryError {
  const hint = hadCredentials
    ? 'check the user name and password (docker login) and that the account may pull this repository'
    : 'log in with docker login or pass credentials';
  return new RegistryError(
    'registry-auth',
    `registry ${registry} denied access to ${repository} (${status}): ${hint}`,
    {
      status,
    },
  );
}
