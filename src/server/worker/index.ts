export { startWorkers, type RunningHandlers, type WorkerOptions } from './start-workers.js';
export { reconcileAnalyses, startReconciler, type ReconcileOutcome } from './reconcile-analyses.js';
export { analyzeImageJob } from './analyze-image-job.js';
export { evaluateImageJob } from './evaluate-image-job.js';
export { syncFeedsJob } from './sync-feeds-job.js';
export { layerCacheDir, serviceLayerCache, TieredLayerCache } from './service-layer-cache.js';
export type { FeedSyncSettings, WorkerDeps, WorkerLog } from './worker-deps.js';
export { requeueEvaluations } from './requeue-evaluations.js';
export {
  backfillLookups,
  mergeChanges,
  queueAffectedImages,
  type AffectedOutcome,
} from './affected-images.js';
export { VulnerabilityReader } from './vulnerability-reader.js';
