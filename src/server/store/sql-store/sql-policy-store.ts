import { ConflictError, NotFoundError } from '../../../errors/index.js';
import type { SqlDriver, SqlExecutor } from '../sql/sql-driver.js';
import type { PolicyRecord, PolicyStore } from '../types.js';
import { bool, fromJson, toJson } from './row-values.js';

interface PolicyRow {
  account_id: string;
  policy_id: string;
  name: string;
  bundle: string;
  active: number | boolean;
  created_at: string;
  updated_at: string;
}

/**
 * An account's policy bundles. At most one is active: activate() switches it in one
 * transaction, and a partial unique index (policies_one_active) refuses a second active row
 * whatever the code does.
 */
export class SqlPolicyStore implements PolicyStore {
  constructor(private readonly db: SqlDriver) {}

  async put(input: {
    accountId: string;
    policyId: string;
    name: string;
    bundle: unknown;
    at: string;
  }): Promise<PolicyRecord> {
    try {
      const { rows } = await this.db.query<PolicyRow>(
        `INSERT INTO policies (account_id, policy_id, name, bundle, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, FALSE, $5, $5)
         ON CONFLICT (account_id, policy_id) DO UPDATE
           SET name = excluded.name, bundle = excluded.bundle, updated_at = excluded.updated_at
         RETURNING *`,
        [input.accountId, input.policyId, input.name, toJson(input.bundle), input.at],
      );
      return toPolicy(rows[0]!);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`account ${input.accountId} does not exist`);
      throw err;
    }
  }

  async get(accountId: string, policyId: string): Promise<PolicyRecord | undefined> {
    return selectOne(this.db, accountId, policyId);
  }

  async list(accountId: string): Promise<PolicyRecord[]> {
    const { rows } = await this.db.query<PolicyRow>(
      'SELECT * FROM policies WHERE account_id = $1 ORDER BY created_at, policy_id',
      [accountId],
    );
    return rows.map(toPolicy);
  }

  async activate(accountId: string, policyId: string, at: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await this.lockAccount(tx, accountId);
      const target = await selectOne(tx, accountId, policyId);
      if (!target) return false;
      if (target.active) return true;
      // Deactivate first: the unique index is checked per statement.
      await tx.query('UPDATE policies SET active = FALSE, updated_at = $2 WHERE account_id = $1 AND active', [
        accountId,
        at,
      ]);
      await tx.query(
        'UPDATE policies SET active = TRUE, updated_at = $3 WHERE account_id = $1 AND policy_id = $2',
        [accountId, policyId, at],
      );
      return true;
    });
  }

  async active(accountId: string): Promise<PolicyRecord | undefined> {
    const { rows } = await this.db.query<PolicyRow>(
      'SELECT * FROM policies WHERE account_id = $1 AND active',
      [accountId],
    );
    return rows[0] && toPolicy(rows[0]);
  }

  async delete(accountId: string, policyId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await this.lockAccount(tx, accountId);
      const target = await selectOne(tx, accountId, policyId);
      if (!target) return false;
      if (target.active) {
        throw new ConflictError(
          `policy ${policyId} is the active policy: activate another one before deleting it`,
        );
      }
      await tx.query('DELETE FROM policies WHERE account_id = $1 AND policy_id = $2', [accountId, policyId]);
      return true;
    });
  }

  /**
   * Policy changes of one account run one after another: on PostgreSQL two activations racing
   * under READ COMMITTED would otherwise both pass their first step and the second would trip
   * the unique index. SQLite's BEGIN IMMEDIATE already holds the file's write lock.
   */
  private async lockAccount(tx: SqlExecutor, accountId: string): Promise<void> {
    if (this.db.dialect === 'postgres') {
      await tx.query('SELECT id FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
    }
  }
}

async function selectOne(
  db: SqlExecutor,
  accountId: string,
  policyId: string,
): Promise<PolicyRecord | undefined> {
  const { rows } = await db.query<PolicyRow>(
    'SELECT * FROM policies WHERE account_id = $1 AND policy_id = $2',
    [accountId, policyId],
  );
  return rows[0] && toPolicy(rows[0]);
}

function toPolicy(row: PolicyRow): PolicyRecord {
  return {
    accountId: row.account_id,
    policyId: row.policy_id,
    name: row.name,
    bundle: fromJson<unknown>(row.bundle, `policy ${row.policy_id}`),
    active: bool(row.active),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
