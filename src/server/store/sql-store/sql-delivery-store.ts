import type { SqlDriver } from '../sql/sql-driver.js';
import type { DeliveryRecord, DeliveryState, DeliveryStore } from '../types.js';
import { optional } from './row-values.js';

interface DeliveryRow {
  id: string;
  account_id: string;
  event_id: number | string;
  webhook_id: string;
  state: string;
  attempts: number | string;
  next_attempt_at: string;
  last_status: number | string | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

/**
 * The notification outbox. Rows are written with their event (SqlEventStore.add); the delivery
 * loop claims due ones with one UPDATE … RETURNING (on PostgreSQL over FOR UPDATE SKIP LOCKED,
 * so concurrent workers never take the same row; SQLite runs the statement under its write
 * lock), which also moves next_attempt_at to the lease's end: a claimant that dies mid-attempt
 * leaves the row due again then. Every outcome is written only by the claim's token holder.
 */
export class SqlDeliveryStore implements DeliveryStore {
  constructor(private readonly db: SqlDriver) {}

  async claimDue(input: {
    now: string;
    leaseUntil: string;
    token: string;
    limit: number;
  }): Promise<DeliveryRecord[]> {
    const lock = this.db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const { rows } = await this.db.query<DeliveryRow>(
      `UPDATE deliveries SET claim_token = $1, next_attempt_at = $2, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM deliveries WHERE state = 'pending' AND next_attempt_at <= $3
         ORDER BY next_attempt_at, event_id LIMIT $4 ${lock}
       )
       RETURNING *`,
      [input.token, input.leaseUntil, input.now, input.limit],
    );
    return rows.map(toDelivery).sort((a, b) => Number(a.eventId) - Number(b.eventId));
  }

  async markDelivered(id: string, token: string, outcome: { at: string; status: number }): Promise<boolean> {
    const { changes } = await this.db.query(
      `UPDATE deliveries SET state = 'delivered', delivered_at = $3, last_status = $4, last_error = NULL,
         claim_token = NULL
       WHERE id = $1 AND claim_token = $2 AND state = 'pending'`,
      [id, token, outcome.at, outcome.status],
    );
    return changes > 0;
  }

  async markRetry(
    id: string,
    token: string,
    outcome: { nextAttemptAt: string; error: string; status?: number },
  ): Promise<boolean> {
    const { changes } = await this.db.query(
      `UPDATE deliveries SET next_attempt_at = $3, last_error = $4, last_status = $5, claim_token = NULL
       WHERE id = $1 AND claim_token = $2 AND state = 'pending'`,
      [id, token, outcome.nextAttemptAt, outcome.error, outcome.status ?? null],
    );
    return changes > 0;
  }

  async markFailed(id: string, token: string, outcome: { error: string; status?: number }): Promise<boolean> {
    const { changes } = await this.db.query(
      `UPDATE deliveries SET state = 'failed', last_error = $3, last_status = $4, claim_token = NULL
       WHERE id = $1 AND claim_token = $2 AND state = 'pending'`,
      [id, token, outcome.error, outcome.status ?? null],
    );
    return changes > 0;
  }

  async forEvent(accountId: string, eventId: string): Promise<DeliveryRecord[]> {
    if (!/^\d{1,18}$/.test(eventId)) return [];
    const { rows } = await this.db.query<DeliveryRow>(
      'SELECT * FROM deliveries WHERE account_id = $1 AND event_id = $2 ORDER BY created_at, id',
      [accountId, Number(eventId)],
    );
    return rows.map(toDelivery);
  }
}

function toDelivery(row: DeliveryRow): DeliveryRecord {
  const lastStatus = optional(row.last_status);
  const lastError = optional(row.last_error);
  const deliveredAt = optional(row.delivered_at);
  return {
    id: row.id,
    accountId: row.account_id,
    eventId: String(row.event_id),
    webhookId: row.webhook_id,
    state: row.state as DeliveryState,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    ...(lastStatus !== undefined ? { lastStatus: Number(lastStatus) } : {}),
    ...(lastError !== undefined ? { lastError } : {}),
    ...(deliveredAt !== undefined ? { deliveredAt } : {}),
    createdAt: row.created_at,
  };
}
