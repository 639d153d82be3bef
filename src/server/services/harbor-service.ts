import { NotFoundError } from '../../errors/index.js';
import { customsVersion } from '../../sbom/version.js';
import { RequestProblemsError } from '../app/error-reply.js';
import type { SecretBox } from '../app/app-deps.js';
import { harborMetadata, type HarborScannerMetadata } from '../harbor/harbor-metadata.js';
import { harborReport } from '../harbor/harbor-report.js';
import { acceptedReportType, HARBOR_MIME } from '../harbor/mime-types.js';
import { readScanRequest } from '../harbor/scan-request.js';
import type { ServiceStore } from '../store/types.js';
import type { FeedService } from './feed-service.js';
import type { ImageService } from './image-service.js';
import { tagOf } from './image-service.js';
import { sealContext } from './seal-contexts.js';

/** What GET /scan/{id}/report answers. */
export type HarborReportAnswer =
  | { kind: 'pending'; refreshAfterSeconds: number }
  | { kind: 'failed'; message: string }
  | { kind: 'unacceptable'; message: string }
  | { kind: 'report'; mimeType: string; body: unknown };

const SCANNER = { name: 'Customs', vendor: 'Customs', version: customsVersion() };

/**
 * Harbor's pluggable scanner adapter over the image service: a scan request adds the artifact by
 * digest (its robot credentials sealed into the image's origin) and queues its analysis; the
 * scan id is the digest, so a report is the stored scan of that digest.
 */
export class HarborService {
  constructor(
    private readonly store: ServiceStore,
    private readonly images: ImageService,
    private readonly feeds: FeedService,
    private readonly box: SecretBox,
    private readonly now: () => Date,
  ) {}

  async metadata(): Promise<HarborScannerMetadata> {
    return harborMetadata(SCANNER, await this.feeds.lastSync().catch(() => undefined));
  }

  async scan(accountId: string, body: unknown): Promise<{ id: string }> {
    const target = readScanRequest(body);
    if ('problems' in target)
      throw new RequestProblemsError(
        `the scan request is not valid: ${target.problems.length} problem(s)`,
        target.problems.map((p) => ({ path: p.path, message: p.message })),
      );
    await this.images.register(
      accountId,
      target.digest,
      {
        kind: 'registry',
        reference: target.reference,
        ...(target.insecure ? { insecure: true } : {}),
        ...(target.credentials
          ? {
              sealedCredentials: this.box.seal(
                JSON.stringify(target.credentials),
                sealContext.scanRequest(accountId, target.digest),
              ),
            }
          : {}),
      },
      undefined,
      target.tag !== undefined
        ? tagOf({ registry: target.registry, repository: target.repository, tag: target.tag })
        : undefined,
    );
    return { id: target.digest };
  }

  async report(accountId: string, id: string, accept: string | undefined): Promise<HarborReportAnswer> {
    const type = acceptedReportType(accept);
    if (type === undefined) return { kind: 'unacceptable', message: `cannot produce ${accept ?? ''}` };
    const image = await this.store.images.get(accountId, id);
    if (!image) throw new NotFoundError(`no scan ${id}`);
    if (image.analysisStatus === 'analysis_failed')
      return { kind: 'failed', message: image.failureReason ?? 'the analysis failed' };
    const stored = image.analysisStatus === 'analyzed' ? await this.store.analyses.getScan(id) : undefined;
    if (!stored) return { kind: 'pending', refreshAfterSeconds: 5 };
    if (type === 'raw') return { kind: 'report', mimeType: HARBOR_MIME.rawReport, body: stored.scan };
    const tag = image.tags[0];
    const body = harborReport(
      stored.scan,
      {
        ...(tag ? { repository: tag.repository, tag: tag.tag } : {}),
        digest: image.digest,
        mime_type: HARBOR_MIME.ociManifest,
      },
      SCANNER,
      this.now().toISOString(),
    );
    return { kind: 'report', mimeType: HARBOR_MIME.vulnerabilityReport, body };
  }
}
