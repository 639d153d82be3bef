/** A failed API call: the HTTP status and the service's error code and one-line message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const KEY = 'customs.apiKey';

/** The API key lives for the browser tab only (sessionStorage), never in a URL or a cookie. */
export const session = {
  key(): string | undefined {
    return sessionStorage.getItem(KEY) ?? undefined;
  },
  set(key: string): void {
    sessionStorage.setItem(KEY, key);
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};

/** Calls the public API (same origin) with the session's key; JSON in and out. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; key?: string } = {},
): Promise<T> {
  const key = init.key ?? session.key();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/v1${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const error = (
      json as { error?: { code?: string; message?: string; problems?: { path: string; message: string }[] } }
    )?.error;
    throw new ApiError(
      res.status,
      error?.code ?? 'error',
      error?.message ?? res.statusText,
      error?.problems ?? [],
    );
  }
  return json as T;
}
