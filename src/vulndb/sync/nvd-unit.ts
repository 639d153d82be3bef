import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NvdClient } from '../providers/nvd/nvd-client.js';
import type { VulnStore } from '../store/types.js';
import type { SyncConfig } from './sync-config.js';
import type { SyncUnit } from './sync-units.js';

/** Sync state key: the end of the last NVD window imported. */
export const NVD_CURSOR = 'nvd.lastModified';

/**
 * NVD through the CVE API 2.0: the records modified since the cursor (or the last
 * `initialDays` on a first sync), in windows of at most 120 days, page by page to files, then
 * imported without dropping older NVD records. The cursor moves only when the import commits.
 */
export function nvdUnit(config: SyncConfig, store: VulnStore, now: () => Date = () => new Date()): SyncUnit {
  return {
    name: 'nvd',
    provider: 'nvd',
    replace: false,
    fetch: async (dir) => {
      const end = now();
      const cursor = await store.syncState(NVD_CURSOR);
      const start = cursor ? new Date(cursor) : new Date(end.getTime() - config.nvd.initialDays * 86_400_000);
      const client = new NvdClient({ baseUrl: config.nvd.url, apiKey: config.nvd.apiKey });
      const files: string[] = [];
      for await (const page of client.modifiedBetween(start, end)) {
        const file = path.join(dir, `nvd-${files.length}.json`);
        await writeFile(file, page.content);
        files.push(file);
      }
      return { files, source: config.nvd.url, state: [[NVD_CURSOR, end.toISOString()]] };
    },
  };
}
