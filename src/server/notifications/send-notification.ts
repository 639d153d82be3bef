import { request, type Dispatcher } from 'undici';
import type { EventRecord } from '../events/event-payloads.js';
import type { SecretBox } from '../store/secret-box/index.js';
import type { WebhookRecord } from '../store/types.js';
import { sealContext } from '../services/seal-contexts.js';
import { checkWebhookUrl, type AllowedHosts } from './guarded-dispatcher.js';
import { formatPayload } from './payloads/format-payload.js';
import { NOTIFICATION_HEADERS, signatureHeader } from './signature.js';
import { WebhookRefusedError } from './webhook-refused.js';

/** A webhook with its secrets opened, for one delivery (never logged). */
export interface OpenedWebhook {
  record: WebhookRecord;
  secret: string;
  /** JIRA: Basic auth user and API token. */
  basicAuth?: { user: string; token: string };
}

export function openWebhook(box: SecretBox, record: WebhookRecord): OpenedWebhook {
  const secret = box.open(record.sealedSecret, sealContext.webhookSecret(record.accountId, record.id));
  const token =
    record.sealedAuth !== undefined
      ? box.open(record.sealedAuth, sealContext.webhookAuth(record.accountId, record.id))
      : undefined;
  return {
    record,
    secret,
    ...(token !== undefined && record.options.jiraUser !== undefined
      ? { basicAuth: { user: record.options.jiraUser, token } }
      : {}),
  };
}

export type SendOutcome =
  | { ok: true; status: number }
  | {
      ok: false;
      status?: number;
      error: string;
      /** Retrying cannot help (the address is refused, the receiver rejected the request as such). */
      permanent: boolean;
    };

export interface SendSettings {
  dispatcher: Dispatcher;
  allowedHosts: AllowedHosts;
  /** The whole request, connect to last byte (default 10 s). */
  timeoutMs?: number;
  now?: () => Date;
}

function refusedIn(err: unknown): WebhookRefusedError | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (e instanceof WebhookRefusedError) return e;
  return undefined;
}

function describe(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    parts.push(typeof code === 'string' && !e.message.includes(code) ? `${e.message} (${code})` : e.message);
  }
  return parts.join(': ') || String(err);
}

/** Statuses worth trying again: the receiver is busy, down or timed out. */
const RETRYABLE = (status: number): boolean => status >= 500 || status === 408 || status === 429;

/**
 * POSTs one notification: the kind's payload, signed (Customs-Signature over the exact body),
 * with the event and delivery ids receivers dedupe on. Never throws: the outcome says what
 * happened. The body a receiver answers with is read and dropped.
 */
export async function sendNotification(
  webhook: OpenedWebhook,
  event: EventRecord,
  deliveryId: string,
  settings: SendSettings,
): Promise<SendOutcome> {
  const { record } = webhook;
  const { url, body } = formatPayload(record.kind, record.url, record.options, event);
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Customs-Notifications/1',
    [NOTIFICATION_HEADERS.signature]: signatureHeader(
      webhook.secret,
      text,
      (settings.now ?? (() => new Date()))(),
    ),
    [NOTIFICATION_HEADERS.eventId]: event.id,
    [NOTIFICATION_HEADERS.deliveryId]: deliveryId,
    [NOTIFICATION_HEADERS.eventType]: event.type,
  };
  if (webhook.basicAuth)
    headers.authorization = `Basic ${Buffer.from(`${webhook.basicAuth.user}:${webhook.basicAuth.token}`).toString('base64')}`;
  const timeoutMs = settings.timeoutMs ?? 10_000;
  try {
    const target = new URL(url);
    checkWebhookUrl(target, settings.allowedHosts);
    const response = await request(target, {
      method: 'POST',
      body: text,
      headers,
      dispatcher: settings.dispatcher,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump();
    const status = response.statusCode;
    if (status >= 200 && status < 300) return { ok: true, status };
    return {
      ok: false,
      status,
      error: `the receiver answered HTTP ${status}`,
      permanent: !RETRYABLE(status),
    };
  } catch (err) {
    const refused = refusedIn(err);
    if (refused) return { ok: false, error: refused.message, permanent: true };
    if (err instanceof TypeError && /Invalid URL/i.test(err.message))
      return { ok: false, error: `not a valid URL: ${record.url}`, permanent: true };
    return { ok: false, error: describe(err), permanent: false };
  }
}
