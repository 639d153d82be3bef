import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './client.js';

const PAGE = 250;

interface AllPages<T> {
  items?: T[];
  total?: number;
  error?: ApiError;
  loading: boolean;
}

/**
 * Every item of a paged list route (`?page=&limit=`, answering `{ total, <key>: [...] }`): the
 * first page shows at once, then the rest are asked for together and shown when all are in.
 */
export function useAllPages<T>(path: string, key: string): AllPages<T> {
  const [state, setState] = useState<AllPages<T>>({ loading: true });
  useEffect(() => {
    let live = true;
    const separator = path.includes('?') ? '&' : '?';
    const read = async (page: number) => {
      const body = await api<Record<string, unknown>>(`${path}${separator}page=${page}&limit=${PAGE}`);
      return { items: (body[key] ?? []) as T[], total: Number(body.total ?? 0) };
    };
    (async () => {
      const first = await read(1);
      const pages = Math.ceil(first.total / PAGE);
      if (!live) return;
      setState({ items: first.items, total: first.total, loading: pages > 1 });
      if (pages <= 1) return;
      const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => read(i + 2)));
      if (!live) return;
      const items = first.items.concat(...rest.map((r) => r.items));
      setState({ items, total: rest.at(-1)?.total ?? first.total, loading: false });
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
