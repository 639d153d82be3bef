// The wire types of the events page: the service's own types, imported as types only.
export type { EventRecord, EventType } from '../../../../src/server/events/event-payloads.js';
export type { WebhookView, TestOutcome } from '../../../../src/server/services/webhook-service.js';
export type { SubscriptionView } from '../../../../src/server/services/subscription-service.js';

/** The event types the API knows, in the order the filters list them. */
export const EVENT_TYPE_NAMES = ['analysis_update', 'tag_update', 'policy_eval', 'vuln_update'] as const;

/** A type as people read it: `policy_eval` → `policy eval`. */
export function typeLabel(type: string): string {
  return type.replace(/_/g, ' ');
}
