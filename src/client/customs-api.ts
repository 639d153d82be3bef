import { AnalysisFailedError, NotFoundError, UsageError, WaitTimeoutError } from '../errors/index.js';
import { throwIfCancelled } from '../errors/cancellation.js';
import type { ScanReport } from '../scan/types.js';
import type { ServiceClient } from './service-client.js';

// The wire types are the service's own views (type-only imports: nothing of the server loads).
import type { EvaluationView } from '../server/services/check-service.js';
import type { FeedStatusView } from '../server/services/feed-service.js';
import type { ImageView } from '../server/services/image-view.js';
import type { DerivedImagesView } from '../server/services/image-provenance.js';
import type { PolicyView } from '../server/services/policy-service.js';

/** An image as the service describes it (GET /v1/images/:digest). */
export type ServiceImage = ImageView;
export type AnalysisStatus = ImageView['analysis_status'];
export type ServicePolicy = PolicyView;
export type ServiceEvaluation = EvaluationView;
export type FeedStatus = FeedStatusView;
export type DerivedImages = DerivedImagesView;

export interface WaitOptions {
  timeoutMs: number;
  /** Time between two looks (default 2 s). */
  intervalMs?: number;
  signal?: AbortSignal;
  now?: () => number;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DIGEST_IN_REFERENCE = /@(sha256:[a-f0-9]{64})$/;

/** The Customs API's image, policy and feed routes, typed, over one ServiceClient. */
export class CustomsApi {
  constructor(private readonly client: ServiceClient) {}

  /** Adds an image by tag or by digest reference (`repo@sha256:…`) and queues its analysis. */
  addImage(reference: string, options: { force?: boolean; annotations?: Record<string, string> } = {}) {
    const source = DIGEST_IN_REFERENCE.test(reference)
      ? { digest: { pullstring: reference } }
      : { tag: { pullstring: reference } };
    return this.client.post<ServiceImage>(
      '/v1/images',
      { source, ...(options.annotations ? { annotations: options.annotations } : {}) },
      { force: options.force ?? false },
    );
  }

  async listImages(filter: { fulltag?: string; status?: AnalysisStatus } = {}): Promise<ServiceImage[]> {
    const images: ServiceImage[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await this.client.get<{ images: ServiceImage[]; total: number }>('/v1/images', {
        fulltag: filter.fulltag,
        analysis_status: filter.status,
        page,
        limit: 1000,
      });
      images.push(...answer.images);
      if (answer.images.length === 0 || images.length >= answer.total) return images;
    }
  }

  /** The image a reference names: a digest, a `repo@sha256:…` reference, or a tag the account added. */
  async image(reference: string): Promise<ServiceImage> {
    const digest = digestOf(reference);
    if (digest) return this.client.get<ServiceImage>(`/v1/images/${digest}`);
    const found = await this.listImages({ fulltag: reference });
    const newest = found.sort((a, b) => b.last_updated.localeCompare(a.last_updated))[0];
    if (!newest)
      throw new NotFoundError(
        `no image tagged ${reference} on the service (add it with \`customs image add\`)`,
      );
    return newest;
  }

  /** The image with its provenance: a tag is looked up in the list, whose entries carry none. */
  async imageWithProvenance(reference: string): Promise<ServiceImage> {
    const image = await this.image(reference);
    if (image.provenance || digestOf(reference)) return image;
    return this.client.get<ServiceImage>(`/v1/images/${image.imageDigest}`);
  }

  /** Every analyzed image of the account built on this one (all pages). */
  async derivedImages(digest: string, options: { direct?: boolean } = {}): Promise<DerivedImages> {
    let all: DerivedImages | undefined;
    for (let page = 1; ; page += 1) {
      const answer = await this.client.get<DerivedImages>(`/v1/images/${digest}/derived`, {
        ...(options.direct ? { direct: true } : {}),
        page,
        limit: 1000,
      });
      all = all ? { ...all, images: [...all.images, ...answer.images] } : answer;
      if (answer.images.length === 0 || all.images.length >= answer.total) return all;
    }
  }

  /** The stored customs-scan/1 report of the image's latest scan. */
  scanReport(digest: string): Promise<ScanReport> {
    return this.client.get<ScanReport>(`/v1/images/${digest}/vuln/all`, { format: 'native' });
  }

  /** Evaluates the stored analysis with a policy (the active one when none is named). */
  check(digest: string, options: { policyId?: string; tag?: string } = {}): Promise<ServiceEvaluation> {
    return this.client.get<ServiceEvaluation>(`/v1/images/${digest}/check`, {
      policyId: options.policyId,
      tag: options.tag,
    });
  }

  /**
   * Looks at the image until it is analysed; throws AnalysisFailedError with the service's
   * reason when the analysis failed, WaitTimeoutError when `timeoutMs` passed first.
   */
  async waitForAnalysis(digest: string, options: WaitOptions): Promise<ServiceImage> {
    const now = options.now ?? Date.now;
    const deadline = now() + options.timeoutMs;
    const interval = options.intervalMs ?? 2000;
    for (;;) {
      throwIfCancelled(options.signal, `waiting for ${digest}`);
      const image = await this.client.get<ServiceImage>(`/v1/images/${digest}`);
      if (image.analysis_status === 'analyzed') return image;
      if (image.analysis_status === 'analysis_failed')
        throw new AnalysisFailedError(digest, image.failure_reason ?? 'no reason recorded');
      const left = deadline - now();
      if (left <= 0)
        throw new WaitTimeoutError(
          `${digest} is still ${image.analysis_status} after ${formatSeconds(options.timeoutMs)}`,
        );
      await sleep(Math.min(interval, left), options.signal);
    }
  }

  addPolicy(bundle: unknown): Promise<ServicePolicy> {
    return this.client.post<ServicePolicy>('/v1/policies', bundle);
  }

  activatePolicy(policyId: string): Promise<ServicePolicy> {
    return this.client.put<ServicePolicy>(`/v1/policies/${encodeURIComponent(policyId)}`, undefined, {
      active: true,
    });
  }

  listPolicies(): Promise<ServicePolicy[]> {
    return this.client.get<ServicePolicy[]>('/v1/policies');
  }

  feedStatus(): Promise<FeedStatus> {
    return this.client.get<FeedStatus>('/v1/system/feeds');
  }

  /** Queues a sync of the vulnerability data; the job's id. */
  async syncFeeds(): Promise<string> {
    return (await this.client.post<{ jobId: string }>('/v1/system/feeds', undefined, { sync: true })).jobId;
  }
}

/** The digest a reference carries, if any (`sha256:…` alone or `repo@sha256:…`). */
export function digestOf(reference: string): string | undefined {
  if (DIGEST.test(reference)) return reference;
  const match = DIGEST_IN_REFERENCE.exec(reference);
  if (match) return match[1];
  if (reference.startsWith('sha256:')) throw new UsageError(`not a sha256 digest: ${reference}`);
  return undefined;
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
