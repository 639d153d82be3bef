import { NotFoundError, UsageError } from '../../errors/index.js';
import { parseImageReference } from '../../source/reference/index.js';
import { openSource } from '../../source/open-source.js';
import type { JobQueue } from '../queue/types.js';
import type { AnalysisStatus, ImageOrigin, ImageTag, ServiceStore } from '../store/types.js';
import { imageProvenance, imagesDerivedFrom, type DerivedImagesView } from './image-provenance.js';
import { imageSummaries } from './image-summary.js';
import { imageView, type ImageView } from './image-view.js';
import type { RegistryService } from './registry-service.js';

export interface AddImageInput {
  source: { tag?: { pullstring: string }; digest?: { pullstring: string; tag?: string } };
  annotations?: Record<string, string>;
}

export interface ImageServiceOptions {
  insecureRegistries: string[];
  /** Where registries may not be reached (see registryAddressRule). */
  addressRule: { allowedHosts: readonly string[] };
  /** A docker config path that holds nothing: the service never uses its host's credentials. */
  noDockerConfig: string;
  now: () => Date;
}

/** Adding, listing and removing an account's images; analysis is queued, never run here. */
export class ImageService {
  constructor(
    private readonly store: ServiceStore,
    private readonly queue: JobQueue,
    private readonly registries: RegistryService,
    private readonly options: ImageServiceOptions,
  ) {}

  /**
   * Adds an image by tag (resolved to its manifest digest now, with the account's registry
   * credential) or by digest, and queues its analysis (once per digest).
   */
  async addFromRegistry(accountId: string, input: AddImageInput, force = false): Promise<ImageView> {
    const { tag, digest } = input.source;
    if ((tag === undefined) === (digest === undefined))
      throw new UsageError('source needs exactly one of tag or digest');
    const pull = parseImageReference(tag?.pullstring ?? digest!.pullstring);
    if (digest && pull.digest === undefined)
      throw new UsageError(
        `source.digest.pullstring must name a digest (repo@sha256:…): ${digest.pullstring}`,
      );
    if (tag && pull.digest !== undefined)
      throw new UsageError('source.tag.pullstring names a digest: add it as source.digest');
    const tagRef = tag ? pull : digest?.tag !== undefined ? parseImageReference(digest.tag) : undefined;
    const { credentials, verifyTls } = await this.registries.credentialFor(accountId, pull.registry);
    const insecure = !verifyTls || this.options.insecureRegistries.includes(pull.registry);
    const manifestDigest = pull.digest ?? (await this.resolveDigest(pull.toString(), credentials, insecure));
    const origin: ImageOrigin = {
      kind: 'registry',
      reference: `${pull.registry}/${pull.repository}@${manifestDigest}`,
      ...(insecure ? { insecure: true } : {}),
    };
    return this.register(
      accountId,
      manifestDigest,
      origin,
      input.annotations,
      tagRef && tagOf(tagRef),
      force,
    );
  }

  /** Upserts the image and queues its analysis; a forced add analyzes an analyzed digest again. */
  async register(
    accountId: string,
    digest: string,
    origin: ImageOrigin,
    annotations: Record<string, string> | undefined,
    tag: Omit<ImageTag, 'detectedAt'> | undefined,
    force = false,
  ): Promise<ImageView> {
    const at = this.options.now().toISOString();
    const { image } = await this.store.images.upsert({
      accountId,
      digest,
      origin,
      ...(annotations ? { annotations } : {}),
      ...(tag ? { tag } : {}),
      at,
    });
    if (force || image.analysisStatus === 'not_analyzed' || image.analysisStatus === 'analysis_failed') {
      if (force || image.analysisStatus === 'analysis_failed')
        await this.store.images.setStatus(digest, 'not_analyzed', { at });
      await this.queue.enqueue('analyze-image', { digest, accountId }, { singletonKey: digest });
    }
    return imageView((await this.store.images.get(accountId, digest)) ?? image);
  }

  async list(
    accountId: string,
    filter: { fulltag?: string; analysis_status?: AnalysisStatus },
    page: { page: number; limit: number },
  ): Promise<{ images: ImageView[]; total: number; page: number; limit: number }> {
    const result = await this.store.images.list(
      accountId,
      {
        ...(filter.fulltag !== undefined ? { fullTag: parseImageReference(filter.fulltag).toString() } : {}),
        ...(filter.analysis_status !== undefined ? { analysisStatus: filter.analysis_status } : {}),
      },
      { limit: page.limit, offset: (page.page - 1) * page.limit },
    );
    const summaries = await imageSummaries(
      this.store,
      accountId,
      result.items.map((i) => i.digest),
    );
    return {
      images: result.items.map((i) => imageView(i, summaries.get(i.digest))),
      total: result.total,
      page: page.page,
      limit: page.limit,
    };
  }

  async get(accountId: string, digest: string): Promise<ImageView> {
    const image = await this.store.images.get(accountId, digest);
    if (!image) throw new NotFoundError(`no image ${digest}`);
    const [summaries, provenance] = await Promise.all([
      imageSummaries(this.store, accountId, [digest]),
      imageProvenance(this.store, accountId, image),
    ]);
    return imageView(image, summaries.get(digest), provenance);
  }

  /** The account's analyzed images built on this one (its layers are their first layers). */
  async derived(
    accountId: string,
    digest: string,
    filter: { direct?: boolean },
    page: { page: number; limit: number },
  ): Promise<DerivedImagesView> {
    return imagesDerivedFrom(this.store, accountId, digest, filter, page);
  }

  async delete(accountId: string, digest: string): Promise<void> {
    if (!(await this.store.images.delete(accountId, digest))) throw new NotFoundError(`no image ${digest}`);
  }

  /** The manifest digest behind a tag: reads the manifest and config only. */
  private async resolveDigest(
    reference: string,
    credentials: { username: string; password: string } | undefined,
    insecure: boolean,
  ): Promise<string> {
    const host = parseImageReference(reference).registry;
    const image = await openSource(`registry:${reference}`, {
      ...(credentials ? { credentials } : {}),
      insecureRegistries: insecure ? [host] : [],
      dockerConfigPath: this.options.noDockerConfig,
      addressRule: this.options.addressRule,
    });
    try {
      const digest = image.source.manifestDigest;
      if (!digest) throw new UsageError(`${reference}: the registry gave no manifest digest`);
      return digest;
    } finally {
      await image.close();
    }
  }
}

export function tagOf(ref: {
  registry: string;
  repository: string;
  tag?: string;
}): Omit<ImageTag, 'detectedAt'> {
  const tag = ref.tag ?? 'latest';
  return {
    registry: ref.registry,
    repository: ref.repository,
    tag,
    fullTag: `${ref.registry}/${ref.repository}:${tag}`,
  };
}
