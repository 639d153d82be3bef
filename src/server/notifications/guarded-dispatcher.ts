import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { forbiddenAddressReason, forbiddenHostReason, normalHost } from './address-rules.js';
import { WebhookRefusedError } from './webhook-refused.js';

/** Hosts an administrator allowed explicitly (`--allow-webhook-host`): no address rule applies to them. */
export type AllowedHosts = readonly string[];

export function isAllowedHost(allowed: AllowedHosts, hostname: string): boolean {
  const host = normalHost(hostname);
  return allowed.some((h) => normalHost(h) === host);
}

/** Refuses a URL before any connection: its scheme, a forbidden name or address literal. */
export function checkWebhookUrl(url: URL, allowed: AllowedHosts): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new WebhookRefusedError(`webhook URLs are http or https, not ${url.protocol}`);
  if (isAllowedHost(allowed, url.hostname)) return;
  const reason = forbiddenHostReason(url.hostname);
  if (reason) throw new WebhookRefusedError(`refused to deliver to ${url.hostname}: ${reason}`);
}

/**
 * The address check at connect time: the name is resolved here, and the connection goes to the
 * very address that was checked, so a name that resolves to a public address for the first
 * check and to 169.254.169.254 later (DNS rebinding) is still refused.
 */
function guardedLookup(allowed: AllowedHosts): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (!isAllowedHost(allowed, hostname)) {
        for (const { address } of addresses) {
          const reason = forbiddenAddressReason(address);
          if (reason)
            return callback(
              new WebhookRefusedError(`refused to deliver to ${hostname} (${address}): ${reason}`),
              '',
              0,
            );
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** An undici dispatcher whose every connection passes the address rule (unless its host is allowed). */
export function guardedDispatcher(allowed: AllowedHosts, connectTimeoutMs = 10_000): Agent {
  return new Agent({
    connect: { lookup: guardedLookup(allowed), timeout: connectTimeoutMs },
    keepAliveTimeout: 4_000,
  });
}
