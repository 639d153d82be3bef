import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import type { EventRecord } from './event-types.js';

/** How often the page asks for what happened since the newest event it has. */
export const POLL_MS = 3000;
const FIRST_PAGE = 100;

interface EventPage {
  items: EventRecord[];
  total: number;
}

export interface LiveEvents {
  events?: EventRecord[];
  total?: number;
  error?: ApiError;
  /** When the list was last brought up to date. */
  checkedAt?: Date;
}

const newest = (events: EventRecord[]): string | undefined =>
  events.reduce<string | undefined>(
    (max, e) => (max === undefined || BigInt(e.id) > BigInt(max) ? e.id : max),
    undefined,
  );

/**
 * The account's newest events (of one type, when given), kept current: the first page newest
 * first, then every POLL_MS what came after the newest id seen (`?after=`, oldest first),
 * put on top. A failed poll shows its error and the next one tries again.
 */
export function useLiveEvents(type: string | undefined): LiveEvents {
  const [state, setState] = useState<LiveEvents>({});
  const latest = useRef<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    latest.current = undefined;
    setState({});
    const filter = type ? `&type=${encodeURIComponent(type)}` : '';
    const poll = async () => {
      try {
        if (latest.current === undefined) {
          const first = await api<EventPage>(`/events?limit=${FIRST_PAGE}${filter}`);
          if (!live) return;
          latest.current = newest(first.items) ?? '0';
          setState({ events: first.items, total: first.total, checkedAt: new Date() });
        } else {
          const since = await api<EventPage>(`/events?after=${latest.current}&limit=1000${filter}`);
          if (!live) return;
          latest.current = newest(since.items) ?? latest.current;
          const added = [...since.items].reverse();
          setState((s) => ({
            events: [...added, ...(s.events ?? [])],
            total: (s.total ?? 0) + added.length,
            checkedAt: new Date(),
          }));
        }
      } catch (err) {
        if (!live) return;
        const error = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
        setState((s) => ({ ...s, error }));
      }
      if (live) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [type]);
  return state;
}
