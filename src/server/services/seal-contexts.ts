/**
 * What each sealed secret is bound to (the AES-GCM additional data): a seal copied to another
 * account's row, another registry or another image does not open there.
 */
export const sealContext = {
  /** An account's stored password for one registry host. */
  registryPassword: (accountId: string, registry: string): string => `registry:${accountId}:${registry}`,
  /** The credentials a Harbor scan request brought for one image of one account. */
  scanRequest: (accountId: string, digest: string): string => `scan-request:${accountId}:${digest}`,
  /** A webhook's signing secret. */
  webhookSecret: (accountId: string, webhookId: string): string => `webhook-secret:${accountId}:${webhookId}`,
  /** A webhook's receiver credentials (JIRA's user API token). */
  webhookAuth: (accountId: string, webhookId: string): string => `webhook-auth:${accountId}:${webhookId}`,
};
