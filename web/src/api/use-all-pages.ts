import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './client.js';

const PAGE = 1000;

/**
 * Every item of a paged list route (`?page=&limit=`, answering `{ total, <key>: [...] }`), read
 * page by page: the first page shows at once, the rest follow.
 */
export function useAllPages<T>(
  path: string,
  key: string,
): { items?: T[]; total?: number; error?: ApiError; loading: boolean } {
  const [state, setState] = useState<{ items?: T[]; total?: number; error?: ApiError; loading: boolean }>({
    loading: true,
  });
  useEffect(() => {
    let live = true;
    const separator = path.includes('?') ? '&' : '?';
    (async () => {
      const items: T[] = [];
      for (let page = 1; ; page++) {
        const body = await api<Record<string, unknown>>(`${path}${separator}page=${page}&limit=${PAGE}`);
        const batch = (body[key] ?? []) as T[];
        const total = Number(body.total ?? 0);
        items.push(...batch);
        if (!live) return;
        const done = batch.length < PAGE || items.length >= total;
        setState({ items: [...items], total, loading: !done });
        if (done) return;
      }
    })().catch((err: unknown) => {
      if (live)
        setState({
          error: err instanceof ApiError ? err : new ApiError(0, 'network', String(err)),
          loading: false,
        });
    });
    return () => {
      live = false;
    };
  }, [path, key]);
  return state;
}
