import { AnalysisFailedError, UsageError, WaitTimeoutError } from '../../errors/index.js';
import { parseImageReference } from '../../source/reference/index.js';
import type { CheckService } from '../services/check-service.js';
import type { ImageService } from '../services/image-service.js';
import type { ServiceStore } from '../store/types.js';
import {
  reviewResponse,
  type AdmissionReviewRequest,
  type AdmissionReviewResponse,
} from './admission-review.js';
import type { AdmissionSettings, FailureMode } from './admission-settings.js';
import { beforeDeadline, sleep } from './deadline.js';
import { findingLines, stopReason, type ImageVerdict } from './image-verdict.js';
import { checksKind, containerImages, type ContainerImage } from './workload-images.js';

/** Kubernetes shows the message to whoever applied the object: keep it readable. */
const MAX_MESSAGE = 4000;

/**
 * A Kubernetes validating admission webhook over the account's active policy. Every init,
 * regular and ephemeral container image of the pod (or workload template) is resolved to its
 * digest, analyzed first if the account has not seen it, and evaluated; the object is denied
 * when any image's final action is STOP, with the gates and triggers that stopped it. An image
 * that cannot be checked within the deadline (or at all) is decided by the failure mode.
 */
export class AdmissionService {
  constructor(
    private readonly store: ServiceStore,
    private readonly images: ImageService,
    private readonly checks: CheckService,
    private readonly settings: AdmissionSettings,
  ) {}

  async review(
    accountId: string,
    review: AdmissionReviewRequest,
    mode: FailureMode,
  ): Promise<AdmissionReviewResponse> {
    const { request } = review;
    const uid = request.uid;
    if (request.operation === 'DELETE' || request.object === undefined || !checksKind(request.kind.kind))
      return reviewResponse({ uid, allowed: true });
    const containers = containerImages(request.kind.kind, request.object);
    const deadlineAt = Date.now() + this.settings.deadlineMs;
    const verdicts = new Map<string, Promise<ImageVerdict>>();
    for (const { image } of containers)
      if (!verdicts.has(image))
        verdicts.set(image, this.verdict(accountId, image, deadlineAt, request.dryRun === true));
    const settled = new Map<string, ImageVerdict>();
    for (const [image, verdict] of verdicts) settled.set(image, await verdict);
    return decide(uid, containers, settled, mode);
  }

  private async verdict(
    accountId: string,
    image: string,
    deadlineAt: number,
    dryRun: boolean,
  ): Promise<ImageVerdict> {
    let digest: string | undefined;
    try {
      if (image === '') throw new UsageError('the container names no image');
      const ref = parseImageReference(image);
      const tag = ref.tag !== undefined || ref.digest === undefined ? ref.toString() : undefined;
      digest = ref.digest;
      if (dryRun) {
        if (!digest || !(await this.store.images.get(accountId, digest)))
          throw new UsageError('a dry run does not analyze images the service has not seen');
      } else {
        const view = await beforeDeadline(
          this.images.addFromRegistry(
            accountId,
            ref.digest
              ? { source: { digest: { pullstring: image, ...(tag ? { tag: withoutDigest(tag) } : {}) } } }
              : { source: { tag: { pullstring: image } } },
          ),
          deadlineAt,
          `resolving ${image}`,
        );
        digest = view.imageDigest;
      }
      await this.analyzed(accountId, digest, deadlineAt);
      const evaluation = await beforeDeadline(
        this.checks.check(accountId, digest, tag ? { tag: withoutDigest(tag) } : {}),
        deadlineAt,
        `evaluating ${image}`,
      );
      return { kind: 'evaluated', image, digest, evaluation };
    } catch (err) {
      return { kind: 'unchecked', image, ...(digest ? { digest } : {}), reason: reasonOf(err) };
    }
  }

  /** Waits for the digest's analysis, until the deadline. */
  private async analyzed(accountId: string, digest: string, deadlineAt: number): Promise<void> {
    for (;;) {
      const image = await this.store.images.get(accountId, digest);
      if (image?.analysisStatus === 'analyzed') return;
      if (image?.analysisStatus === 'analysis_failed')
        throw new AnalysisFailedError(digest, image.failureReason ?? 'unknown reason');
      if (Date.now() + this.settings.pollMs > deadlineAt)
        throw new WaitTimeoutError(`${digest} is still being analyzed at the admission deadline`);
      await sleep(this.settings.pollMs);
    }
  }
}

function decide(
  uid: string,
  containers: ContainerImage[],
  verdicts: Map<string, ImageVerdict>,
  mode: FailureMode,
): AdmissionReviewResponse {
  const denials: string[] = [];
  const warnings: string[] = [];
  for (const container of containers) {
    const verdict = verdicts.get(container.image)!;
    const where = `${container.path} (${container.container}) ${container.image}`;
    if (verdict.kind === 'unchecked') {
      if (mode === 'fail-closed') denials.push(`${where}: not checked: ${verdict.reason}`);
      else warnings.push(`${where}: not checked, allowed (fail-open): ${verdict.reason}`);
      continue;
    }
    const { evaluation } = verdict;
    const policy = `policy ${evaluation.policyId}`;
    if (evaluation.final_action === 'stop')
      denials.push(`${where} [${verdict.digest}]: STOP by ${policy}: ${stopReason(evaluation)}`);
    else if (evaluation.final_action === 'warn')
      warnings.push(`${where}: WARN by ${policy}: ${findingLines(evaluation, 'warn').join('; ')}`);
  }
  const audit = { 'customs-images': String(verdicts.size), 'customs-denied': String(denials.length) };
  if (denials.length === 0)
    return reviewResponse({
      uid,
      allowed: true,
      ...(warnings.length > 0 ? { warnings: warnings.map(shortWarning) } : {}),
      auditAnnotations: audit,
    });
  const message = `customs: denied: ${denials.join(' | ')}`;
  return reviewResponse({
    uid,
    allowed: false,
    status: { code: 403, reason: 'Forbidden', message: truncate(message, MAX_MESSAGE) },
    ...(warnings.length > 0 ? { warnings: warnings.map(shortWarning) } : {}),
    auditAnnotations: audit,
  });
}

function withoutDigest(reference: string): string {
  const at = reference.indexOf('@');
  return at < 0 ? reference : reference.slice(0, at);
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** The API server may cut warnings longer than 256 characters. */
function shortWarning(text: string): string {
  return truncate(text, 256);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
