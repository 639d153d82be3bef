import type { ImageOrigin, ImageWithTags } from '../store/types.js';
import type { ImageSummaryView } from './image-summary.js';
import type { ProvenanceView } from './image-provenance.js';

export type { ImageSummaryView } from './image-summary.js';

/** An image as the API shows it, in Anchore's field names. */
export interface ImageView {
  imageDigest: string;
  image_status: 'active';
  analysis_status: ImageWithTags['analysisStatus'];
  failure_reason?: string;
  annotations: Record<string, string>;
  origin: { kind: ImageOrigin['kind']; reference?: string; format?: string };
  image_content: {
    metadata: {
      arch?: string;
      os?: string;
      distro?: string;
      distro_version?: string;
      image_size?: number;
      layer_count?: number;
    };
  };
  image_detail: { registry: string; repo: string; tag: string; fulltag: string; created_at: string }[];
  created_at: string;
  last_updated: string;
  analyzed_at?: string;
  /** Customs: the last policy result and vulnerability counts, when the image has them. */
  summary?: ImageSummaryView;
  /** Customs: origin and base-image chain (GET of one analyzed image only). */
  provenance?: ProvenanceView;
}

export function imageView(
  image: ImageWithTags,
  summary?: ImageSummaryView,
  provenance?: ProvenanceView,
): ImageView {
  const m = image.metadata;
  return {
    imageDigest: image.digest,
    image_status: 'active',
    analysis_status: image.analysisStatus,
    ...(image.failureReason !== undefined ? { failure_reason: image.failureReason } : {}),
    annotations: image.annotations,
    origin: originView(image.origin),
    image_content: {
      metadata: {
        ...(m.arch !== undefined ? { arch: m.arch } : {}),
        ...(m.os !== undefined ? { os: m.os } : {}),
        ...(m.distro !== undefined ? { distro: m.distro } : {}),
        ...(m.distroVersion !== undefined ? { distro_version: m.distroVersion } : {}),
        ...(m.imageSize !== undefined ? { image_size: m.imageSize } : {}),
        ...(m.layerCount !== undefined ? { layer_count: m.layerCount } : {}),
      },
    },
    image_detail: image.tags.map((t) => ({
      registry: t.registry,
      repo: t.repository,
      tag: t.tag,
      fulltag: t.fullTag,
      created_at: t.detectedAt,
    })),
    created_at: image.createdAt,
    last_updated: image.updatedAt,
    ...(image.analyzedAt !== undefined ? { analyzed_at: image.analyzedAt } : {}),
    ...(summary ? { summary } : {}),
    ...(provenance ? { provenance } : {}),
  };
}

/** Where the image came from, without the sealed credentials a Harbor request brought. */
function originView(origin: ImageOrigin): ImageView['origin'] {
  if (origin.kind === 'registry') return { kind: 'registry', reference: origin.reference };
  if (origin.kind === 'archive') return { kind: 'archive', format: origin.format };
  return { kind: 'sbom' };
}
