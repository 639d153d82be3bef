import type { Sbom } from '../../../model/sbom.js';

export const ATTRIBUTES = [
  'size',
  'architecture',
  'os_type',
  'distro',
  'distro_version',
  'like_distro',
  'layer_count',
] as const;

export type Attribute = (typeof ATTRIBUTES)[number];

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The value of one image attribute, undefined when the SBOM does not know it. size is the sum of
 * the layers' stored (compressed) sizes in bytes; like_distro is os-release's ID_LIKE joined
 * with commas, or the distro itself when it names none (Debian), as Anchore reports it.
 */
export function imageAttribute(sbom: Sbom, attribute: Attribute): string | number | undefined {
  const layers = Array.isArray(sbom.source?.layers) ? sbom.source.layers : [];
  switch (attribute) {
    case 'size':
      return layers.length === 0
        ? undefined
        : layers.reduce((sum, l) => sum + (Number.isFinite(l?.size) ? l.size : 0), 0);
    case 'layer_count':
      return sbom.image || layers.length > 0 ? layers.length : undefined;
    case 'architecture':
      return text(sbom.image?.architecture);
    case 'os_type':
      return text(sbom.image?.os);
    case 'distro':
      return text(sbom.distro?.id);
    case 'distro_version':
      return text(sbom.distro?.versionId);
    case 'like_distro': {
      const like = Array.isArray(sbom.distro?.idLike) ? sbom.distro.idLike.filter((d) => text(d)) : [];
      return like.length > 0 ? like.join(',') : text(sbom.distro?.id);
    }
  }
}

const UNITS: Record<string, number> = { '': 0, b: 0, kb: 1, mb: 2, gb: 3, tb: 4 };

/** `N[b|kb|mb|gb|tb]` (1024-based, any case) in bytes; undefined when it is not a size. */
export function sizeInBytes(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?b)?\s*$/i.exec(value);
  if (!match?.[1]) return undefined;
  const exponent = UNITS[(match[2] ?? '').toLowerCase()] ?? 0;
  return Math.round(Number(match[1]) * 1024 ** exponent);
}
