import { ForbiddenError, UnauthorizedError } from '../../errors/index.js';
import type { Account, ServiceStore } from '../store/types.js';
import { parseApiKey, secretMatches } from './api-key.js';
import { keyFromAuthorization } from './credentials-header.js';

/** Who a request acts as. */
export interface Principal {
  account: Account;
  keyId: string;
}

/**
 * The account an Authorization header's key belongs to. No key, a malformed one, an unknown id,
 * a wrong secret and a revoked key are all the same UnauthorizedError (nothing tells them apart).
 */
export async function authenticate(
  store: ServiceStore,
  authorization: string | undefined,
  now: () => Date = () => new Date(),
): Promise<Principal> {
  const text = keyFromAuthorization(authorization);
  if (text === undefined) throw new UnauthorizedError();
  const parsed = parseApiKey(text);
  if (!parsed) throw new UnauthorizedError('the API key is not valid');
  const record = await store.apiKeys.byId(parsed.keyId);
  if (!record || !secretMatches(parsed.secret, record.secretHash) || record.revokedAt !== undefined)
    throw new UnauthorizedError('the API key is not valid');
  const account = await store.accounts.get(record.accountId);
  if (!account) throw new UnauthorizedError('the API key is not valid');
  await store.apiKeys.touch(record.id, now().toISOString());
  return { account, keyId: record.id };
}

/** Refuses a principal that is not an administrator. */
export function requireAdmin(principal: Principal): void {
  if (principal.account.role !== 'admin') throw new ForbiddenError('this needs an admin account');
}
