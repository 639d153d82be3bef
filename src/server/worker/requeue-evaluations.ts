import type { JobQueue } from '../queue/types.js';
import type { ServiceStore } from '../store/types.js';

const PAGE = 500;

/**
 * After new vulnerability data: queues an `evaluate-image` for every analyzed digest (one per
 * digest, whichever accounts hold it: the job evaluates them all). Returns how many were queued.
 */
export async function requeueEvaluations(
  store: ServiceStore,
  queue: JobQueue,
  reason: string,
): Promise<number> {
  const seen = new Set<string>();
  for (const account of await store.accounts.list()) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await store.images.list(
        account.id,
        { analysisStatus: 'analyzed' },
        { limit: PAGE, offset },
      );
      for (const image of page.items) {
        if (seen.has(image.digest)) continue;
        seen.add(image.digest);
        await queue.enqueue(
          'evaluate-image',
          { digest: image.digest, accountId: account.id, reason },
          { singletonKey: `evaluate:${image.digest}` },
        );
      }
      if (page.items.length < PAGE) break;
    }
  }
  return seen.size;
}
