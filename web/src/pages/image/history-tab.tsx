import type { EvaluationView } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ActionBadge } from '../../components/severity.js';
import { Status } from '../../components/status.js';
import { when } from '../../format.js';
import { decisiveFinding } from '../../../../src/policy/summary/decisive-finding.js';

interface History {
  evaluations: EvaluationView[];
  total: number;
}

const LIMIT = 100;

/** The image's stored evaluations, newest first, each with the feed state it was computed against. */
export function HistoryTab({ digest }: { digest: string }) {
  const history = useApi<History>(`/images/${digest}/check/history?limit=${LIMIT}`);
  const rows = history.data?.evaluations ?? [];
  return (
    <section aria-label="Check history">
      <Status loading={history.loading && !history.data} error={history.error} />
      {history.data && (
        <>
          <p class="muted" data-testid="history-count">
            {rows.length < history.data.total
              ? `the newest ${rows.length} of ${history.data.total} evaluations`
              : `${history.data.total} evaluation${history.data.total === 1 ? '' : 's'}`}
          </p>
          <table class="grid" aria-label="Check history">
            <thead>
              <tr>
                <th scope="col">Result</th>
                <th scope="col">Evaluated</th>
                <th scope="col">Policy</th>
                <th scope="col">Tag</th>
                <th scope="col">Grade</th>
                <th scope="col">Decided by</th>
                <th scope="col">Feed state</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const decisive = decisiveFinding(e.result);
                return (
                  <tr key={e.id}>
                    <td>
                      <ActionBadge action={e.final_action} /> {e.status}
                    </td>
                    <td>{when(e.evaluated_at)}</td>
                    <td>{e.policyId}</td>
                    <td>{e.tag || '—'}</td>
                    <td>{e.result.grade?.grade ?? '—'}</td>
                    <td>{decisive ? `${decisive.gate}/${decisive.trigger}` : '—'}</td>
                    <td class="feed-state">{e.feed_state}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
