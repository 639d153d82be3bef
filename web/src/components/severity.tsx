export const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Negligible', 'Unknown'] as const;

/** A severity as a coloured label (the text says it too: colour is never the only sign). */
export function SeverityBadge({ severity }: { severity: string }) {
  return <span class={`badge sev-${severity.toLowerCase()}`}>{severity}</span>;
}

export function ActionBadge({ action }: { action: string }) {
  return <span class={`badge action-${action.toLowerCase()}`}>{action.toUpperCase()}</span>;
}
