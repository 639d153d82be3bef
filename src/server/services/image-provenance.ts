import { NotFoundError } from '../../errors/index.js';
import { referenceOrigin } from '../../policy/gates/image-source/image-registry.js';
import { baseChain, derivedImages, type KnownImage } from '../../provenance/index.js';
import type { ImageOrigin, ImageWithTags, ServiceStore } from '../store/types.js';

/** A known image as provenance names it: its digest, where it was pulled from, its tags. */
export interface ProvenanceImageView {
  digest: string;
  /** From the pull reference of a registry image; absent for uploads (their tags are self-declared). */
  registry?: string;
  repository?: string;
  /** Full tags (registry/repository:tag) the account gave it. */
  tags: string[];
}

/** Where an image comes from and what it is built on, against the account's other images. */
export interface ProvenanceView extends ProvenanceImageView {
  /** Layers of the image; absent when its SBOM does not know every layer's diffId. */
  layer_count?: number;
  /**
   * The account's analyzed images whose layers are the first layers of this one, from the
   * outermost base to the nearest; images with the same layers share a level, ordered by digest.
   */
  base_images: { layer_count: number; layers_added: number; images: ProvenanceImageView[] }[];
  /** The layers above the nearest base (every layer without one). */
  own_layers?: { first_index: number; count: number; diff_ids: string[] };
  /** Other images of the account with exactly these layers, ordered by digest. */
  same_layers: ProvenanceImageView[];
}

export interface DerivedImageView extends ProvenanceImageView {
  layer_count: number;
  /** Layers it adds above the image it was asked about. */
  layers_added: number;
  /** The image asked about is its nearest base: no other known image lies between them. */
  direct: boolean;
}

export interface DerivedImagesView {
  imageDigest: string;
  layer_count: number;
  images: DerivedImageView[];
  total: number;
  page: number;
  limit: number;
}

function originOf(origin: ImageOrigin): { registry?: string; repository?: string } {
  if (origin.kind !== 'registry') return {};
  const parsed = referenceOrigin(origin.reference);
  return parsed ? { registry: parsed.registry, repository: parsed.repository } : {};
}

export function provenanceImage(image: ImageWithTags): ProvenanceImageView {
  return { digest: image.digest, ...originOf(image.origin), tags: image.tags.map((t) => t.fullTag) };
}

/** The account's images of these digests, as provenance names them (two queries). */
async function namedImages(
  store: ServiceStore,
  accountId: string,
  digests: readonly string[],
): Promise<Map<string, ProvenanceImageView>> {
  const images = await store.images.getMany(accountId, digests);
  return new Map(images.map((i) => [i.digest, provenanceImage(i)]));
}

const named = (views: Map<string, ProvenanceImageView>, known: KnownImage): ProvenanceImageView =>
  views.get(known.digest) ?? { digest: known.digest, tags: [] };

/**
 * The image's provenance, computed from the stored layer lists of the account's images (one
 * bounded pass, see AnalysisStore.layerLists); undefined before the image is analyzed.
 */
export async function imageProvenance(
  store: ServiceStore,
  accountId: string,
  image: ImageWithTags,
): Promise<ProvenanceView | undefined> {
  const known = await store.analyses.layerLists(accountId);
  const self = known.find((k) => k.digest === image.digest);
  const own = provenanceImage(image);
  if (!self)
    return image.analysisStatus === 'analyzed' ? { ...own, base_images: [], same_layers: [] } : undefined;
  const chain = baseChain(self.diffIds, known, image.digest);
  const views = await namedImages(store, accountId, [
    ...chain.bases.flatMap((level) => level.images.map((i) => i.digest)),
    ...chain.sameLayers.map((i) => i.digest),
  ]);
  return {
    ...own,
    layer_count: self.diffIds.length,
    base_images: chain.bases.map((level) => ({
      layer_count: level.layerCount,
      layers_added: level.addedLayers,
      images: level.images.map((i) => named(views, i)),
    })),
    own_layers: {
      first_index: chain.ownLayers.firstIndex,
      count: chain.ownLayers.diffIds.length,
      diff_ids: chain.ownLayers.diffIds,
    },
    same_layers: chain.sameLayers.map((i) => named(views, i)),
  };
}

/** The account's analyzed images built on this one (a page of them, fewest layers first). */
export async function imagesDerivedFrom(
  store: ServiceStore,
  accountId: string,
  digest: string,
  filter: { direct?: boolean },
  page: { page: number; limit: number },
): Promise<DerivedImagesView> {
  const image = await store.images.get(accountId, digest);
  if (!image) throw new NotFoundError(`no image ${digest}`);
  const known = await store.analyses.layerLists(accountId);
  const self = known.find((k) => k.digest === digest);
  if (!self)
    throw new NotFoundError(
      image.analysisStatus === 'analyzed'
        ? `image ${digest} has no layer diffIds: nothing can be found built on it`
        : `image ${digest} is not analyzed yet (${image.analysisStatus})`,
    );
  const all = derivedImages(self.diffIds, known).filter((d) => filter.direct !== true || d.direct);
  const shown = all.slice((page.page - 1) * page.limit, page.page * page.limit);
  const views = await namedImages(
    store,
    accountId,
    shown.map((d) => d.image.digest),
  );
  return {
    imageDigest: digest,
    layer_count: self.diffIds.length,
    images: shown.map((d) => ({
      ...named(views, d.image),
      layer_count: d.image.diffIds.length,
      layers_added: d.addedLayers,
      direct: d.direct,
    })),
    total: all.length,
    page: page.page,
    limit: page.limit,
  };
}
