import type { CatalogOptions } from '../../cataloger/types.js';
import { bundleNeeds, type BundleNeeds } from '../../policy/evaluate/index.js';
import { catalogForBundle } from '../../usecases/bundle-catalog.js';
import { CheckBundleCache } from '../services/check-bundle-cache.js';
import { CheckService, type EvaluationView } from '../services/check-service.js';
import type { ServiceStore } from '../store/types.js';
import { recordTrends } from './image-trends.js';

/** The accounts holding a digest that have an active policy, and what their bundles need. */
export interface HolderPolicies {
  accounts: string[];
  needs: BundleNeeds;
}

/**
 * Every holder's active bundle, read so that one analysis collects what any of them needs (all
 * files when one rule inspects the whole tree, every retrieved path, ClamAV when one asks, file digests when a drift rule compares files).
 */
export async function holderPolicies(
  store: ServiceStore,
  digest: string,
  bundles: CheckBundleCache = new CheckBundleCache(),
): Promise<HolderPolicies> {
  const needs: BundleNeeds = {
    allFiles: false,
    retrievedPaths: [],
    malware: false,
    scan: false,
    previous: false,
    fileDigests: false,
    signature: false,
  };
  const accounts: string[] = [];
  for (const accountId of await store.images.holders(digest)) {
    const policy = await store.policies.active(accountId);
    if (!policy) continue;
    const { bundle } = await bundles.load(policy.bundle, `policy ${policy.policyId}`);
    const own = bundleNeeds(bundle);
    needs.allFiles ||= own.allFiles;
    needs.malware ||= own.malware;
    needs.scan ||= own.scan;
    needs.previous ||= own.previous;
    needs.fileDigests ||= own.fileDigests;
    needs.signature ||= own.signature;
    for (const p of own.retrievedPaths) if (!needs.retrievedPaths.includes(p)) needs.retrievedPaths.push(p);
    accounts.push(accountId);
  }
  return { accounts, needs };
}

export function catalogFor(policies: HolderPolicies): CatalogOptions {
  return catalogForBundle(policies.needs);
}

/** One holder's evaluation, with the final action of the one before it for the same tag and policy. */
export interface HolderEvaluation {
  accountId: string;
  evaluation: EvaluationView;
  /** Absent when this was the first evaluation for the tag and policy. */
  previousAction?: string;
}

/**
 * Evaluates the stored SBOM and scan with each holder's active policy, keeps each result, and
 * writes each holder's trend row (counts of the stored scan, its final action).
 */
export async function evaluateHolders(
  store: ServiceStore,
  digest: string,
  accounts: readonly string[],
  now: () => Date,
  signal: AbortSignal,
  bundles: CheckBundleCache = new CheckBundleCache(),
): Promise<HolderEvaluation[]> {
  const checks = new CheckService(store, now, bundles);
  const out: HolderEvaluation[] = [];
  for (const accountId of accounts) {
    signal.throwIfAborted();
    const evaluation = await checks.check(accountId, digest, {});
    const previousAction = await store.evaluations.previousAction(accountId, digest, {
      tag: evaluation.tag,
      policyId: evaluation.policyId,
      exceptId: evaluation.id,
    });
    out.push({
      accountId,
      evaluation,
      ...(previousAction !== undefined ? { previousAction } : {}),
    });
  }
  const evaluated = new Map(
    out.map((h) => [
      h.accountId,
      {
        finalAction: h.evaluation.final_action,
        policyId: h.evaluation.policyId,
        feedState: h.evaluation.feed_state,
      },
    ]),
  );
  await recordTrends(store, digest, now().toISOString(), evaluated);
  return out;
}
