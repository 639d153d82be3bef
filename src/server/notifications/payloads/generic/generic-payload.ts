import type { EventRecord } from '../../../events/event-payloads.js';

/** The generic JSON notification: the event exactly as recorded (GET /v1/events/{id} shows the same). */
export function genericPayload(event: EventRecord): unknown {
  return {
    id: event.id,
    type: event.type,
    accountId: event.accountId,
    ...(event.digest !== undefined ? { digest: event.digest } : {}),
    ...(event.fullTag !== undefined ? { fullTag: event.fullTag } : {}),
    payload: event.payload,
    at: event.at,
  };
}
