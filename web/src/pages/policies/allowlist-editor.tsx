import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import type { PolicyView } from '../../api/types.js';

interface AllowlistItem {
  id: string;
  gate: string;
  trigger_id: string;
  expires_on?: string;
}

interface Allowlist {
  id: string;
  name?: string;
  items: AllowlistItem[];
}

type Mapping = Record<string, unknown> & { whitelist_ids?: string[]; allowlist_ids?: string[] };

type Bundle = Record<string, unknown> & {
  whitelists?: Allowlist[];
  allowlists?: Allowlist[];
  mappings?: Mapping[];
};

/** Anchore calls them whitelists; newer bundles say allowlists. Edit whichever the bundle has. */
function listKey(bundle: Bundle): 'whitelists' | 'allowlists' {
  return Array.isArray(bundle.allowlists) && !Array.isArray(bundle.whitelists) ? 'allowlists' : 'whitelists';
}

/**
 * The bundle's allowlist items, each removable, and a form to add one (gate, trigger id, an
 * optional expiry day). Saving replaces the bundle through the API, which validates it.
 */
export function AllowlistEditor({ policy, onSaved }: { policy: PolicyView; onSaved(): void }) {
  const bundle = policy.policybundle as Bundle;
  const key = listKey(bundle);
  const lists = bundle[key] ?? [];
  const [target, setTarget] = useState(lists[0]?.id ?? '');
  const [gate, setGate] = useState('vulnerabilities');
  const [triggerId, setTriggerId] = useState('');
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<string>();

  const save = async (next: Allowlist[], mappings = bundle.mappings) => {
    setError(undefined);
    try {
      await api(`/policies/${encodeURIComponent(policy.policyId)}`, {
        method: 'PUT',
        body: { ...bundle, [key]: next, mappings },
      });
      onSaved();
    } catch (err) {
      setError(
        err instanceof ApiError
          ? [err.message, ...err.problems.map((p) => `${p.path}: ${p.message}`)].join('; ')
          : String(err),
      );
    }
  };
  const remove = (listId: string, itemId: string) =>
    save(lists.map((l) => (l.id === listId ? { ...l, items: l.items.filter((i) => i.id !== itemId) } : l)));
  const add = (event: Event) => {
    event.preventDefault();
    const item: AllowlistItem = {
      id: `ui-${Date.now().toString(36)}`,
      gate: gate.trim(),
      trigger_id: triggerId.trim(),
      ...(expires ? { expires_on: `${expires}T00:00:00Z` } : {}),
    };
    if (lists.length > 0) {
      void save(lists.map((l) => (l.id === target ? { ...l, items: [...l.items, item] } : l))).then(() =>
        setTriggerId(''),
      );
      return;
    }
    // The bundle's first allowlist: every mapping applies it, or it would allow nothing.
    const created = { id: 'allowlist', name: 'Allowlist', version: '1_0', items: [item] };
    const mappings = (Array.isArray(bundle.mappings) ? bundle.mappings : []).map((m: Mapping) => {
      const field =
        Array.isArray(m.allowlist_ids) && !Array.isArray(m.whitelist_ids) ? 'allowlist_ids' : 'whitelist_ids';
      return { ...m, [field]: [...(m[field] ?? []), created.id] };
    });
    void save([created], mappings).then(() => setTriggerId(''));
  };

  return (
    <section aria-label="Allowlists">
      <h3>Allowlists</h3>
      {lists.map((list) => (
        <table key={list.id} class="grid" aria-label={`Allowlist ${list.name ?? list.id}`}>
          <caption>
            {list.name ?? list.id}
            {!usedBy(bundle, list.id) && <span class="error"> (no mapping applies this allowlist)</span>}
          </caption>
          <thead>
            <tr>
              <th scope="col">Gate</th>
              <th scope="col">Trigger id</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <td>{item.gate}</td>
                <td>
                  <code>{item.trigger_id}</code>
                </td>
                <td>{item.expires_on ?? 'never'}</td>
                <td>
                  <button type="button" class="link" onClick={() => void remove(list.id, item.id)}>
                    Remove {item.trigger_id}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <form class="toolbar" onSubmit={add} aria-label="Add an allowlist item">
        {lists.length > 1 && (
          <label>
            Allowlist{' '}
            <select value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
              {lists.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name ?? l.id}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Gate <input value={gate} onInput={(e) => setGate((e.target as HTMLInputElement).value)} required />
        </label>
        <label>
          Trigger id{' '}
          <input
            value={triggerId}
            placeholder="CVE-2024-0001+openssl"
            onInput={(e) => setTriggerId((e.target as HTMLInputElement).value)}
            required
          />
        </label>
        <label>
          Expires on{' '}
          <input
            type="date"
            value={expires}
            onInput={(e) => setExpires((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit">Add item</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function usedBy(bundle: Bundle, id: string): boolean {
  return (bundle.mappings ?? []).some((m) =>
    [...(m.whitelist_ids ?? []), ...(m.allowlist_ids ?? [])].includes(id),
  );
}
