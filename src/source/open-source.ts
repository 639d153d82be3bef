import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformNotFoundError, UsageError } from '../errors/index.js';
import { openDir } from './dir/open-dir.js';
import { openDockerArchive } from './docker-archive/open-docker-archive.js';
import { openOciArchive } from './oci-archive/open-oci-archive.js';
import { openOciDir } from './oci-dir/open-oci-dir.js';
import { DEFAULT_PLATFORM, platformMismatch } from './platform.js';
import { TarIndex } from './tar-archive/tar-index.js';
import type { OpenedImage, SourceOptions, SourceType } from './types.js';

type Opener = (spec: string, options: SourceOptions) => Promise<OpenedImage>;

/** The source kinds, by the prefix a user writes. */
export const SOURCE_OPENERS: Record<SourceType, Opener> = {
  // The registry client (HTTP, auth, manifests) is loaded only when a registry is read.
  registry: async (spec, options) => (await import('./registry/index.js')).openRegistryImage(spec, options),
  'oci-dir': openOciDir,
  'oci-archive': openOciArchive,
  'docker-archive': openDockerArchive,
  dir: openDir,
};

const ALIASES: Record<string, SourceType> = { oci: 'oci-dir', docker: 'registry' };

const SBOM_PREFIX = 'sbom:';

/** The file an `sbom:FILE` source names, or undefined when `input` names an image. */
export function sbomSourcePath(input: string): string | undefined {
  const text = input.trim();
  return text.startsWith(SBOM_PREFIX) ? text.slice(SBOM_PREFIX.length) : undefined;
}

export interface ParsedSource {
  type: SourceType;
  spec: string;
}

/**
 * Reads `TYPE:SPEC`; without a known prefix, an existing path is recognised by its contents and
 * anything else is a registry reference, as in docker (`debian:12`, `ghcr.io/o/app@sha256:…`).
 */
export async function parseSource(input: string): Promise<ParsedSource> {
  const text = input.trim();
  if (text === '')
    throw new UsageError(
      'no image given: name a source such as registry:debian:12, oci-dir:PATH or dir:PATH',
    );
  const colon = text.indexOf(':');
  if (colon > 0) {
    const prefix = text.slice(0, colon);
    const rest = text.slice(colon + 1);
    if (prefix in SOURCE_OPENERS) return { type: prefix as SourceType, spec: rest };
    if (prefix in ALIASES) return { type: ALIASES[prefix]!, spec: rest };
    if (prefix === SBOM_PREFIX.slice(0, -1))
      throw new UsageError('sbom: names an SBOM document, not an image: read it with readSbomFile');
  }
  if (existsSync(text)) return { type: await sniffPath(text), spec: text };
  return { type: 'registry', spec: text };
}

async function sniffPath(path: string): Promise<SourceType> {
  if (statSync(path).isDirectory()) return existsSync(join(path, 'oci-layout')) ? 'oci-dir' : 'dir';
  const index = await TarIndex.build(path);
  return index.has('manifest.json') ? 'docker-archive' : 'oci-archive';
}

export async function openSource(input: string, options: SourceOptions = {}): Promise<OpenedImage> {
  const { type, spec } = await parseSource(input);
  if (spec === '')
    throw new UsageError(`${type}: needs a ${type === 'registry' ? 'reference' : 'path'} after the colon`);
  const image = await SOURCE_OPENERS[type](spec, options);
  if (type === 'dir') return image;
  const mismatch = platformMismatch(image.config, options.platform ?? DEFAULT_PLATFORM);
  if (!mismatch) return image;
  if (options.platform) {
    await image.close();
    throw new PlatformNotFoundError(`${type}:${spec}: ${mismatch} (it has no other platform)`);
  }
  image.warnings = [...(image.warnings ?? []), `${mismatch}: scanning the platform it has`];
  return image;
}
