import type { CatalogOptions } from '../../cataloger/types.js';
import { bundleNeeds, type BundleNeeds } from '../../policy/evaluate/index.js';
import { catalogForBundle } from '../../usecases/bundle-catalog.js';
import { loadCheckBundle } from '../../usecases/check-bundle.js';
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
 * files when one rule inspects the whole tree, every retrieved path, ClamAV when one asks).
 */
export async function holderPolicies(store: ServiceStore, digest: string): Promise<HolderPolicies> {
  const needs: BundleNeeds = { allFiles: false, retrievedPaths: [], malware: false, scan: false };
  const accounts: string[] = [];
  for (const accountId of await store.images.holders(digest)) {
    const policy = await store.policies.active(accountId);
    if (!policy) continue;
    const { bundle } = await loadCheckBundle({ document: policy.bundle, name: `policy ${policy.policyId}` });
    const own = bundleNeeds(bundle);
    needs.allFiles ||= own.allFiles;
    needs.malware ||= own.malware;
    needs.scan ||= own.scan;
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
): Promise<HolderEvaluation[]> {
  const checks = new CheckService(store, now);
  const out: HolderEvaluation[] = [];
  for (const accountId of accounts) {
    signal.throwIfAborted();
    const evaluation = await checks.check(accountId, digest, {});
    const recent = await store.evaluations.history(
      accountId,
      digest,
      { limit: 2, offset: 0 },
      { tag: evaluation.tag, policyId: evaluation.policyId },
    );
    const previous = recent.items.find((e) => e.id !== evaluation.id);
    out.push({
      accountId,
      evaluation,
      ...(previous ? { previousAction: previous.finalAction } : {}),
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
