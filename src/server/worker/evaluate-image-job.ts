import { publishEvent } from '../events/index.js';
import type { JobContext } from '../queue/types.js';
import { evaluateHolders, holderPolicies } from './holder-policies.js';
import { diffMatches, isEmptyDiff } from './match-diff.js';
import { scanStoredSbom } from './scan-stored.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * `evaluate-image`: matches the stored SBOM against the current vulnerability data (an uploaded
 * SBOM, new feed data), stores the scan and evaluates it with every holder's active policy. The
 * image is never read again. When the matches differ from the previous scan's, every holder gets
 * a `vuln_update` with the added, removed and updated vulnerabilities; when a holder's final
 * action for a tag and policy differs from its previous evaluation's, a `policy_eval`. Running it
 * twice stores the same scan and one more evaluation (and publishes nothing the second time).
 */
export async function evaluateImageJob(deps: WorkerDeps, job: JobContext<'evaluate-image'>): Promise<void> {
  const { digest, reason } = job.data;
  const now = deps.now ?? (() => new Date());
  const sbom = await deps.store.analyses.getSbom(digest);
  if (!sbom) {
    deps.log?.info({ jobId: job.id, digest }, 'no stored SBOM: nothing to evaluate');
    return;
  }
  const previous = await deps.store.analyses.getScanWithoutSbom(digest);
  const scan = await scanStoredSbom(deps, sbom, job.signal);
  job.signal.throwIfAborted();
  const at = now().toISOString();
  if (scan) await deps.store.analyses.putScan(digest, scan, at);
  const { accounts } = await holderPolicies(deps.store, digest, deps.bundles);
  const evaluations = await evaluateHolders(deps.store, digest, accounts, now, job.signal, deps.bundles);
  let events = 0;
  if (scan) {
    const diff = diffMatches(previous?.scan.matches ?? [], scan.matches);
    if (!isEmptyDiff(diff)) {
      const feedState = `scanned ${at} against data synced ${scan.database.lastSync ?? 'never'}`;
      for (const accountId of await deps.store.images.holders(digest)) {
        const image = await deps.store.images.get(accountId, digest);
        await publishEvent(deps, {
          type: 'vuln_update',
          accountId,
          digest,
          at,
          payload: { digest, fullTags: image?.tags.map((t) => t.fullTag) ?? [], ...diff, feedState },
        });
        events++;
      }
    }
  }
  for (const { accountId, evaluation, previousAction } of evaluations) {
    if (previousAction === evaluation.final_action) continue;
    await publishEvent(deps, {
      type: 'policy_eval',
      accountId,
      digest,
      at: evaluation.evaluated_at,
      ...(evaluation.tag ? { fullTag: evaluation.tag } : {}),
      payload: {
        digest,
        fullTag: evaluation.tag,
        policyId: evaluation.policyId,
        ...(previousAction !== undefined ? { previousAction } : {}),
        action: evaluation.final_action,
        evaluationId: evaluation.id,
        feedState: evaluation.feed_state,
      },
    });
    events++;
  }
  deps.log?.info(
    {
      jobId: job.id,
      digest,
      reason,
      vulnerabilities: scan?.matches.length,
      evaluations: evaluations.length,
      events,
    },
    'image evaluated',
  );
}
