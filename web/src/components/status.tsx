import type { ApiError } from '../api/client.js';

/** What a panel shows while it loads or when its call failed. */
export function Status({ loading, error }: { loading: boolean; error?: ApiError | undefined }) {
  if (error)
    return (
      <p class="error" role="alert">
        {error.message}
      </p>
    );
  if (loading) return <p class="muted">Loading…</p>;
  return null;
}
