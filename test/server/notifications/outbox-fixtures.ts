import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { EventType, NewEvent } from '../../../src/server/events/index.js';
import { sealContext } from '../../../src/server/services/seal-contexts.js';
import { createSecretBox, type SecretBox } from '../../../src/server/store/secret-box/index.js';
import type { ServiceStoreOptions } from '../../../src/server/store/index.js';
import type { ServiceStore, WebhookKind, WebhookOptions } from '../../../src/server/store/types.js';

export const box: SecretBox = createSecretBox(randomBytes(32));

export const digestOf = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;

/** A webhook written straight to the store (as the service would, secret sealed), and its secret. */
export async function addWebhook(
  store: ServiceStore,
  accountId: string,
  url: string,
  kind: WebhookKind = 'generic',
  options: WebhookOptions = {},
  authToken?: string,
): Promise<{ id: string; secret: string }> {
  const id = randomUUID();
  const secret = `whsec_${randomBytes(12).toString('hex')}`;
  await store.webhooks.create({
    id,
    accountId,
    name: `hook ${id.slice(0, 8)}`,
    url,
    kind,
    options,
    sealedSecret: box.seal(secret, sealContext.webhookSecret(accountId, id)),
    ...(authToken !== undefined
      ? { sealedAuth: box.seal(authToken, sealContext.webhookAuth(accountId, id)) }
      : {}),
    at: new Date().toISOString(),
  });
  return { id, secret };
}

export async function subscribe(
  store: ServiceStore,
  accountId: string,
  webhookId: string,
  type: EventType,
  scope = '*',
  active = true,
): Promise<string> {
  const id = randomUUID();
  await store.subscriptions.create({
    id,
    accountId,
    type,
    scope,
    webhookId,
    active,
    createdAt: new Date().toISOString(),
  });
  return id;
}

export function analysisEvent(accountId: string, digest: string, status = 'analyzed'): NewEvent {
  return {
    type: 'analysis_update',
    accountId,
    digest,
    payload: { digest, status, previousStatus: 'analyzing' },
    at: new Date().toISOString(),
  };
}

/** Runs DDL on the store's database through a connection of its own (to install a failing trigger). */
export async function rawExec(
  options: ServiceStoreOptions,
  sqlite: string,
  postgres: string[],
): Promise<void> {
  if ('sqlitePath' in options && options.sqlitePath) {
    const db = new Database(options.sqlitePath);
    try {
      db.exec(sqlite);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: (options as { databaseUrl: string }).databaseUrl });
  await client.connect();
  try {
    for (const statement of postgres) await client.query(statement);
  } finally {
    await client.end();
  }
}
