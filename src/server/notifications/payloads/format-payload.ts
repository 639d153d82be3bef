import type { EventRecord } from '../../events/event-payloads.js';
import type { WebhookKind, WebhookOptions } from '../../store/types.js';
import { genericPayload } from './generic/generic-payload.js';
import { jiraIssueUrl, jiraPayload } from './jira/jira-payload.js';
import { slackPayload } from './slack/slack-payload.js';
import { teamsPayload } from './teams/teams-payload.js';

/** The URL a kind posts to and the JSON body it posts. */
export function formatPayload(
  kind: WebhookKind,
  url: string,
  options: WebhookOptions,
  event: EventRecord,
): { url: string; body: unknown } {
  switch (kind) {
    case 'generic':
      return { url, body: genericPayload(event) };
    case 'slack':
      return { url, body: slackPayload(event) };
    case 'teams':
      return { url, body: teamsPayload(event) };
    case 'jira': {
      const apiVersion = options.jiraApiVersion ?? 3;
      return {
        url: jiraIssueUrl(url, apiVersion),
        body: jiraPayload(event, {
          projectKey: options.jiraProjectKey ?? '',
          issueType: options.jiraIssueType ?? 'Bug',
          apiVersion,
        }),
      };
    }
  }
}
