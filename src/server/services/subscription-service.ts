import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../errors/index.js';
import type { EventType } from '../events/event-payloads.js';
import type { ServiceStore, SubscriptionRecord } from '../store/types.js';

export interface SubscriptionInput {
  type: EventType;
  scope?: string;
  webhook_id: string;
  active?: boolean;
}

export interface SubscriptionView {
  id: string;
  type: EventType;
  scope: string;
  webhook_id: string;
  active: boolean;
  created_at: string;
}

/** Which events of the account go to which of its webhooks. */
export class SubscriptionService {
  constructor(
    private readonly store: ServiceStore,
    private readonly now: () => Date,
  ) {}

  async create(accountId: string, input: SubscriptionInput): Promise<SubscriptionView> {
    if (!(await this.store.webhooks.get(accountId, input.webhook_id)))
      throw new NotFoundError(`no webhook ${input.webhook_id}`);
    const record = await this.store.subscriptions.create({
      id: randomUUID(),
      accountId,
      type: input.type,
      scope: input.scope ?? '*',
      webhookId: input.webhook_id,
      active: input.active ?? true,
      createdAt: this.now().toISOString(),
    });
    return subscriptionView(record);
  }

  async list(
    accountId: string,
    filter: { type?: EventType; webhookId?: string },
  ): Promise<SubscriptionView[]> {
    return (await this.store.subscriptions.list(accountId, filter)).map(subscriptionView);
  }

  async get(accountId: string, id: string): Promise<SubscriptionView> {
    const record = await this.store.subscriptions.get(accountId, id);
    if (!record) throw new NotFoundError(`no subscription ${id}`);
    return subscriptionView(record);
  }

  async setActive(accountId: string, id: string, active: boolean): Promise<SubscriptionView> {
    const record = await this.store.subscriptions.setActive(accountId, id, active);
    if (!record) throw new NotFoundError(`no subscription ${id}`);
    return subscriptionView(record);
  }

  async delete(accountId: string, id: string): Promise<void> {
    if (!(await this.store.subscriptions.delete(accountId, id)))
      throw new NotFoundError(`no subscription ${id}`);
  }
}

function subscriptionView(record: SubscriptionRecord): SubscriptionView {
  return {
    id: record.id,
    type: record.type,
    scope: record.scope,
    webhook_id: record.webhookId,
    active: record.active,
    created_at: record.createdAt,
  };
}
