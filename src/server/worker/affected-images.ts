import { lookupKeys } from '../../matcher/lookup-keys.js';
import type { PackageChanges } from '../../vulndb/store/types.js';
import type { JobQueue } from '../queue/types.js';
import type { ServiceStore } from '../store/types.js';
import { requeueEvaluations } from './requeue-evaluations.js';

const BACKFILL_PAGE = 200;

/** How a feed change was turned into evaluations. */
export interface AffectedOutcome {
  /** Pairs the change touched. */
  changedPackages: number;
  /** Analyses indexed now because they were stored before the index existed. */
  backfilled: number;
  /** Digests queued for `evaluate-image`. */
  queued: number;
  /** true: the change could not be told apart, every analyzed image was queued. */
  everything: boolean;
}

/** Merges the changes of several write sessions (the units of one sync). */
export function mergeChanges(all: readonly PackageChanges[]): PackageChanges {
  const seen = new Map<string, { namespace: string; package: string }>();
  for (const c of all) for (const p of c.packages) seen.set(`${p.namespace}\u0000${p.package}`, p);
  return { complete: all.every((c) => c.complete), packages: [...seen.values()] };
}

/** Indexes the stored analyses the lookup index does not cover yet (stored before it existed). */
export async function backfillLookups(store: ServiceStore): Promise<number> {
  let done = 0;
  for (;;) {
    const digests = await store.lookups.unindexed(BACKFILL_PAGE);
    if (digests.length === 0) return done;
    for (const digest of digests) {
      const sbom = await store.analyses.getSbom(digest);
      await store.lookups.index(digest, sbom ? lookupKeys(sbom) : []);
      done++;
    }
  }
}

/**
 * After new vulnerability data: queues an `evaluate-image` for each stored image whose SBOM can
 * look up a changed (namespace, package) pair, once per digest whichever accounts hold it (the
 * job evaluates them all). Work proportional to the change, not to the fleet; when the change is
 * not known (`complete: false`), every analyzed image is queued as before.
 */
export async function queueAffectedImages(
  store: ServiceStore,
  queue: JobQueue,
  changes: PackageChanges,
  reason: string,
): Promise<AffectedOutcome> {
  const outcome: AffectedOutcome = {
    changedPackages: changes.packages.length,
    backfilled: 0,
    queued: 0,
    everything: false,
  };
  if (!changes.complete) {
    outcome.everything = true;
    outcome.queued = await requeueEvaluations(store, queue, reason);
    return outcome;
  }
  if (changes.packages.length === 0) return outcome;
  outcome.backfilled = await backfillLookups(store);
  const digests = await store.lookups.digestsFor(
    changes.packages.map((p) => ({ namespace: p.namespace, name: p.package })),
  );
  for (const digest of digests) {
    const [accountId] = await store.images.holders(digest);
    if (accountId === undefined) continue;
    await queue.enqueue(
      'evaluate-image',
      { digest, accountId, reason },
      { singletonKey: `evaluate:${digest}` },
    );
    outcome.queued++;
  }
  return outcome;
}
