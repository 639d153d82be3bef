import type { EventType } from '../events/event-payloads.js';

// ── notifications ───────────────────────────────────────────────────────────────────────────

export type WebhookKind = 'generic' | 'slack' | 'teams' | 'jira';

/** What a kind needs besides the URL (JIRA: where the issue goes and who creates it). */
export interface WebhookOptions {
  jiraProjectKey?: string;
  jiraIssueType?: string;
  jiraApiVersion?: 2 | 3;
  /** The JIRA user the API token belongs to (the token itself is sealedAuth). */
  jiraUser?: string;
}

export interface WebhookRecord {
  id: string;
  accountId: string;
  name: string;
  url: string;
  kind: WebhookKind;
  options: WebhookOptions;
  /** The signing secret, sealed by the secret box (sealContext.webhookSecret). */
  sealedSecret: string;
  /** JIRA's API token, sealed (sealContext.webhookAuth); absent for other kinds. */
  sealedAuth?: string;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookStore {
  create(record: Omit<WebhookRecord, 'createdAt' | 'updatedAt'> & { at: string }): Promise<WebhookRecord>;
  get(accountId: string, id: string): Promise<WebhookRecord | undefined>;
  list(accountId: string): Promise<WebhookRecord[]>;
  update(
    accountId: string,
    id: string,
    change: Partial<Pick<WebhookRecord, 'name' | 'url' | 'options' | 'sealedAuth'>> & { at: string },
  ): Promise<WebhookRecord | undefined>;
  /** Removes the webhook with its subscriptions and deliveries. */
  delete(accountId: string, id: string): Promise<boolean>;
}

export interface SubscriptionRecord {
  id: string;
  accountId: string;
  type: EventType;
  /** A full tag (registry/repo:tag), a digest (sha256:…) or '*' for every image of the account. */
  scope: string;
  webhookId: string;
  active: boolean;
  createdAt: string;
}

export interface SubscriptionStore {
  create(record: SubscriptionRecord): Promise<SubscriptionRecord>;
  get(accountId: string, id: string): Promise<SubscriptionRecord | undefined>;
  list(accountId: string, filter?: { type?: EventType; webhookId?: string }): Promise<SubscriptionRecord[]>;
  setActive(accountId: string, id: string, active: boolean): Promise<SubscriptionRecord | undefined>;
  delete(accountId: string, id: string): Promise<boolean>;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One event for one webhook: the outbox row the delivery loop works through. */
export interface DeliveryRecord {
  /** Stable across retries: receivers dedupe on it (Customs-Delivery-Id). */
  id: string;
  accountId: string;
  eventId: string;
  webhookId: string;
  state: DeliveryState;
  /** Attempts started (a claim counts, so an attempt cut short by a crash counts too). */
  attempts: number;
  nextAttemptAt: string;
  /** The receiver's HTTP status on the last attempt that got an answer. */
  lastStatus?: number;
  lastError?: string;
  deliveredAt?: string;
  createdAt: string;
}

export interface DeliveryStore {
  /**
   * Claims up to `limit` pending deliveries due at `now`: each gets `token` and is not due again
   * before `leaseUntil` (a claimant that dies leaves it to be claimed again then). Concurrent
   * claimers never get the same row.
   */
  claimDue(input: {
    now: string;
    leaseUntil: string;
    token: string;
    limit: number;
  }): Promise<DeliveryRecord[]>;
  /** The three outcomes of a claimed attempt; false when the claim was lost (another claimant took over). */
  markDelivered(id: string, token: string, outcome: { at: string; status: number }): Promise<boolean>;
  markRetry(
    id: string,
    token: string,
    outcome: { nextAttemptAt: string; error: string; status?: number },
  ): Promise<boolean>;
  markFailed(id: string, token: string, outcome: { error: string; status?: number }): Promise<boolean>;
  forEvent(accountId: string, eventId: string): Promise<DeliveryRecord[]>;
}
