import { NotFoundError } from '../../../errors/index.js';
import type { SqlDriver } from '../sql/sql-driver.js';
import type { WebhookKind, WebhookOptions, WebhookRecord, WebhookStore } from '../types.js';
import { fromJson, optional, toJson } from './row-values.js';

interface WebhookRow {
  id: string;
  account_id: string;
  name: string;
  url: string;
  kind: string;
  options: string;
  sealed_secret: string;
  sealed_auth: string | null;
  created_at: string;
  updated_at: string;
}

/** The account's webhooks; the secret columns only ever hold the secret box's sealed envelopes. */
export class SqlWebhookStore implements WebhookStore {
  constructor(private readonly db: SqlDriver) {}

  async create(
    record: Omit<WebhookRecord, 'createdAt' | 'updatedAt'> & { at: string },
  ): Promise<WebhookRecord> {
    try {
      const { rows } = await this.db.query<WebhookRow>(
        `INSERT INTO webhooks (id, account_id, name, url, kind, options, sealed_secret, sealed_auth, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
        [
          record.id,
          record.accountId,
          record.name,
          record.url,
          record.kind,
          toJson(record.options),
          record.sealedSecret,
          record.sealedAuth ?? null,
          record.at,
        ],
      );
      return toWebhook(rows[0]!);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`account ${record.accountId} does not exist`);
      throw err;
    }
  }

  async get(accountId: string, id: string): Promise<WebhookRecord | undefined> {
    const { rows } = await this.db.query<WebhookRow>(
      'SELECT * FROM webhooks WHERE account_id = $1 AND id = $2',
      [accountId, id],
    );
    return rows[0] && toWebhook(rows[0]);
  }

  async list(accountId: string): Promise<WebhookRecord[]> {
    const { rows } = await this.db.query<WebhookRow>(
      'SELECT * FROM webhooks WHERE account_id = $1 ORDER BY created_at, id',
      [accountId],
    );
    return rows.map(toWebhook);
  }

  async update(
    accountId: string,
    id: string,
    change: Partial<Pick<WebhookRecord, 'name' | 'url' | 'options' | 'sealedAuth'>> & { at: string },
  ): Promise<WebhookRecord | undefined> {
    const current = await this.get(accountId, id);
    if (!current) return undefined;
    const { rows } = await this.db.query<WebhookRow>(
      `UPDATE webhooks SET name = $3, url = $4, options = $5, sealed_auth = $6, updated_at = $7
       WHERE account_id = $1 AND id = $2 RETURNING *`,
      [
        accountId,
        id,
        change.name ?? current.name,
        change.url ?? current.url,
        toJson(change.options ?? current.options),
        change.sealedAuth ?? current.sealedAuth ?? null,
        change.at,
      ],
    );
    return rows[0] && toWebhook(rows[0]);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const { changes } = await this.db.query('DELETE FROM webhooks WHERE account_id = $1 AND id = $2', [
      accountId,
      id,
    ]);
    return changes > 0;
  }
}

function toWebhook(row: WebhookRow): WebhookRecord {
  const sealedAuth = optional(row.sealed_auth);
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    url: row.url,
    kind: row.kind as WebhookKind,
    options: fromJson<WebhookOptions>(row.options, `webhook ${row.id} options`),
    sealedSecret: row.sealed_secret,
    ...(sealedAuth !== undefined ? { sealedAuth } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
