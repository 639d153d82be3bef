import { UsageError } from '../../errors/index.js';
import type { Account, ServiceStore } from '../store/types.js';
import { newApiKey, parseApiKey, hashSecret } from './api-key.js';

export const ADMIN_ACCOUNT = 'admin';

export interface AdminBootstrap {
  account: Account;
  /** The new admin key, when this start created it (shown once: the CLI prints it). */
  createdKey?: string;
}

/**
 * Makes sure the `admin` account exists. On the first start it is created with a key: the one
 * `adminKey` gives (CUSTOMS_ADMIN_KEY), else a new one that the caller shows once. A given key
 * that the store does not know yet is added to an existing admin account.
 */
export async function bootstrapAdmin(store: ServiceStore, adminKey?: string): Promise<AdminBootstrap> {
  const given = adminKey !== undefined && adminKey !== '' ? parseApiKey(adminKey) : undefined;
  if (adminKey !== undefined && adminKey !== '' && !given)
    throw new UsageError('CUSTOMS_ADMIN_KEY is not an API key of the form cus_<keyId>_<secret>');
  let account = await store.accounts.byName(ADMIN_ACCOUNT);
  const created = !account;
  account ??= await store.accounts.create({ name: ADMIN_ACCOUNT, role: 'admin' });
  if (given) {
    const known = await store.apiKeys.byId(given.keyId);
    if (!known)
      await store.apiKeys.create({
        id: given.keyId,
        accountId: account.id,
        name: 'CUSTOMS_ADMIN_KEY',
        secretHash: hashSecret(given.secret),
      });
    return { account };
  }
  if (!created) return { account };
  const key = newApiKey();
  await store.apiKeys.create({
    id: key.keyId,
    accountId: account.id,
    name: 'initial admin key',
    secretHash: key.secretHash,
  });
  return { account, createdKey: key.key };
}
