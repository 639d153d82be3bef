import { request, type Dispatcher } from 'undici';
import {
  ConflictError,
  CustomsError,
  ForbiddenError,
  NotFoundError,
  ServiceUnreachableError,
  UnauthorizedError,
  UsageError,
} from '../errors/index.js';
import { throwIfCancelled } from '../errors/cancellation.js';

export interface ServiceClientOptions {
  /** The service's base URL, e.g. http://customs.internal:8228 */
  url: string;
  apiKey: string;
  /** Longest wait for one answer (default 60 s). */
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

export type Query = Record<string, string | number | boolean | undefined>;

/** The service answered with an error the client has no narrower type for (a 5xx, a 400). */
export class ServiceResponseError extends CustomsError {
  readonly status: number;
  /** The service's own error code (`{error: {code}}`), when it sent one. */
  readonly serviceCode: string | undefined;

  constructor(status: number, message: string, serviceCode?: string) {
    super('internal', message);
    this.name = 'ServiceResponseError';
    this.status = status;
    this.serviceCode = serviceCode;
  }
}

/**
 * A Customs service over HTTP: JSON in and out, the API key as a bearer token, and the service's
 * `{error: {code, message}}` answers turned back into the library's typed errors. The key never
 * appears in an error message.
 */
export class ServiceClient {
  private readonly base: URL;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly dispatcher: Dispatcher | undefined;
  private readonly signal: AbortSignal | undefined;

  constructor(options: ServiceClientOptions) {
    let base: URL;
    try {
      base = new URL(options.url);
    } catch {
      throw new UsageError(`not a service URL: ${options.url}`);
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:')
      throw new UsageError(`not a service URL (http:// or https://): ${options.url}`);
    if (!options.apiKey.trim()) throw new UsageError('an API key is needed to talk to the service');
    this.base = new URL(base.pathname.endsWith('/') ? base.href : `${base.href}/`);
    this.apiKey = options.apiKey.trim();
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.dispatcher = options.dispatcher;
    this.signal = options.signal;
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('GET', path, query);
  }

  post<T>(path: string, body?: unknown, query?: Query): Promise<T> {
    return this.send<T>('POST', path, query, body);
  }

  put<T>(path: string, body?: unknown, query?: Query): Promise<T> {
    return this.send<T>('PUT', path, query, body);
  }

  delete<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('DELETE', path, query);
  }

  /** The URL of `path` on the service (for messages: never holds the key). */
  urlOf(path: string, query?: Query): URL {
    const url = new URL(path.replace(/^\/+/, ''), this.base);
    for (const [name, value] of Object.entries(query ?? {}))
      if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  }

  private async send<T>(
    method: Dispatcher.HttpMethod,
    path: string,
    query?: Query,
    body?: unknown,
  ): Promise<T> {
    throwIfCancelled(this.signal, `${method} ${path}`);
    const url = this.urlOf(path, query);
    const where = `${method} ${url.origin}${url.pathname}`;
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method,
        headers: {
          authorization: `Bearer ${this.apiKey}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
        ...(this.signal ? { signal: this.signal } : {}),
      });
    } catch (err) {
      throwIfCancelled(this.signal, where);
      const code = (err as { code?: string }).code ?? (err as Error).message;
      throw new ServiceUnreachableError(`cannot reach the Customs service at ${url.origin}: ${code}`, {
        cause: err,
      });
    }
    const text = await response.body.text();
    if (response.statusCode >= 200 && response.statusCode < 300) {
      if (text === '') return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new ServiceResponseError(
          response.statusCode,
          `${where}: the service answered with something that is not JSON`,
        );
      }
    }
    throw answerError(response.statusCode, where, text);
  }
}

function answerError(status: number, where: string, text: string): CustomsError {
  let code: string | undefined;
  let message = text.trim().slice(0, 300) || `HTTP ${status}`;
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.message === 'string') message = parsed.error.message;
    if (typeof parsed.error?.code === 'string') code = parsed.error.code;
  } catch {
    // not JSON: the text itself says what happened
  }
  switch (status) {
    case 401:
      return new UnauthorizedError(`${where}: ${message} (check --api-key or CUSTOMS_API_KEY)`);
    case 403:
      return new ForbiddenError(`${where}: ${message}`);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    default:
      return new ServiceResponseError(status, `${where}: ${message} (HTTP ${status})`, code);
  }
}
