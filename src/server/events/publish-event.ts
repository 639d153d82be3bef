import type { ServiceStore } from '../store/types.js';
import type { EventRecord, NewEvent } from './event-payloads.js';

/** Where publishing reports what it recorded; a pino logger fits. */
export interface EventLog {
  info(fields: Record<string, unknown>, message: string): void;
}

/**
 * Records an event for its account. Every producer (analysis, tag watching, re-evaluation,
 * policy evaluation) goes through here: the store keeps the event and hands it to the account's
 * subscriptions, so an event that was recorded is never lost to a restart.
 */
export async function publishEvent(
  deps: { store: ServiceStore; log?: EventLog },
  event: NewEvent,
): Promise<EventRecord> {
  const recorded = await deps.store.events.add(event);
  deps.log?.info(
    { eventId: recorded.id, type: recorded.type, accountId: recorded.accountId, digest: recorded.digest },
    'event recorded',
  );
  return recorded;
}
