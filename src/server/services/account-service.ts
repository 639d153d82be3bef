import { ConflictError, ForbiddenError, NotFoundError } from '../../errors/index.js';
import { newApiKey } from '../auth/api-key.js';
import type { Account, AccountRole, ApiKeyRecord, ServiceStore } from '../store/types.js';

export interface KeyView {
  id: string;
  name: string;
  created_at: string;
  revoked_at?: string;
  last_used_at?: string;
}

export interface AccountView {
  id: string;
  name: string;
  role: AccountRole;
  created_at: string;
}

/** Accounts (admin only) and an account's own API keys. */
export class AccountService {
  constructor(
    private readonly store: ServiceStore,
    private readonly now: () => Date,
  ) {}

  async createAccount(input: {
    name: string;
    role?: AccountRole;
  }): Promise<{ account: AccountView; key: string }> {
    if (await this.store.accounts.byName(input.name))
      throw new ConflictError(`an account named ${input.name} exists already`);
    const account = await this.store.accounts.create({ name: input.name, role: input.role ?? 'user' });
    const { key } = await this.createKey(account.id, 'initial key');
    return { account: accountView(account), key };
  }

  async listAccounts(): Promise<AccountView[]> {
    return (await this.store.accounts.list()).map(accountView);
  }

  async getAccount(id: string): Promise<AccountView> {
    const account = await this.store.accounts.get(id);
    if (!account) throw new NotFoundError(`no account ${id}`);
    return accountView(account);
  }

  async deleteAccount(id: string, actingAccountId: string): Promise<void> {
    if (id === actingAccountId) throw new ForbiddenError('an account cannot delete itself');
    if (!(await this.store.accounts.delete(id))) throw new NotFoundError(`no account ${id}`);
  }

  /** A new key for the account: the whole key is in this answer only. */
  async createKey(accountId: string, name: string): Promise<{ key: string; view: KeyView }> {
    const fresh = newApiKey();
    const record = await this.store.apiKeys.create({
      id: fresh.keyId,
      accountId,
      name,
      secretHash: fresh.secretHash,
    });
    return { key: fresh.key, view: keyView(record) };
  }

  async listKeys(accountId: string): Promise<KeyView[]> {
    return (await this.store.apiKeys.list(accountId)).map(keyView);
  }

  async revokeKey(accountId: string, keyId: string): Promise<void> {
    if (!(await this.store.apiKeys.revoke(accountId, keyId, this.now().toISOString())))
      throw new NotFoundError(`no API key ${keyId}`);
  }
}

function accountView(account: Account): AccountView {
  return { id: account.id, name: account.name, role: account.role, created_at: account.createdAt };
}

function keyView(record: ApiKeyRecord): KeyView {
  return {
    id: record.id,
    name: record.name,
    created_at: record.createdAt,
    ...(record.revokedAt !== undefined ? { revoked_at: record.revokedAt } : {}),
    ...(record.lastUsedAt !== undefined ? { last_used_at: record.lastUsedAt } : {}),
  };
}
