import { ConflictError, NotFoundError } from '../../errors/index.js';
import { bundleNeeds, evaluateWithGates } from '../../policy/evaluate/index.js';
import type { GateContext } from '../../policy/gates/types.js';
import { parseImageReference } from '../../source/reference/index.js';
import type { EvaluationRecord, ServiceStore } from '../store/types.js';
import { readsPackageMetadata } from '../views/policy-sbom.js';
import { CheckBundleCache } from './check-bundle-cache.js';

export interface EvaluationView {
  id: string;
  imageDigest: string;
  tag: string;
  policyId: string;
  final_action: string;
  status: string;
  evaluated_at: string;
  feed_state: string;
  result: EvaluationRecord['result'];
}

/**
 * Policy checks of stored analyses: the stored SBOM and latest scan are evaluated with the
 * account's bundle (never by reading the image again), and each evaluation is kept.
 */
export class CheckService {
  constructor(
    private readonly store: ServiceStore,
    private readonly now: () => Date,
    private readonly bundles: CheckBundleCache = new CheckBundleCache(),
  ) {}

  async check(
    accountId: string,
    digest: string,
    query: { tag?: string; policyId?: string },
  ): Promise<EvaluationView> {
    const image = await this.store.images.get(accountId, digest);
    if (!image) throw new NotFoundError(`no image ${digest}`);
    // The SBOM without package metadata (a fraction of its text), unless a rule reads it.
    const policySbom = await this.store.analyses.getPolicySbom(digest);
    if (!policySbom) throw new ConflictError(`image ${digest} is not analyzed yet (${image.analysisStatus})`);
    const policy =
      query.policyId !== undefined
        ? await this.store.policies.get(accountId, query.policyId)
        : await this.store.policies.active(accountId);
    if (!policy)
      throw new NotFoundError(
        query.policyId !== undefined ? `no policy ${query.policyId}` : 'no active policy',
      );
    const tag = query.tag !== undefined ? parseImageReference(query.tag).toString() : image.tags[0]?.fullTag;
    // The scan without the SBOM it embeds: the gates read the stored SBOM (context.sbom), never
    // the scan's copy, so the report is given the stored one back.
    const stored = await this.store.analyses.getScanWithoutSbom(digest);
    const { bundle, gates } = await this.bundles.load(policy.bundle, `policy ${policy.policyId}`);
    const sbom = readsPackageMetadata(bundle)
      ? ((await this.store.analyses.getSbom(digest)) ?? policySbom)
      : policySbom;
    const previous =
      tag !== undefined && bundleNeeds(bundle).previous
        ? await this.previousImage(accountId, tag, digest)
        : undefined;
    const now = this.now();
    const result = await evaluateWithGates(
      bundle,
      { sbom, ...(stored ? { scan: { ...stored.scan, sbom } } : {}), ...(previous ? { previous } : {}) },
      { ...(tag !== undefined ? { tag } : {}), now },
      gates,
    );
    const record = await this.store.evaluations.add({
      accountId,
      digest,
      tag: tag ?? '',
      policyId: policy.policyId,
      finalAction: result.finalAction,
      result,
      feedState: stored ? feedState(stored.scan.database.lastSync, stored.at) : 'not scanned',
      evaluatedAt: now.toISOString(),
    });
    return evaluationView(record);
  }

  /** The analysis of the digest the tag pointed to before this one, for drift rules; none: undefined. */
  private async previousImage(
    accountId: string,
    tag: string,
    digest: string,
  ): Promise<GateContext['previous'] | undefined> {
    const before = await this.store.images.previousForTag(accountId, tag, digest);
    if (before === undefined) return undefined;
    const sbom = await this.store.analyses.getPolicySbom(before);
    if (!sbom) return undefined;
    const stored = await this.store.analyses.getScanWithoutSbom(before);
    return { sbom, ...(stored ? { scan: { ...stored.scan, sbom } } : {}) };
  }

  async history(
    accountId: string,
    digest: string,
    query: { tag?: string; policyId?: string; page: number; limit: number },
  ): Promise<{ evaluations: EvaluationView[]; total: number; page: number; limit: number }> {
    if (!(await this.store.images.get(accountId, digest))) throw new NotFoundError(`no image ${digest}`);
    const page = await this.store.evaluations.history(
      accountId,
      digest,
      { limit: query.limit, offset: (query.page - 1) * query.limit },
      {
        ...(query.tag !== undefined ? { tag: parseImageReference(query.tag).toString() } : {}),
        ...(query.policyId !== undefined ? { policyId: query.policyId } : {}),
      },
    );
    return {
      evaluations: page.items.map(evaluationView),
      total: page.total,
      page: query.page,
      limit: query.limit,
    };
  }
}

function feedState(lastSync: string | undefined, scannedAt: string): string {
  return `scanned ${scannedAt} against data synced ${lastSync ?? 'never'}`;
}

function evaluationView(record: EvaluationRecord): EvaluationView {
  return {
    id: record.id,
    imageDigest: record.digest,
    tag: record.tag,
    policyId: record.policyId,
    final_action: record.finalAction,
    status: record.result.status,
    evaluated_at: record.evaluatedAt,
    feed_state: record.feedState,
    result: record.result,
  };
}
