import { ActionBadge, SeverityBadge } from '../../components/severity.js';
import { shortDigest } from '../../format.js';
import type { EventRecord } from './event-types.js';

/** What one event says, in a line or two: the payload of its type. */
export function EventDetails({ event }: { event: EventRecord }) {
  switch (event.type) {
    case 'analysis_update': {
      const p = event.payload;
      return (
        <span>
          {p.previousStatus ? `${p.previousStatus.replace('_', ' ')} → ` : ''}
          <strong>{p.status.replace('_', ' ')}</strong>
          {p.failureReason && <span class="error"> {p.failureReason}</span>}
        </span>
      );
    }
    case 'tag_update': {
      const p = event.payload;
      return (
        <span>
          {p.fullTag} now points at <code>{shortDigest(p.digest)}</code>
          {p.previousDigest ? (
            <>
              {' '}
              (was <code>{shortDigest(p.previousDigest)}</code>)
            </>
          ) : (
            ' (first seen)'
          )}
        </span>
      );
    }
    case 'policy_eval': {
      const p = event.payload;
      return (
        <span>
          {p.previousAction ? (
            <>
              <ActionBadge action={p.previousAction} /> →{' '}
            </>
          ) : null}
          <ActionBadge action={p.action} /> under policy <code>{p.policyId}</code>
        </span>
      );
    }
    case 'vuln_update': {
      const p = event.payload;
      return (
        <span>
          {p.added.length} added, {p.removed.length} removed, {p.updated.length} updated
          {p.added.slice(0, 3).map((v) => (
            <span key={v.vulnerabilityId}>
              {' '}
              <SeverityBadge severity={v.severity} /> {v.vulnerabilityId} ({v.packageName})
            </span>
          ))}
        </span>
      );
    }
  }
}
