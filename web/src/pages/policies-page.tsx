import type { PolicyView } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { Status } from '../components/status.js';
import { when } from '../format.js';
import { href } from '../route.js';
import { PolicyDetail } from './policies/policy-detail.js';
import { PolicyUpload } from './policies/policy-upload.js';

/** The account's bundles: which one is active, each one's document, and a form to add one. */
export function PoliciesPage({ selected }: { selected?: string | undefined }) {
  const list = useApi<PolicyView[]>('/policies');
  const chosen = list.data?.find((p) => p.policyId === selected);
  return (
    <section>
      <h1>Policies</h1>
      <Status loading={list.loading && !list.data} error={list.error} />
      <div class="columns">
        <div>
          {list.data && (
            <table class="grid" aria-label="Policy bundles">
              <thead>
                <tr>
                  <th scope="col">Bundle</th>
                  <th scope="col">Active</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((p) => (
                  <tr key={p.policyId}>
                    <td>
                      <a href={href('policies', p.policyId)}>{p.name}</a>{' '}
                      <code class="muted">{p.policyId}</code>
                    </td>
                    <td>{p.active ? 'active' : ''}</td>
                    <td>{when(p.last_updated)}</td>
                  </tr>
                ))}
                {list.data.length === 0 && (
                  <tr>
                    <td colSpan={3} class="muted">
                      No bundles yet.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          )}
        </div>
        <div>
          {chosen ? (
            <PolicyDetail policy={chosen} onChange={list.reload} />
          ) : (
            <PolicyUpload onAdded={list.reload} />
          )}
        </div>
      </div>
    </section>
  );
}
