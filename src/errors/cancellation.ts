import { CancelledError } from './customs-error.js';

/** Throws CancelledError when `signal` has fired: the check a long loop makes between steps. */
export function throwIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new CancelledError(what);
}

/**
 * Calls `onAbort` once if `signal` fires (at once if it already has) and returns the function that
 * stops listening, for work that must be torn down (a stream, a process) rather than polled.
 */
export function onCancel(signal: AbortSignal | undefined, onAbort: () => void): () => void {
  if (!signal) return () => undefined;
  if (signal.aborted) {
    onAbort();
    return () => undefined;
  }
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}
