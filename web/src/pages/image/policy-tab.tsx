import type { EvaluationView } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { ActionBadge } from '../../components/severity.js';
import { Status } from '../../components/status.js';
import { when } from '../../format.js';

/** The active policy's verdict on the stored analysis, finding by finding. */
export function PolicyTab({ digest }: { digest: string }) {
  const check = useApi<EvaluationView>(`/images/${digest}/check`);
  const result = check.data?.result;
  const findings = [...(result?.findings ?? [])].sort(
    (a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action) || a.gate.localeCompare(b.gate),
  );
  return (
    <section aria-label="Policy evaluation">
      <Status loading={check.loading && !check.data} error={check.error} />
      {check.data && result && (
        <>
          <p class="verdict" data-testid="final-action">
            <ActionBadge action={result.finalAction} /> {result.status === 'pass' ? 'passes' : 'fails'} policy{' '}
            <strong>{check.data.policyId}</strong>
            {result.grade && (
              <>
                {' '}
                · grade <strong>{result.grade.grade}</strong>
              </>
            )}{' '}
            <span class="muted">
              (evaluated {when(check.data.evaluated_at)}; {check.data.feed_state})
            </span>
          </p>
          <table class="grid" aria-label="Policy findings">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Gate</th>
                <th scope="col">Trigger</th>
                <th scope="col">Message</th>
                <th scope="col">Allowlisted</th>
                <th scope="col">Rule</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr key={`${f.triggerId} ${f.ruleId}`} class={`finding-${f.action}`}>
                  <td>
                    <ActionBadge action={f.action} />
                  </td>
                  <td>{f.gate}</td>
                  <td>{f.trigger}</td>
                  <td>{f.message}</td>
                  <td>
                    {f.allowlisted
                      ? `${f.allowlisted.allowlistName ?? f.allowlisted.allowlistId} (${f.allowlisted.itemId}${
                          f.allowlisted.expiresOn ? `, until ${f.allowlisted.expiresOn}` : ''
                        })`
                      : 'no'}
                  </td>
                  <td class="rule">
                    <code>
                      {f.policyId}/{f.ruleId}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

const ORDER = ['stop', 'warn', 'go'];
