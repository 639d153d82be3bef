import type { EventRecord } from '../../../events/event-payloads.js';
import { summarize } from '../event-summary.js';

/**
 * A Microsoft Teams incoming-webhook message carrying one Adaptive Card (1.4): the title, the
 * detail lines and a fact set. Teams' Workflows webhooks and the older connectors both take it.
 */
export function teamsPayload(event: EventRecord): unknown {
  const s = summarize(event);
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: s.title,
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
              ...(s.alarming ? { color: 'Attention' } : {}),
            },
            ...s.lines.map((line) => ({ type: 'TextBlock', text: line, wrap: true })),
            { type: 'FactSet', facts: s.facts.map((f) => ({ title: f.name, value: f.value })) },
          ],
        },
      },
    ],
  };
}
