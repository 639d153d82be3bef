/** How long to wait before the next try: exponential backoff with jitter, or what the server asked. */

/** Statuses worth another try of an idempotent GET. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * `Retry-After` in milliseconds from `now`: delay-seconds (`120`) or an HTTP date. A date in the
 * past means 0; anything else unreadable means undefined (the header is then ignored).
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * The wait before retry number `retry` (1 for the first retry): `base * 2^(retry-1)` capped at
 * `max`, with "equal jitter" (between half and all of it) so that clients do not retry in step.
 */
export function backoffDelay(
  retry: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(full / 2 + random() * (full / 2));
}
