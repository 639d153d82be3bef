import type { EventRecord } from '../../events/event-payloads.js';

/** What a human-readable notification says about an event: one title line and detail lines. */
export interface EventSummary {
  title: string;
  lines: string[];
  /** Label/value pairs (image, tag, status …) for formats that show facts. */
  facts: { name: string; value: string }[];
  /** Whether the news is bad (a failure, new vulnerabilities, a stop): formats may colour it. */
  alarming: boolean;
}

const MAX_LISTED = 20;

function listed(label: string, ids: string[]): string[] {
  if (ids.length === 0) return [];
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return [`${label} (${ids.length}): ${shown}${ids.length > MAX_LISTED ? ', …' : ''}`];
}

export function summarize(event: EventRecord): EventSummary {
  const facts: { name: string; value: string }[] = [];
  if (event.fullTag !== undefined) facts.push({ name: 'Tag', value: event.fullTag });
  if (event.digest !== undefined) facts.push({ name: 'Digest', value: event.digest });
  facts.push({ name: 'Event', value: `${event.type} #${event.id}` }, { name: 'At', value: event.at });
  switch (event.type) {
    case 'tag_update': {
      const p = event.payload;
      return {
        title: `Tag ${p.fullTag} now points at ${p.digest}`,
        lines: [
          p.previousDigest ? `It pointed at ${p.previousDigest}.` : 'The tag was seen for the first time.',
        ],
        facts,
        alarming: false,
      };
    }
    case 'vuln_update': {
      const p = event.payload;
      const ids = (list: { vulnerabilityId: string; packageName: string }[]) =>
        list.map((v) => `${v.vulnerabilityId} (${v.packageName})`);
      return {
        title: `Vulnerabilities of ${p.fullTags[0] ?? p.digest} changed: ${p.added.length} added, ${p.removed.length} removed, ${p.updated.length} updated`,
        lines: [
          ...listed('Added', ids(p.added)),
          ...listed('Removed', ids(p.removed)),
          ...listed('Updated', ids(p.updated)),
          `Vulnerability data: ${p.feedState}`,
        ],
        facts,
        alarming: p.added.length > 0,
      };
    }
    case 'policy_eval': {
      const p = event.payload;
      return {
        title: `Policy ${p.policyId} on ${p.fullTag}: ${p.previousAction ? `${p.previousAction} → ` : ''}${p.action}`,
        lines: [`Evaluation ${p.evaluationId} of ${p.digest}.`, `Vulnerability data: ${p.feedState}`],
        facts: [...facts, { name: 'Final action', value: p.action }],
        alarming: p.action === 'stop',
      };
    }
    case 'analysis_update': {
      const p = event.payload;
      return {
        title: `Analysis of ${p.digest}: ${p.previousStatus ? `${p.previousStatus} → ` : ''}${p.status}`,
        lines: p.failureReason ? [`Reason: ${p.failureReason}`] : [],
        facts: [...facts, { name: 'Status', value: p.status }],
        alarming: p.status === 'analysis_failed',
      };
    }
  }
}
