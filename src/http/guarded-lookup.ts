import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { forbiddenAddressReason, forbiddenHostReason, normalHost } from './address-rules.js';

/** Hosts an administrator allowed explicitly: no address rule applies to them. */
export type AllowedHosts = readonly string[];

export function isAllowedHost(allowed: AllowedHosts, hostname: string): boolean {
  const host = normalHost(hostname);
  return allowed.some((h) => normalHost(h) === host);
}

/** Why a host name or address literal may not be connected to (unless allowed); undefined when it may. */
export function refusedHostReason(allowed: AllowedHosts, hostname: string): string | undefined {
  return isAllowedHost(allowed, hostname) ? undefined : forbiddenHostReason(hostname);
}

/**
 * A DNS lookup for connections that checks every address a name resolves to against the address
 * rule (loopback, link-local, metadata, unspecified) unless the name is allowed, and connects to
 * the very address it checked: a name that resolves to a public address first and to
 * 169.254.169.254 later (DNS rebinding) is still refused. `refused` makes the error.
 */
export function guardedLookup(allowed: AllowedHosts, refused: (message: string) => Error): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (!isAllowedHost(allowed, hostname)) {
        for (const { address } of addresses) {
          const reason = forbiddenAddressReason(address);
          if (reason) return callback(refused(`${hostname} (${address}): ${reason}`), '', 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
