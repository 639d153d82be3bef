import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may not point: loopback, link-local (the cloud metadata services live there),
 * the metadata services' own addresses and names, and the unspecified addresses. Private
 * networks (10/8, 192.168/16, fc00::/7 but the EC2 IPv6 metadata address) are allowed: an
 * on-premises JIRA or chat server lives there.
 */
const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('127.0.0.0', 8, 'ipv4');
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4');
FORBIDDEN.addSubnet('0.0.0.0', 8, 'ipv4');
FORBIDDEN.addAddress('::1', 'ipv6');
FORBIDDEN.addAddress('::', 'ipv6');
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6');
FORBIDDEN.addAddress('fd00:ec2::254', 'ipv6');

const FORBIDDEN_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

/** Why this address may not be delivered to, or undefined when it may. */
export function forbiddenAddressReason(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return forbiddenAddressReason(mapped[1]!);
  if (FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6'))
    return `${address} is a loopback, link-local, metadata or unspecified address`;
  return undefined;
}

/** The host part of a URL as it is compared (lower case, no IPv6 brackets, no trailing dot). */
export function normalHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/** Why the URL's host itself (a name or an address literal) may not be delivered to. */
export function forbiddenHostReason(hostname: string): string | undefined {
  const host = normalHost(hostname);
  if (FORBIDDEN_NAMES.has(host)) return `${host} is a cloud metadata service`;
  if (isIP(host) !== 0) return forbiddenAddressReason(host);
  return undefined;
}
