import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import type { WebhookView } from './event-types.js';

type Created = WebhookView & { secret: string };

/**
 * Adds a webhook (name, URL, kind). The service makes the signing secret and shows it in its
 * answer only: it is shown here once, to copy into the receiver.
 */
export function WebhookForm({ onAdded }: { onAdded(): void }) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState('generic');
  const [created, setCreated] = useState<Created>();
  const [error, setError] = useState<string>();
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const body = { name: name.trim(), url: url.trim(), kind };
      setCreated(await api<Created>('/webhooks', { method: 'POST', body }));
      setName('');
      setUrl('');
      onAdded();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form class="stack" aria-label="Add a webhook" onSubmit={submit}>
      <h3>Add a webhook</h3>
      <label>
        Name
        <input value={name} required onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        URL
        <input
          type="url"
          value={url}
          required
          placeholder="https://hooks.example/customs"
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
          <option value="generic">generic (signed JSON)</option>
          <option value="slack">Slack</option>
          <option value="teams">Microsoft Teams</option>
        </select>
      </label>
      <p>
        <button type="submit">Add webhook</button>
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {created && (
        <div role="status" class="notice">
          <p>
            Added {created.name}. Its signing secret, shown this once (the receiver checks the
            Customs-Signature header with it):
          </p>
          <code data-testid="webhook-secret">{created.secret}</code>
        </div>
      )}
    </form>
  );
}
