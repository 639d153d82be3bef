/**
 * The service's rule for the registries it reaches on its users' behalf (image references,
 * token realms, blob redirects): no loopback, link-local, cloud metadata or unspecified address
 * (SSRF), except the hosts the administrator named — as insecure registries or as allowed
 * registry hosts. A user's own registry credential never widens it.
 */
export function registryAddressRule(settings: {
  insecureRegistries?: readonly string[];
  allowedRegistryHosts?: readonly string[];
}): { allowedHosts: string[] } {
  const hosts = [...(settings.insecureRegistries ?? []), ...(settings.allowedRegistryHosts ?? [])];
  return { allowedHosts: [...new Set(hosts.map(hostWithoutPort))] };
}

/** `127.0.0.1:5000` → `127.0.0.1`, `[::1]:5000` → `::1`, `registry.local` as it is. */
function hostWithoutPort(entry: string): string {
  const text = entry.trim().toLowerCase();
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (v6) return v6[1]!;
  const colon = text.lastIndexOf(':');
  return colon > 0 && text.indexOf(':') === colon && /^\d+$/.test(text.slice(colon + 1))
    ? text.slice(0, colon)
    : text;
}
