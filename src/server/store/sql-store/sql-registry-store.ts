import { NotFoundError } from '../../../errors/index.js';
import type { SqlDriver } from '../sql/sql-driver.js';
import type { RegistryCredentialRecord, RegistryCredentialStore } from '../types.js';
import { bool, optional } from './row-values.js';

interface CredentialRow {
  account_id: string;
  registry: string;
  name: string | null;
  username: string;
  sealed_password: string;
  type: 'docker_v2';
  verify_tls: number | boolean;
  created_at: string;
  updated_at: string;
}

/** Registry credentials; the password column only ever holds the secret box's sealed envelope. */
export class SqlRegistryCredentialStore implements RegistryCredentialStore {
  constructor(private readonly db: SqlDriver) {}

  async put(
    record: Omit<RegistryCredentialRecord, 'createdAt' | 'updatedAt'> & { at: string },
  ): Promise<RegistryCredentialRecord> {
    try {
      const { rows } = await this.db.query<CredentialRow>(
        `INSERT INTO registry_credentials
           (account_id, registry, name, username, sealed_password, type, verify_tls, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT (account_id, registry) DO UPDATE SET
           name = excluded.name, username = excluded.username, sealed_password = excluded.sealed_password,
           type = excluded.type, verify_tls = excluded.verify_tls, updated_at = excluded.updated_at
         RETURNING *`,
        [
          record.accountId,
          record.registry,
          record.name ?? null,
          record.username,
          record.sealedPassword,
          record.type,
          record.verifyTls,
          record.at,
        ],
      );
      return toCredential(rows[0]!);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`account ${record.accountId} does not exist`);
      throw err;
    }
  }

  async get(accountId: string, registry: string): Promise<RegistryCredentialRecord | undefined> {
    const { rows } = await this.db.query<CredentialRow>(
      'SELECT * FROM registry_credentials WHERE account_id = $1 AND registry = $2',
      [accountId, registry],
    );
    return rows[0] && toCredential(rows[0]);
  }

  async list(accountId: string): Promise<RegistryCredentialRecord[]> {
    const { rows } = await this.db.query<CredentialRow>(
      'SELECT * FROM registry_credentials WHERE account_id = $1 ORDER BY registry',
      [accountId],
    );
    return rows.map(toCredential);
  }

  async delete(accountId: string, registry: string): Promise<boolean> {
    const { changes } = await this.db.query(
      'DELETE FROM registry_credentials WHERE account_id = $1 AND registry = $2',
      [accountId, registry],
    );
    return changes > 0;
  }
}

function toCredential(row: CredentialRow): RegistryCredentialRecord {
  const record: RegistryCredentialRecord = {
    accountId: row.account_id,
    registry: row.registry,
    username: row.username,
    sealedPassword: row.sealed_password,
    type: row.type,
    verifyTls: bool(row.verify_tls),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  const name = optional(row.name);
  if (name !== undefined) record.name = name;
  return record;
}
