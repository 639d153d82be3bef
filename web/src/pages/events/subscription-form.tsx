import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import { EVENT_TYPE_NAMES, typeLabel, type WebhookView } from './event-types.js';

/** Sends one type of event, for every image, one full tag or one digest, to one webhook. */
export function SubscriptionForm({ webhooks, onAdded }: { webhooks: WebhookView[]; onAdded(): void }) {
  const [type, setType] = useState<string>(EVENT_TYPE_NAMES[0]);
  const [scope, setScope] = useState('*');
  const [webhookId, setWebhookId] = useState('');
  const [error, setError] = useState<string>();
  const chosen = webhookId || webhooks[0]?.id || '';
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const body = { type, scope: scope.trim() || '*', webhook_id: chosen };
      await api('/subscriptions', { method: 'POST', body });
      onAdded();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  if (webhooks.length === 0) return <p class="muted">Add a webhook first: a subscription sends to one.</p>;
  return (
    <form class="stack" aria-label="Add a subscription" onSubmit={submit}>
      <h3>Add a subscription</h3>
      <label>
        Event type
        <select value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
          {EVENT_TYPE_NAMES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Scope
        <input
          value={scope}
          aria-describedby="scope-help"
          onInput={(e) => setScope((e.target as HTMLInputElement).value)}
        />
      </label>
      <span id="scope-help" class="muted">
        * for every image, a full tag (registry/repo:tag) or a digest (sha256:…)
      </span>
      <label>
        Webhook
        <select value={chosen} onChange={(e) => setWebhookId((e.target as HTMLSelectElement).value)}>
          {webhooks.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <p>
        <button type="submit">Add subscription</button>
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
