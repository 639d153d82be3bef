import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import type { PolicyView } from '../../api/types.js';
import { href } from '../../route.js';
import { AllowlistEditor } from './allowlist-editor.js';

/** One bundle: its document, and making it the active one. */
export function PolicyDetail({ policy, onChange }: { policy: PolicyView; onChange(): void }) {
  const [error, setError] = useState<string>();
  const activate = async () => {
    setError(undefined);
    try {
      await api(`/policies/${encodeURIComponent(policy.policyId)}?active=true`, { method: 'PUT', body: {} });
      onChange();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section aria-label={`Policy ${policy.name}`}>
      <p>
        <a href={href('policies')}>Add a bundle</a>
      </p>
      <h2>{policy.name}</h2>
      <p>
        {policy.active ? (
          <strong>This is the active bundle.</strong>
        ) : (
          <button type="button" onClick={activate}>
            Make active
          </button>
        )}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <AllowlistEditor policy={policy} onSaved={onChange} />
      <h3>Document</h3>
      <pre class="bundle">
        <code>{JSON.stringify(policy.policybundle, null, 2)}</code>
      </pre>
    </section>
  );
}
