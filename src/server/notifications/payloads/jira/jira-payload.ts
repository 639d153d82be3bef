import type { EventRecord } from '../../../events/event-payloads.js';
import { summarize } from '../event-summary.js';

export interface JiraTarget {
  projectKey: string;
  issueType: string;
  apiVersion: 2 | 3;
}

/** JIRA's summary field holds at most 255 characters. */
const summaryOf = (title: string): string => (title.length > 255 ? `${title.slice(0, 254)}…` : title);

/** Where the issue is created: the site's base URL plus /rest/api/<version>/issue. */
export function jiraIssueUrl(baseUrl: string, apiVersion: 2 | 3): string {
  return `${baseUrl.replace(/\/+$/, '')}/rest/api/${apiVersion}/issue`;
}

function descriptionLines(event: EventRecord): string[] {
  const s = summarize(event);
  return [...s.lines, ...s.facts.map((f) => `${f.name}: ${f.value}`)];
}

/** An Atlassian Document Format document: one paragraph per line. */
function adf(lines: string[]): unknown {
  return {
    type: 'doc',
    version: 1,
    content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}

/**
 * A JIRA "create issue" request body. REST v2 takes the description as plain text, v3 as an
 * Atlassian Document Format document.
 */
export function jiraPayload(event: EventRecord, target: JiraTarget): unknown {
  const lines = descriptionLines(event);
  return {
    fields: {
      project: { key: target.projectKey },
      issuetype: { name: target.issueType },
      summary: summaryOf(summarize(event).title),
      description: target.apiVersion === 3 ? adf(lines) : lines.join('\n'),
      labels: ['customs', event.type],
    },
  };
}
