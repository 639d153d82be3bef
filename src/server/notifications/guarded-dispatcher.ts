import { Agent } from 'undici';
import { forbiddenHostReason } from '../../http/address-rules.js';
import { guardedLookup, isAllowedHost, type AllowedHosts } from '../../http/guarded-lookup.js';
import { WebhookRefusedError } from './webhook-refused.js';

export { isAllowedHost, type AllowedHosts };

/** Refuses a URL before any connection: its scheme, a forbidden name or address literal. */
export function checkWebhookUrl(url: URL, allowed: AllowedHosts): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new WebhookRefusedError(`webhook URLs are http or https, not ${url.protocol}`);
  if (isAllowedHost(allowed, url.hostname)) return;
  const reason = forbiddenHostReason(url.hostname);
  if (reason) throw new WebhookRefusedError(`refused to deliver to ${url.hostname}: ${reason}`);
}

/** An undici dispatcher whose every connection passes the address rule (unless its host is allowed). */
export function guardedDispatcher(allowed: AllowedHosts, connectTimeoutMs = 10_000): Agent {
  return new Agent({
    connect: {
      lookup: guardedLookup(
        allowed,
        (message) => new WebhookRefusedError(`refused to deliver to ${message}`),
      ),
      timeout: connectTimeoutMs,
    },
    keepAliveTimeout: 4_000,
  });
}
