import { publishEvent } from '../events/publish-event.js';
import type { AnalysisStatus, ServiceStore } from '../store/types.js';
import type { WorkerLog } from './worker-deps.js';

/**
 * Sets a digest's analysis status and, when it changed, publishes analysis_update for every
 * account holding the digest (analysis is shared, each holder hears of it). A status set again
 * (a retry marking 'analyzing' once more) publishes nothing.
 */
export async function setAnalysisStatus(
  deps: { store: ServiceStore; log?: WorkerLog },
  digest: string,
  previous: AnalysisStatus | undefined,
  status: AnalysisStatus,
  detail: Parameters<ServiceStore['images']['setStatus']>[2],
): Promise<void> {
  await deps.store.images.setStatus(digest, status, detail);
  if (previous === status) return;
  for (const accountId of await deps.store.images.holders(digest))
    await publishEvent(deps, {
      type: 'analysis_update',
      accountId,
      digest,
      payload: {
        digest,
        status,
        ...(previous !== undefined ? { previousStatus: previous } : {}),
        ...(detail.failureReason !== undefined ? { failureReason: detail.failureReason } : {}),
      },
      at: detail.at,
    });
}
