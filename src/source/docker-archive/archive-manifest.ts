import { SourceFormatError, SourceNotFoundError } from '../../errors/index.js';

/** One entry of a `docker save` archive's manifest.json. */
export interface ArchiveManifestEntry {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
}

export function parseArchiveManifest(value: unknown, where: string): ArchiveManifestEntry[] {
  if (!Array.isArray(value)) throw new SourceFormatError(`${where}: manifest.json is not a list of images`);
  return value.map((item: unknown, i) => {
    const entry = item as Partial<ArchiveManifestEntry> | null;
    if (
      !entry ||
      typeof entry.Config !== 'string' ||
      !Array.isArray(entry.Layers) ||
      !entry.Layers.every((l) => typeof l === 'string')
    ) {
      throw new SourceFormatError(`${where}: manifest.json entry ${i} lacks Config or Layers`);
    }
    return {
      Config: entry.Config,
      RepoTags: Array.isArray(entry.RepoTags) ? entry.RepoTags : null,
      Layers: entry.Layers,
    };
  });
}

/**
 * Picks the image for `tag` (`name:tag` as in RepoTags; `debian:12` also matches
 * `docker.io/library/debian:12`). Without a tag the archive must hold exactly one image.
 */
export function selectArchiveImage(
  entries: ArchiveManifestEntry[],
  tag: string | undefined,
  where: string,
): ArchiveManifestEntry {
  const all = entries.flatMap((e) => e.RepoTags ?? []);
  if (tag !== undefined) {
    const wanted = variants(tag);
    const found = entries.find((e) => (e.RepoTags ?? []).some((t) => wanted.has(t) || variants(t).has(tag)));
    if (found) return found;
    throw new SourceNotFoundError(
      `${where} has no image tagged "${tag}" (tags: ${all.join(', ') || 'none'})`,
    );
  }
  if (entries.length === 1) return entries[0]!;
  if (entries.length === 0) throw new SourceNotFoundError(`${where} holds no image`);
  throw new SourceNotFoundError(
    `${where} holds ${entries.length} images; name one as ${where}:NAME:TAG (tags: ${all.join(', ') || 'none'})`,
  );
}

function variants(tag: string): Set<string> {
  const out = new Set([tag]);
  const withTag = /:[^/]+$/.test(tag) ? tag : `${tag}:latest`;
  out.add(withTag);
  for (const prefix of ['docker.io/', 'docker.io/library/', 'library/']) {
    if (withTag.startsWith(prefix)) out.add(withTag.slice(prefix.length));
  }
  return out;
}
