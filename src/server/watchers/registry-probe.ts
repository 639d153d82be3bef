import { RegistryError } from '../../errors/index.js';
import { registryApiHost } from '../../source/reference/index.js';
import { MANIFEST_ACCEPT, RegistryClient, isInsecure } from '../../source/registry/index.js';
import { fetchManifest } from '../../source/registry/manifest-fetch.js';
import { readBodyLimited } from '../../source/registry/read-body.js';

export interface ProbeAccess {
  /** The account's stored credential for the registry, opened (never logged). */
  credentials?: { username: string; password: string };
  /** Plain HTTP or unverified TLS (the credential says not to verify, or the host is listed). */
  insecure: boolean;
  /** A docker config that holds nothing: the service never uses its host's credentials. */
  noDockerConfig: string;
  /** Where registries may not be reached (see registryAddressRule). */
  addressRule?: { allowedHosts: readonly string[] };
  signal?: AbortSignal;
}

/** A client for one watched repository, with the registry client's token and Basic auth. */
export function probeClient(registry: string, repository: string, access: ProbeAccess): RegistryClient {
  return new RegistryClient(registry, registryApiHost(registry), repository, {
    ...(access.credentials ? { credentials: access.credentials } : {}),
    insecureRegistries: access.insecure ? [registry] : [],
    dockerConfigPath: access.noDockerConfig,
    ...(access.addressRule ? { addressRule: access.addressRule } : {}),
    ...(access.signal ? { signal: access.signal } : {}),
  });
}

/** Whether a registry is reached insecurely: the credential's verify flag or the service's list. */
export function insecureFor(registry: string, verifyTls: boolean, insecureRegistries: string[]): boolean {
  return !verifyTls || isInsecure(registry, registryApiHost(registry), insecureRegistries);
}

export type TagHead =
  { kind: 'not-modified' } | { kind: 'missing' } | { kind: 'found'; digest: string; etag?: string };

/**
 * HEAD of a tag's manifest, with the OCI and Docker manifest and index types accepted and the
 * last ETag as If-None-Match: 304 means unchanged. A registry that sends no Docker-Content-Digest
 * has its manifest read (GET) and hashed instead.
 */
export async function headTag(client: RegistryClient, tag: string, etag?: string): Promise<TagHead> {
  const res = await client.get(`manifests/${encodeURIComponent(tag)}`, {
    method: 'HEAD',
    accept: MANIFEST_ACCEPT,
    ...(etag ? { headers: { 'if-none-match': etag } } : {}),
  });
  await res.body.dump();
  if (res.status === 304) return { kind: 'not-modified' };
  if (res.status === 404) return { kind: 'missing' };
  if (res.status !== 200)
    throw new RegistryError(
      'registry-response',
      `${client.registry}: HEAD of ${client.repository}:${tag} answered HTTP ${res.status}`,
      { status: res.status },
    );
  const newEtag = header(res.headers['etag']);
  const digest =
    header(res.headers['docker-content-digest']) ??
    (await fetchManifest(client, tag, `${client.repository}:${tag}`)).digest;
  return { kind: 'found', digest, ...(newEtag ? { etag: newEtag } : {}) };
}

const MAX_TAG_PAGES = 200;
const MAX_TAG_PAGE_BYTES = 8 * 1024 * 1024;

/** Every tag of the repository (GET /v2/<name>/tags/list, following the Link header's next page). */
export async function listTags(client: RegistryClient): Promise<string[]> {
  const tags: string[] = [];
  let next: string | undefined = 'tags/list?n=1000';
  for (let page = 0; next !== undefined && page < MAX_TAG_PAGES; page++) {
    const res = await client.get(next, { accept: 'application/json' });
    if (res.status === 404) {
      await res.body.dump();
      return tags;
    }
    if (res.status !== 200) {
      await res.body.dump();
      throw new RegistryError(
        'registry-response',
        `${client.registry}: the tag list of ${client.repository} answered HTTP ${res.status}`,
        { status: res.status },
      );
    }
    const body = await readBodyLimited(res.body, MAX_TAG_PAGE_BYTES, `tag list of ${client.repository}`);
    let parsed: { tags?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8')) as { tags?: unknown };
    } catch (err) {
      throw new RegistryError('registry-response', `${client.registry}: the tag list is not JSON`, {
        cause: err,
      });
    }
    if (Array.isArray(parsed.tags)) for (const t of parsed.tags) if (typeof t === 'string') tags.push(t);
    next = nextPage(header(res.headers['link']));
  }
  return tags;
}

/** `</v2/repo/tags/list?last=x&n=100>; rel="next"` → `tags/list?last=x&n=100`. */
export function nextPage(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (!match || !/rel="?next"?/i.test(match[2]!)) continue;
    const url = new URL(match[1]!, 'http://registry.invalid');
    return `tags/list${url.search}`;
  }
  return undefined;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
