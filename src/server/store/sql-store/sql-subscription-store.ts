import { NotFoundError } from '../../../errors/index.js';
import type { EventType } from '../../events/event-payloads.js';
import type { SqlDriver, SqlValue } from '../sql/sql-driver.js';
import type { SubscriptionRecord, SubscriptionStore } from '../types.js';
import { bool } from './row-values.js';

interface SubscriptionRow {
  id: string;
  account_id: string;
  type: string;
  scope: string;
  webhook_id: string;
  active: number | boolean;
  created_at: string;
}

/** Which of the account's events go to which of its webhooks. */
export class SqlSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: SqlDriver) {}

  async create(record: SubscriptionRecord): Promise<SubscriptionRecord> {
    try {
      const { rows } = await this.db.query<SubscriptionRow>(
        `INSERT INTO subscriptions (id, account_id, type, scope, webhook_id, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          record.id,
          record.accountId,
          record.type,
          record.scope,
          record.webhookId,
          record.active,
          record.createdAt,
        ],
      );
      return toSubscription(rows[0]!);
    } catch (err) {
      if (err instanceof NotFoundError)
        throw new NotFoundError(`account ${record.accountId} or webhook ${record.webhookId} does not exist`);
      throw err;
    }
  }

  async get(accountId: string, id: string): Promise<SubscriptionRecord | undefined> {
    const { rows } = await this.db.query<SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE account_id = $1 AND id = $2',
      [accountId, id],
    );
    return rows[0] && toSubscription(rows[0]);
  }

  async list(
    accountId: string,
    filter: { type?: EventType; webhookId?: string } = {},
  ): Promise<SubscriptionRecord[]> {
    const params: SqlValue[] = [accountId];
    let where = 'account_id = $1';
    if (filter.type !== undefined) {
      params.push(filter.type);
      where += ` AND type = $${params.length}`;
    }
    if (filter.webhookId !== undefined) {
      params.push(filter.webhookId);
      where += ` AND webhook_id = $${params.length}`;
    }
    const { rows } = await this.db.query<SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE ${where} ORDER BY created_at, id`,
      params,
    );
    return rows.map(toSubscription);
  }

  async setActive(accountId: string, id: string, active: boolean): Promise<SubscriptionRecord | undefined> {
    const { rows } = await this.db.query<SubscriptionRow>(
      'UPDATE subscriptions SET active = $3 WHERE account_id = $1 AND id = $2 RETURNING *',
      [accountId, id, active],
    );
    return rows[0] && toSubscription(rows[0]);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const { changes } = await this.db.query('DELETE FROM subscriptions WHERE account_id = $1 AND id = $2', [
      accountId,
      id,
    ]);
    return changes > 0;
  }
}

function toSubscription(row: SubscriptionRow): SubscriptionRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    type: row.type as EventType,
    scope: row.scope,
    webhookId: row.webhook_id,
    active: bool(row.active),
    createdAt: row.created_at,
  };
}
