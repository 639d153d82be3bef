import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { SecretBox } from '../store/secret-box/index.js';
import type { DeliveryRecord, ServiceStore } from '../store/types.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './backoff.js';
import { guardedDispatcher, type AllowedHosts } from './guarded-dispatcher.js';
import { openWebhook, sendNotification, type SendOutcome } from './send-notification.js';

/** Where the loop reports; a pino logger fits. Never given a secret or a payload. */
export interface DeliveryLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface DeliverySettings {
  /** Hosts an administrator allowed past the address rule (`--allow-webhook-host`). */
  allowedHosts?: AllowedHosts;
  retry?: Partial<RetryPolicy>;
  /** One request's time limit (default 10 s). */
  timeoutMs?: number;
  /** Deliveries claimed per pass (default 20), sent at once. */
  batchSize?: number;
  /** How long a claim holds before another worker may take the row (default 5 × the timeout). */
  leaseMs?: number;
}

export interface DeliveryDeps {
  store: ServiceStore;
  secretBox: SecretBox;
  log?: DeliveryLog;
  now?: () => Date;
}

export interface PassOutcome {
  delivered: number;
  retried: number;
  failed: number;
}

/** One pass of the outbox: claims what is due, sends each, records each outcome. */
export async function deliverDue(
  deps: DeliveryDeps,
  settings: DeliverySettings,
  dispatcher: Dispatcher,
): Promise<PassOutcome> {
  const now = deps.now ?? (() => new Date());
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const token = randomUUID();
  const claimed = await deps.store.deliveries.claimDue({
    now: now().toISOString(),
    leaseUntil: new Date(now().getTime() + (settings.leaseMs ?? timeoutMs * 5)).toISOString(),
    token,
    limit: settings.batchSize ?? 20,
  });
  const outcome: PassOutcome = { delivered: 0, retried: 0, failed: 0 };
  const policy = { ...DEFAULT_RETRY_POLICY, ...settings.retry };
  await Promise.all(
    claimed.map(async (delivery) => {
      const sent = await attempt(deps, delivery, {
        dispatcher,
        allowedHosts: settings.allowedHosts ?? [],
        timeoutMs,
        now,
      });
      const status = sent.ok || sent.status === undefined ? {} : { status: sent.status };
      const fields = { deliveryId: delivery.id, eventId: delivery.eventId, attempt: delivery.attempts };
      if (sent.ok) {
        await deps.store.deliveries.markDelivered(delivery.id, token, {
          at: now().toISOString(),
          status: sent.status,
        });
        outcome.delivered++;
        deps.log?.info({ ...fields, status: sent.status }, 'notification delivered');
      } else if (sent.permanent || delivery.attempts >= policy.maxAttempts) {
        const error = sent.permanent
          ? sent.error
          : `${sent.error} (gave up after ${delivery.attempts} attempts)`;
        await deps.store.deliveries.markFailed(delivery.id, token, { error, ...status });
        outcome.failed++;
        deps.log?.warn({ ...fields, reason: error }, 'notification failed');
      } else {
        const nextAttemptAt = new Date(
          now().getTime() + retryDelayMs(policy, delivery.attempts),
        ).toISOString();
        await deps.store.deliveries.markRetry(delivery.id, token, {
          nextAttemptAt,
          error: sent.error,
          ...status,
        });
        outcome.retried++;
        deps.log?.info({ ...fields, reason: sent.error, nextAttemptAt }, 'notification will be retried');
      }
    }),
  );
  return outcome;
}

async function attempt(
  deps: DeliveryDeps,
  delivery: DeliveryRecord,
  settings: Parameters<typeof sendNotification>[3],
): Promise<SendOutcome> {
  const event = await deps.store.events.get(delivery.accountId, delivery.eventId);
  const webhook = await deps.store.webhooks.get(delivery.accountId, delivery.webhookId);
  if (!event || !webhook) return { ok: false, error: 'the event or the webhook is gone', permanent: true };
  let opened;
  try {
    opened = openWebhook(deps.secretBox, webhook);
  } catch (err) {
    return { ok: false, error: (err as Error).message, permanent: true };
  }
  return sendNotification(opened, event, delivery.id, settings);
}

export interface RunningDeliveries {
  stop(): Promise<void>;
}

/**
 * Runs deliverDue every `intervalMs` (default 1 s; at once again while a pass finds work) until
 * stopped. Every worker process runs one: the row claim keeps two from sending the same
 * delivery at the same time. Errors are logged, never thrown.
 */
export function startDeliveryLoop(
  deps: DeliveryDeps,
  settings: DeliverySettings & { intervalMs?: number } = {},
): RunningDeliveries {
  const dispatcher = guardedDispatcher(settings.allowedHosts ?? [], settings.timeoutMs ?? 10_000);
  const interval = settings.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = (): void => {
    running = deliverDue(deps, settings, dispatcher)
      .then((outcome) => outcome.delivered + outcome.retried + outcome.failed > 0)
      .catch((err: unknown) => {
        deps.log?.warn({ err }, 'delivering notifications failed');
        return false;
      })
      .then((busy) => {
        if (stopped) return;
        timer = setTimeout(pass, busy ? 0 : interval);
        timer.unref();
      });
  };
  pass();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await dispatcher.close();
    },
  };
}
