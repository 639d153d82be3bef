import type { VulnerabilityData } from '../../usecases/types.js';
import { vulnerabilityDataExists, withVulnerabilityStore } from '../../usecases/vulnerability-store.js';
import type { JobQueue } from '../queue/types.js';

export interface FeedView {
  name: string;
  enabled: boolean;
  last_full_sync?: string;
  record_count: number;
  groups: { name: string; last_sync: string; record_count: number; enabled: boolean }[];
}

export interface FeedStatusView {
  location?: string;
  available: boolean;
  last_sync?: string;
  feeds: FeedView[];
}

/** The vulnerability data's state, and syncing it (a job: one worker runs it). */
export class FeedService {
  constructor(
    private readonly vulnData: VulnerabilityData,
    private readonly queue: JobQueue,
  ) {}

  async status(): Promise<FeedStatusView> {
    if (!vulnerabilityDataExists(this.vulnData)) return { available: false, feeds: [] };
    const status = await withVulnerabilityStore(this.vulnData, (store) => store.status());
    return {
      location: status.location,
      available: true,
      ...(status.lastSync !== undefined ? { last_sync: status.lastSync } : {}),
      feeds: status.providers.map((p) => ({
        name: p.provider,
        enabled: true,
        last_full_sync: p.lastSync,
        record_count: p.vulnerabilities,
        groups: [{ name: p.provider, last_sync: p.lastSync, record_count: p.affected, enabled: true }],
      })),
    };
  }

  /** Queues a sync (one at a time) and says the job's id. */
  async sync(requestedBy: string): Promise<{ jobId: string }> {
    return { jobId: await this.queue.enqueue('sync-feeds', { requestedBy }, { singletonKey: 'sync-feeds' }) };
  }

  /** When the data was last updated (Harbor metadata). */
  async lastSync(): Promise<string | undefined> {
    return (await this.status()).last_sync;
  }
}
