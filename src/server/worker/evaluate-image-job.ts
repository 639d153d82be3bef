import type { JobContext } from '../queue/types.js';
import { evaluateHolders, holderPolicies } from './holder-policies.js';
import { scanStoredSbom } from './scan-stored.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * `evaluate-image`: matches the stored SBOM against the current vulnerability data (an uploaded
 * SBOM, new feed data), stores the scan and evaluates it with every holder's active policy. The
 * image is never read again. Running it twice stores the same scan and one more evaluation.
 */
export async function evaluateImageJob(deps: WorkerDeps, job: JobContext<'evaluate-image'>): Promise<void> {
  const { digest, reason } = job.data;
  const now = deps.now ?? (() => new Date());
  const sbom = await deps.store.analyses.getSbom(digest);
  if (!sbom) {
    deps.log?.info({ jobId: job.id, digest }, 'no stored SBOM: nothing to evaluate');
    return;
  }
  const scan = await scanStoredSbom(deps.vulnData, sbom, job.signal);
  job.signal.throwIfAborted();
  if (scan) await deps.store.analyses.putScan(digest, scan, now().toISOString());
  const { accounts } = await holderPolicies(deps.store, digest);
  const actions = await evaluateHolders(deps.store, digest, accounts, now, job.signal);
  deps.log?.info(
    { jobId: job.id, digest, reason, vulnerabilities: scan?.matches.length, evaluations: actions.length },
    'image evaluated',
  );
}
