import { NotFoundError } from '../../errors/index.js';
import type { EventRecord } from '../events/event-payloads.js';
import { genericPayload } from '../notifications/payloads/generic/generic-payload.js';
import type { DeliveryRecord, EventFilter, Page, PageRequest, ServiceStore } from '../store/types.js';

export interface DeliveryView {
  id: string;
  webhook_id: string;
  state: DeliveryRecord['state'];
  attempts: number;
  next_attempt_at?: string;
  last_status?: number;
  last_error?: string;
  delivered_at?: string;
  created_at: string;
}

/** The account's recorded events (as the generic notification carries them) and their deliveries. */
export class EventService {
  constructor(private readonly store: ServiceStore) {}

  async list(accountId: string, filter: EventFilter, page: PageRequest): Promise<Page<unknown>> {
    const found = await this.store.events.list(accountId, filter, page);
    return { items: found.items.map(genericPayload), total: found.total };
  }

  async get(accountId: string, id: string): Promise<{ event: unknown; deliveries: DeliveryView[] }> {
    const event: EventRecord | undefined = await this.store.events.get(accountId, id);
    if (!event) throw new NotFoundError(`no event ${id}`);
    const deliveries = await this.store.deliveries.forEvent(accountId, id);
    return { event: genericPayload(event), deliveries: deliveries.map(deliveryView) };
  }
}

function deliveryView(d: DeliveryRecord): DeliveryView {
  return {
    id: d.id,
    webhook_id: d.webhookId,
    state: d.state,
    attempts: d.attempts,
    ...(d.state === 'pending' ? { next_attempt_at: d.nextAttemptAt } : {}),
    ...(d.lastStatus !== undefined ? { last_status: d.lastStatus } : {}),
    ...(d.lastError !== undefined ? { last_error: d.lastError } : {}),
    ...(d.deliveredAt !== undefined ? { delivered_at: d.deliveredAt } : {}),
    created_at: d.createdAt,
  };
}
