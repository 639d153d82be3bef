import { NotFoundError, UsageError } from '../../errors/index.js';
import { parseImageReference } from '../../source/reference/index.js';
import type { JobQueue } from '../queue/types.js';
import type { ServiceStore, WatchRecord } from '../store/types.js';
import { queuePoll } from '../watchers/watch-jobs.js';

export type WatchInput =
  | { kind: 'tag'; tag: string; intervalSeconds?: number }
  | { kind: 'repository'; repository: string; limit?: number; intervalSeconds?: number };

/** A watch as the API shows it. */
export interface WatchView {
  id: string;
  kind: 'tag' | 'repository';
  registry: string;
  repository: string;
  /** registry/repository:tag (kind tag). */
  tag?: string;
  intervalSeconds: number;
  limit?: number;
  active: boolean;
  lastDigest?: string;
  lastImageDigest?: string;
  lastCheckedAt?: string;
  lastError?: string;
  nextCheckAt: string;
  createdAt: string;
}

export const DEFAULT_WATCH_INTERVAL_SECONDS = 300;
export const DEFAULT_REPOSITORY_LIMIT = 5;

/** An account's watches; each poll runs as a job (one open poll per watch). */
export class WatchService {
  constructor(
    private readonly store: ServiceStore,
    private readonly queue: JobQueue,
    private readonly now: () => Date,
  ) {}

  /** Adds the watch and queues its first poll. */
  async create(accountId: string, input: WatchInput): Promise<WatchView> {
    const at = this.now().toISOString();
    const intervalSeconds = input.intervalSeconds ?? DEFAULT_WATCH_INTERVAL_SECONDS;
    let watch: WatchRecord;
    if (input.kind === 'tag') {
      const ref = parseImageReference(input.tag);
      if (ref.digest !== undefined) throw new UsageError('a watched tag cannot name a digest');
      watch = await this.store.watches.create({
        accountId,
        kind: 'tag',
        registry: ref.registry,
        repository: ref.repository,
        tag: ref.tag ?? 'latest',
        intervalSeconds,
        at,
      });
    } else {
      const ref = parseImageReference(input.repository);
      if (/[:@]/.test(input.repository.split('/').pop() ?? ''))
        throw new UsageError('a watched repository names no tag or digest: registry/repository');
      watch = await this.store.watches.create({
        accountId,
        kind: 'repository',
        registry: ref.registry,
        repository: ref.repository,
        intervalSeconds,
        limit: input.limit ?? DEFAULT_REPOSITORY_LIMIT,
        at,
      });
    }
    await queuePoll({ queue: this.queue }, watch);
    return watchView(watch);
  }

  async list(accountId: string): Promise<WatchView[]> {
    return (await this.store.watches.list(accountId)).map(watchView);
  }

  async get(accountId: string, id: string): Promise<WatchView> {
    return watchView(await this.record(accountId, id));
  }

  async delete(accountId: string, id: string): Promise<void> {
    if (!(await this.store.watches.delete(accountId, id))) throw new NotFoundError(`no watch ${id}`);
  }

  /** Queues a poll now (or answers the one already open). */
  async check(accountId: string, id: string): Promise<{ watch: WatchView; jobId: string }> {
    const watch = await this.record(accountId, id);
    return { watch: watchView(watch), jobId: await queuePoll({ queue: this.queue }, watch) };
  }

  private async record(accountId: string, id: string): Promise<WatchRecord> {
    const watch = await this.store.watches.get(accountId, id);
    if (!watch) throw new NotFoundError(`no watch ${id}`);
    return watch;
  }
}

export function watchView(watch: WatchRecord): WatchView {
  const { accountId: _account, lastEtag: _etag, tag, ...rest } = watch;
  return {
    ...rest,
    ...(tag !== undefined ? { tag: `${watch.registry}/${watch.repository}:${tag}` } : {}),
  };
}
