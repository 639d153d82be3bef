import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import type { Loaded } from '../../api/use-api.js';
import { Status } from '../../components/status.js';
import { when } from '../../format.js';
import type { TestOutcome, WebhookView } from './event-types.js';
import { WebhookForm } from './webhook-form.js';

/** What a test notification's answer says, in words. */
function outcomeText(o: TestOutcome): string {
  if (o.delivered) return `Delivered: the receiver answered ${o.status ?? 'OK'}.`;
  return `Not delivered: ${o.error ?? (o.status !== undefined ? `the receiver answered ${o.status}` : 'no answer')}.`;
}

/** The account's webhooks: each with a test button and a remove button, and the form to add one. */
export function WebhooksPanel({ webhooks, onChange }: { webhooks: Loaded<WebhookView[]>; onChange(): void }) {
  const [results, setResults] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string>();
  const say = (id: string, text: string) => setResults((r) => ({ ...r, [id]: text }));
  const test = async (hook: WebhookView) => {
    setBusy(hook.id);
    say(hook.id, 'Sending…');
    try {
      say(hook.id, outcomeText(await api<TestOutcome>(`/webhooks/${hook.id}/test`, { method: 'POST' })));
    } catch (err) {
      say(hook.id, `Not sent: ${err instanceof ApiError ? err.message : String(err)}`);
    } finally {
      setBusy(undefined);
    }
  };
  const remove = async (hook: WebhookView) => {
    try {
      await api(`/webhooks/${hook.id}`, { method: 'DELETE' });
      onChange();
    } catch (err) {
      say(hook.id, `Not removed: ${err instanceof ApiError ? err.message : String(err)}`);
    }
  };
  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <Status loading={webhooks.loading && !webhooks.data} error={webhooks.error} />
      {webhooks.data && (
        <table class="grid" aria-label="Webhook list">
          <thead>
            <tr>
              <th scope="col">Webhook</th>
              <th scope="col">Added</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.data.map((hook) => (
              <tr key={hook.id}>
                <td>
                  <strong>{hook.name}</strong> <span class="muted">({hook.kind})</span>
                  <div>
                    <code>{hook.url}</code>
                  </div>
                  {results[hook.id] && (
                    <p role="status" data-testid="test-result">
                      {results[hook.id]}
                    </p>
                  )}
                </td>
                <td>{when(hook.created_at)}</td>
                <td class="actions">
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy === hook.id}
                    aria-label={`Send a test notification to ${hook.name}`}
                    onClick={() => void test(hook)}
                  >
                    Send test
                  </button>{' '}
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Remove webhook ${hook.name}`}
                    onClick={() => void remove(hook)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
            {webhooks.data.length === 0 && (
              <tr>
                <td colSpan={3} class="muted">
                  No webhooks yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <WebhookForm onAdded={onChange} />
    </section>
  );
}
