import type { EventRecord } from '../../../events/event-payloads.js';
import { summarize } from '../event-summary.js';

/** Slack's text objects hold at most 3000 characters; headers 150. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A Slack incoming-webhook message: `text` (the notification's fallback and preview) and Block
 * Kit blocks: a header, the detail lines, the facts as fields, and the event id for reference.
 */
export function slackPayload(event: EventRecord): unknown {
  const s = summarize(event);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(s.title, 150), emoji: false } },
  ];
  if (s.lines.length > 0)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(s.lines.join('\n'), 3000) } });
  blocks.push({
    type: 'section',
    fields: s.facts
      .slice(0, 10)
      .map((f) => ({ type: 'mrkdwn', text: clip(`*${f.name}*\n${f.value}`, 2000) })),
  });
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Customs · ${event.type} · event ${event.id}` }],
  });
  return { text: clip(s.title, 3000), blocks };
}
