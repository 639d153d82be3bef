import { PlatformNotFoundError, UsageError } from '../errors/index.js';
import type { Descriptor, ImageConfig } from './oci-types.js';
import type { PlatformSelector } from './types.js';

export const DEFAULT_PLATFORM: PlatformSelector = { os: 'linux', architecture: 'amd64' };

/** Parses `os/arch[/variant]` (e.g. linux/arm64/v8) or a bare `arch` (linux assumed). */
export function parsePlatform(text: string): PlatformSelector {
  const parts = text.trim().split('/');
  if (parts.some((p) => p === '') || parts.length > 3) {
    throw new UsageError(`invalid platform "${text}": expected os/arch[/variant], e.g. linux/arm64`);
  }
  if (parts.length === 1) return { os: 'linux', architecture: parts[0]! };
  const [os, architecture, variant] = parts as [string, string, string?];
  return variant ? { os, architecture, variant } : { os, architecture };
}

export function formatPlatform(p: { os?: string; architecture?: string; variant?: string }): string {
  return [p.os ?? '?', p.architecture ?? '?', p.variant].filter(Boolean).join('/');
}

/**
 * Picks the manifest for `want` from an index's entries. A variant is only compared when the user
 * named one (linux/arm64 matches linux/arm64/v8). Attestation manifests (platform unknown/unknown)
 * are never picked.
 */
export function selectPlatformManifest(
  manifests: Descriptor[],
  want: PlatformSelector,
  what: string,
): Descriptor {
  const candidates = manifests.filter(
    (m) =>
      m.platform &&
      m.platform.os === want.os &&
      m.platform.architecture === want.architecture &&
      (!want.variant || m.platform.variant === want.variant),
  );
  if (candidates.length > 0) return candidates[0]!;
  const offered = manifests
    .filter((m) => m.platform && m.platform.os !== 'unknown')
    .map((m) => formatPlatform(m.platform!));
  throw new PlatformNotFoundError(
    `${what} has no image for platform ${formatPlatform(want)}; it offers: ${offered.join(', ') || 'none'} (choose one with --platform)`,
  );
}

/**
 * What is wrong when a single-platform image is not the platform asked for: its config names
 * another os or architecture (or, when one was asked for, variant). Undefined when it matches
 * or the config does not say.
 */
export function platformMismatch(config: ImageConfig, want: PlatformSelector): string | undefined {
  const { os, architecture, variant } = config;
  if (!os && !architecture) return undefined;
  const differs =
    (os !== undefined && os !== want.os) ||
    (architecture !== undefined && architecture !== want.architecture) ||
    (want.variant !== undefined && variant !== undefined && variant !== want.variant);
  if (!differs) return undefined;
  return `the image is for ${formatPlatform({ os, architecture, variant })} only, not ${formatPlatform(want)}`;
}
