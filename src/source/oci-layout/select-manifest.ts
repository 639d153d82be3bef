import { SourceNotFoundError } from '../../errors/index.js';
import type { Descriptor, ImageIndex } from '../oci-types.js';

const REF_NAME = 'org.opencontainers.image.ref.name';
const CONTAINERD_NAME = 'io.containerd.image.name';

/** The names an index entry answers to: its OCI ref name, and containerd's full image name. */
export function entryNames(entry: Descriptor): string[] {
  const names: string[] = [];
  const ref = entry.annotations?.[REF_NAME];
  if (ref) names.push(ref);
  const full = entry.annotations?.[CONTAINERD_NAME];
  if (full) names.push(full);
  return names;
}

/**
 * Picks the top-level entry of an image layout's index.json for `tag`. Without a tag the layout
 * must hold one image (or one image per platform: the caller then picks the platform).
 */
export function selectLayoutEntry(
  index: ImageIndex,
  tag: string | undefined,
  where: string,
): Descriptor | ImageIndex {
  const manifests = index.manifests ?? [];
  if (tag !== undefined) {
    const found = manifests.find((m) => entryNames(m).some((name) => nameMatches(name, tag)));
    if (found) return found;
    throw new SourceNotFoundError(
      `${where} has no image tagged "${tag}" (tags: ${tagsOf(manifests) || 'none'})`,
    );
  }
  if (manifests.length === 1) return manifests[0]!;
  if (manifests.length > 1 && manifests.every((m) => m.platform)) return index;
  if (manifests.length === 0)
    throw new SourceNotFoundError(`${where} holds no image (index.json lists no manifest)`);
  throw new SourceNotFoundError(
    `${where} holds ${manifests.length} images; name one as ${where}:TAG (tags: ${tagsOf(manifests) || 'none'})`,
  );
}

/** `latest` matches `latest` and `docker.io/library/debian:latest`; a full name matches itself. */
function nameMatches(name: string, tag: string): boolean {
  if (name === tag) return true;
  return !tag.includes(':') && !tag.includes('/') && name.endsWith(`:${tag}`);
}

function tagsOf(manifests: Descriptor[]): string {
  return manifests.flatMap(entryNames).join(', ');
}
