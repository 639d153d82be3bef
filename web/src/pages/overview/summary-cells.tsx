import type { ImageSummaryView } from '../../api/types.js';
import { ActionBadge } from '../../components/severity.js';

/** A grade letter as a badge (A best … F worst); a dash before the first evaluation. */
export function GradeCell({ summary }: { summary: ImageSummaryView | undefined }) {
  const grade = summary?.grade;
  return (
    <td class="grade">{grade ? <span class={`badge grade-${grade.toLowerCase()}`}>{grade}</span> : '—'}</td>
  );
}

/** Pass or fail, and the gate and trigger that decided a stop or warn. */
export function PolicyCell({ summary }: { summary: ImageSummaryView | undefined }) {
  const policy = summary?.policy;
  if (!policy) return <td class="muted">not evaluated</td>;
  return (
    <td class="policy-result">
      <ActionBadge action={policy.final_action} /> {policy.status}
      {policy.gate && (
        <span class="muted">
          {' '}
          {policy.gate}/{policy.trigger}
        </span>
      )}
    </td>
  );
}

const SHOWN = [
  ['critical', 'C'],
  ['high', 'H'],
  ['medium', 'M'],
  ['low', 'L'],
] as const;

/** Matches by severity (critical, high, medium, low) and the KEV count, as two cells. */
export function CountCells({ summary }: { summary: ImageSummaryView | undefined }) {
  const v = summary?.vulnerabilities;
  if (!v)
    return (
      <>
        <td class="muted">—</td>
        <td class="muted">—</td>
      </>
    );
  const label = SHOWN.map(([key]) => `${v.counts[key]} ${key}`).join(', ');
  return (
    <>
      <td class="counts" aria-label={label} title={label}>
        {SHOWN.map(([key, letter]) => (
          <span key={key} class={`count sev-${key}${v.counts[key] === 0 ? ' zero' : ''}`}>
            {letter} {v.counts[key]}
          </span>
        ))}
      </td>
      <td class={v.kev > 0 ? 'kev' : undefined}>{v.kev}</td>
    </>
  );
}
