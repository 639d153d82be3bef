import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { Status } from '../../components/status.js';
import { when } from '../../format.js';
import { typeLabel, type SubscriptionView, type WebhookView } from './event-types.js';
import { SubscriptionForm } from './subscription-form.js';

/** The account's subscriptions: which events go to which webhook; add and remove. */
export function SubscriptionsPanel({ webhooks, version }: { webhooks: WebhookView[]; version: number }) {
  // `version` moves when a webhook is added or removed (removing one removes its subscriptions).
  const list = useApi<SubscriptionView[]>('/subscriptions');
  const { reload } = list;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  const [error, setError] = useState<string>();
  const nameOf = (id: string) => webhooks.find((w) => w.id === id)?.name ?? id;
  const remove = async (sub: SubscriptionView) => {
    setError(undefined);
    try {
      await api(`/subscriptions/${sub.id}`, { method: 'DELETE' });
      list.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section aria-labelledby="subscriptions-heading">
      <h2 id="subscriptions-heading">Subscriptions</h2>
      <Status loading={list.loading && !list.data} error={list.error} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {list.data && (
        <table class="grid" aria-label="Subscription list">
          <thead>
            <tr>
              <th scope="col">Event type</th>
              <th scope="col">Scope</th>
              <th scope="col">Webhook</th>
              <th scope="col">Added</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((sub) => (
              <tr key={sub.id}>
                <td>
                  {typeLabel(sub.type)}
                  {!sub.active && <span class="muted"> (off)</span>}
                </td>
                <td>
                  <code>{sub.scope}</code>
                </td>
                <td>{nameOf(sub.webhook_id)}</td>
                <td>{when(sub.created_at)}</td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Remove subscription ${typeLabel(sub.type)} ${sub.scope} to ${nameOf(sub.webhook_id)}`}
                    onClick={() => void remove(sub)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
            {list.data.length === 0 && (
              <tr>
                <td colSpan={5} class="muted">
                  No subscriptions yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <SubscriptionForm webhooks={webhooks} onAdded={list.reload} />
    </section>
  );
}
