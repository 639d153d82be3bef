import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../../../errors/index.js';
import type { SqlDriver } from '../sql/sql-driver.js';
import type { Account, AccountRole, AccountStore, ApiKeyRecord, ApiKeyStore } from '../types.js';
import { now, optional } from './row-values.js';

interface AccountRow {
  id: string;
  name: string;
  role: AccountRole;
  created_at: string;
}

interface ApiKeyRow {
  id: string;
  account_id: string;
  name: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

const ACCOUNT_COLUMNS = 'id, name, role, created_at';

export class SqlAccountStore implements AccountStore {
  constructor(private readonly db: SqlDriver) {}

  async create(input: { name: string; role: AccountRole }): Promise<Account> {
    const account: Account = { id: randomUUID(), name: input.name, role: input.role, createdAt: now() };
    try {
      await this.db.query('INSERT INTO accounts (id, name, role, created_at) VALUES ($1, $2, $3, $4)', [
        account.id,
        account.name,
        account.role,
        account.createdAt,
      ]);
    } catch (err) {
      if (err instanceof ConflictError) throw new ConflictError(`account ${input.name} already exists`);
      throw err;
    }
    return account;
  }

  async get(id: string): Promise<Account | undefined> {
    const { rows } = await this.db.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`,
      [id],
    );
    return rows[0] && toAccount(rows[0]);
  }

  async byName(name: string): Promise<Account | undefined> {
    const { rows } = await this.db.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE name = $1`,
      [name],
    );
    return rows[0] && toAccount(rows[0]);
  }

  async list(): Promise<Account[]> {
    const { rows } = await this.db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY name`);
    return rows.map(toAccount);
  }

  /** The foreign keys cascade: one statement removes the account and everything it owns. */
  async delete(id: string): Promise<boolean> {
    const { changes } = await this.db.query('DELETE FROM accounts WHERE id = $1', [id]);
    return changes > 0;
  }
}

export class SqlApiKeyStore implements ApiKeyStore {
  constructor(private readonly db: SqlDriver) {}

  async create(input: {
    id: string;
    accountId: string;
    name: string;
    secretHash: string;
  }): Promise<ApiKeyRecord> {
    const record: ApiKeyRecord = { ...input, createdAt: now() };
    try {
      await this.db.query(
        'INSERT INTO api_keys (id, account_id, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [record.id, record.accountId, record.name, record.secretHash, record.createdAt],
      );
    } catch (err) {
      if (err instanceof ConflictError) throw new ConflictError(`API key ${input.id} already exists`);
      if (err instanceof NotFoundError) throw new NotFoundError(`account ${input.accountId} does not exist`);
      throw err;
    }
    return record;
  }

  async byId(id: string): Promise<ApiKeyRecord | undefined> {
    const { rows } = await this.db.query<ApiKeyRow>('SELECT * FROM api_keys WHERE id = $1', [id]);
    return rows[0] && toApiKey(rows[0]);
  }

  async list(accountId: string): Promise<ApiKeyRecord[]> {
    const { rows } = await this.db.query<ApiKeyRow>(
      'SELECT * FROM api_keys WHERE account_id = $1 ORDER BY created_at, id',
      [accountId],
    );
    return rows.map(toApiKey);
  }

  /** False when the account has no such key; revoking twice keeps the first time. */
  async revoke(accountId: string, id: string, at: string): Promise<boolean> {
    const { changes } = await this.db.query(
      'UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $3) WHERE account_id = $1 AND id = $2',
      [accountId, id, at],
    );
    return changes > 0;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [id, at]);
  }
}

function toAccount(row: AccountRow): Account {
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at };
}

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  const record: ApiKeyRecord = {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    secretHash: row.secret_hash,
    createdAt: row.created_at,
  };
  const revokedAt = optional(row.revoked_at);
  const lastUsedAt = optional(row.last_used_at);
  if (revokedAt) record.revokedAt = revokedAt;
  if (lastUsedAt) record.lastUsedAt = lastUsedAt;
  return record;
}
