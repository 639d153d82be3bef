import { parseImageReference } from '../../../source/reference/image-reference.js';
import type { Sbom } from '../../../model/sbom.js';

/** Docker Hub's other host names, all meaning `docker.io`. */
const DOCKER_HUB_ALIASES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

export function normaliseRegistry(host: string): string {
  const lower = host.trim().toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? 'docker.io' : lower;
}

/**
 * The registry and repository an image was pulled from; undefined for local sources (OCI
 * directories and archives, docker-archive, dir), whose tags are self-declared and prove nothing
 * about where the image came from.
 */
export function imageOrigin(sbom: Sbom): { registry: string; repository: string } | undefined {
  if (sbom.source?.type !== 'registry' || typeof sbom.source.reference !== 'string') return undefined;
  return referenceOrigin(sbom.source.reference);
}

/** The registry (Docker Hub's aliases as docker.io) and repository a pull reference names; undefined when it does not parse. */
export function referenceOrigin(reference: string): { registry: string; repository: string } | undefined {
  try {
    const ref = parseImageReference(reference);
    return { registry: normaliseRegistry(ref.registry), repository: ref.repository };
  } catch {
    return undefined;
  }
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * Whether an allowed-registry entry covers the origin: `host` (`*` wildcards allowed, as in
 * `*.acme.io`), or `host/path` to allow only repositories under that path.
 */
export function registryAllowed(entry: string, origin: { registry: string; repository: string }): boolean {
  const slash = entry.indexOf('/');
  const host = normaliseRegistry(slash === -1 ? entry : entry.slice(0, slash));
  const prefix = slash === -1 ? '' : entry.slice(slash + 1).replace(/\/+$/, '');
  if (!globToRegExp(host).test(origin.registry)) return false;
  return prefix === '' || origin.repository === prefix || origin.repository.startsWith(`${prefix}/`);
}
