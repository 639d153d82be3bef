import type { Sbom } from '../../model/sbom.js';
import type { ScanReport } from '../../scan/types.js';
import { sbomImage, scanImage, vulnerabilityDataExists } from '../../usecases/index.js';
import { failureMessage } from '../queue/job-defaults.js';
import type { JobContext } from '../queue/types.js';
import { sbomMetadata } from '../services/upload-service.js';
import type { ImageWithTags } from '../store/types.js';
import { setAnalysisStatus } from './analysis-events.js';
import { catalogFor, evaluateHolders, holderPolicies } from './holder-policies.js';
import { imageSource } from './image-source.js';
import { scanStoredSbom } from './scan-stored.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * `analyze-image`: reads the image once (layers already seen come from the layer cache), stores
 * its SBOM and scan, evaluates it with every holder's active policy, and marks it analyzed.
 * Safe to run again after a worker died mid-job: every write replaces the previous one, and an
 * image already marked analyzed (its job was killed after the last write) is left as it is.
 * On the last attempt a failure marks the image analysis_failed with the reason.
 */
export async function analyzeImageJob(deps: WorkerDeps, job: JobContext<'analyze-image'>): Promise<void> {
  const { digest, accountId } = job.data;
  const now = deps.now ?? (() => new Date());
  const image = await findImage(deps, accountId, digest);
  if (!image) {
    deps.log?.info({ jobId: job.id, digest }, 'image no longer held by any account: nothing to analyze');
    return;
  }
  if (image.analysisStatus === 'analyzed' && (await deps.store.analyses.getSbom(digest))) return;
  try {
    await setAnalysisStatus(deps, digest, image.analysisStatus, 'analyzing', { at: now().toISOString() });
    deps.log?.info({ jobId: job.id, digest, attempt: job.attempt }, 'analyzing image');
    const started = performance.now();
    const policies = await holderPolicies(deps.store, digest, deps.bundles);
    const found = await imageSource(deps, image.accountId, image.digest, image.origin);
    let sbom: Sbom | undefined;
    let scan: ScanReport | undefined;
    if (found) {
      const analysis = {
        ...found.options,
        catalog: catalogFor(policies),
        signal: job.signal,
        ...(deps.layerCache ? { layerCache: deps.layerCache } : {}),
      };
      if (vulnerabilityDataExists(deps.vulnData))
        ({ sbom, scan } = await scanImage(found.source, { ...analysis, store: deps.vulnData }));
      else sbom = (await sbomImage(found.source, analysis)).sbom;
    } else {
      // An uploaded SBOM: stored when it came, only its scan and evaluation are due.
      sbom = await deps.store.analyses.getSbom(digest);
      if (!sbom) throw new Error(`no stored SBOM for ${digest}`);
      scan = await scanStoredSbom(deps, sbom, job.signal);
    }
    job.signal.throwIfAborted();
    const at = now().toISOString();
    if (found) await deps.store.analyses.putSbom(digest, sbom, at);
    if (scan) await deps.store.analyses.putScan(digest, scan, at);
    const actions = await evaluateHolders(
      deps.store,
      digest,
      policies.accounts,
      now,
      job.signal,
      deps.bundles,
    );
    await setAnalysisStatus(deps, digest, 'analyzing', 'analyzed', {
      at: now().toISOString(),
      metadata: sbomMetadata(sbom),
    });
    deps.log?.info(
      {
        jobId: job.id,
        digest,
        packages: sbom.packages.length,
        vulnerabilities: scan?.matches.length,
        evaluations: actions.length,
        seconds: Math.round(performance.now() - started) / 1000,
      },
      'image analyzed',
    );
  } catch (err) {
    // A stopping worker or an expired lease gives the job back: not this image's failure.
    if (job.signal.aborted) throw err;
    const reason = failureMessage(err);
    deps.log?.warn({ jobId: job.id, digest, attempt: job.attempt, reason }, 'image analysis failed');
    if (job.lastAttempt)
      await setAnalysisStatus(deps, digest, 'analyzing', 'analysis_failed', {
        at: now().toISOString(),
        failureReason: reason,
      });
    throw err;
  }
}

/** The job's account's image row, or (that account removed it) another holder's. */
async function findImage(
  deps: WorkerDeps,
  accountId: string,
  digest: string,
): Promise<ImageWithTags | undefined> {
  const own = await deps.store.images.get(accountId, digest);
  if (own) return own;
  for (const holder of await deps.store.images.holders(digest)) {
    const image = await deps.store.images.get(holder, digest);
    if (image) return image;
  }
  return undefined;
}
