import { publishEvent } from '../events/index.js';
import type { WatchRecord } from '../store/types.js';
import { listTags } from './registry-probe.js';
import { clientFor, fullTagOf, nextCheck, type WatcherDeps } from './watcher-deps.js';

export interface RepositoryPollOutcome {
  /** The tags added this run, in the order they were taken. */
  added: { tag: string; digest: string }[];
  /** New tags left for later runs (over the watch's limit). */
  waiting: number;
}

const DEFAULT_LIMIT = 5;

/**
 * One poll of a watched repository: lists its tags and adds (and so analyzes) the ones not taken
 * before, at most the watch's limit a run, newest-looking first (tags compared as text with
 * numbers by value, highest first). Each tag is marked taken as soon as it is added, so a run cut
 * short resumes where it stopped. A tag seen the first time is told as a `tag_update` without a
 * previous digest.
 */
export async function pollRepository(
  deps: WatcherDeps,
  watch: WatchRecord,
  signal?: AbortSignal,
): Promise<RepositoryPollOutcome> {
  const client = await clientFor(deps, watch, signal);
  let tags: string[];
  try {
    tags = await listTags(client);
  } finally {
    await client.close();
  }
  const seen = new Set(await deps.store.watches.seenTags(watch.accountId, watch.id));
  const fresh = [...new Set(tags.filter((t) => !seen.has(t)))].sort(newestFirst);
  const take = fresh.slice(0, Math.max(1, watch.limit ?? DEFAULT_LIMIT));
  const added: RepositoryPollOutcome['added'] = [];
  for (const tag of take) {
    signal?.throwIfAborted();
    const fullTag = fullTagOf(watch, tag);
    const image = await deps.images.addFromRegistry(watch.accountId, {
      source: { tag: { pullstring: fullTag } },
    });
    const at = deps.now().toISOString();
    await publishEvent(deps, {
      type: 'tag_update',
      accountId: watch.accountId,
      digest: image.imageDigest,
      fullTag,
      payload: { fullTag, digest: image.imageDigest },
      at,
    });
    await deps.store.watches.markTagsSeen(
      watch.accountId,
      watch.id,
      [{ tag, digest: image.imageDigest }],
      at,
    );
    added.push({ tag, digest: image.imageDigest });
  }
  const at = deps.now();
  await deps.store.watches.recordCheck(watch.accountId, watch.id, {
    at: at.toISOString(),
    nextCheckAt: nextCheck(at, watch),
  });
  if (added.length > 0)
    deps.log?.info(
      { watchId: watch.id, repository: `${watch.registry}/${watch.repository}`, added: added.length },
      'new tags in a watched repository',
    );
  return { added, waiting: fresh.length - added.length };
}

const collator = new Intl.Collator('en', { numeric: true });

function newestFirst(a: string, b: string): number {
  return collator.compare(b, a);
}
