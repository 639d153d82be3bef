import { publishEvent } from '../events/index.js';
import type { WatchRecord } from '../store/types.js';
import { headTag } from './registry-probe.js';
import { clientFor, fullTagOf, nextCheck, type WatcherDeps } from './watcher-deps.js';

export type TagPollOutcome =
  | { kind: 'not-modified' | 'same-digest' | 'missing' }
  | { kind: 'new-digest'; digest: string; previousDigest?: string };

/**
 * One poll of a watched tag: a manifest HEAD with the last ETag. A 304, or the digest seen last
 * time, changes nothing but the check time. A new digest is added the way POST /v1/images adds a
 * tag (upsert with the tag, analysis queued once per digest) and told as a `tag_update`.
 * The event is recorded before the watch is updated: a poll that dies between the two tells
 * again on its next run rather than never.
 */
export async function pollTag(
  deps: WatcherDeps,
  watch: WatchRecord,
  signal?: AbortSignal,
): Promise<TagPollOutcome> {
  const tag = watch.tag ?? 'latest';
  const client = await clientFor(deps, watch, signal);
  let head: Awaited<ReturnType<typeof headTag>>;
  try {
    head = await headTag(client, tag, watch.lastEtag);
  } finally {
    await client.close();
  }
  const at = deps.now();
  const times = { at: at.toISOString(), nextCheckAt: nextCheck(at, watch) };
  if (head.kind === 'not-modified') {
    await deps.store.watches.recordCheck(watch.accountId, watch.id, times);
    return { kind: 'not-modified' };
  }
  if (head.kind === 'missing') {
    await deps.store.watches.recordCheck(watch.accountId, watch.id, {
      ...times,
      lastError: `${fullTagOf(watch, tag)} does not exist (yet)`,
    });
    return { kind: 'missing' };
  }
  const etag = head.etag ? { lastEtag: head.etag } : {};
  if (head.digest === watch.lastDigest) {
    await deps.store.watches.recordCheck(watch.accountId, watch.id, { ...times, ...etag });
    return { kind: 'same-digest' };
  }
  const fullTag = fullTagOf(watch, tag);
  const image = await deps.images.addFromRegistry(watch.accountId, {
    source: { tag: { pullstring: fullTag } },
  });
  const previousDigest = watch.lastImageDigest;
  if (image.imageDigest !== previousDigest) {
    await publishEvent(deps, {
      type: 'tag_update',
      accountId: watch.accountId,
      digest: image.imageDigest,
      fullTag,
      payload: {
        fullTag,
        digest: image.imageDigest,
        ...(previousDigest !== undefined ? { previousDigest } : {}),
      },
      at: times.at,
    });
  }
  await deps.store.watches.recordCheck(watch.accountId, watch.id, {
    ...times,
    ...etag,
    lastDigest: head.digest,
    lastImageDigest: image.imageDigest,
  });
  deps.log?.info(
    { watchId: watch.id, fullTag, digest: image.imageDigest, previousDigest },
    'watched tag moved',
  );
  return {
    kind: 'new-digest',
    digest: image.imageDigest,
    ...(previousDigest !== undefined ? { previousDigest } : {}),
  };
}
