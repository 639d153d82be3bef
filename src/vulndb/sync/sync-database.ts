import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFeeds, type ImportSummary } from '../import/index.js';
import type { FeedParser } from '../providers/types.js';
import type { PackageChanges, VulnStore, WriteSession } from '../store/types.js';
import { DEFAULT_SYNC_PROVIDERS, type SyncConfig, type SyncProvider } from './sync-config.js';
import { syncUnits } from './sync-units.js';
import { makeWorkDir, removeStaleWork } from './work-dir.js';

/** Sync bookkeeping key: the units a run finished, until the whole run succeeds. */
export const RUN_KEY = 'sync.run';

export interface SyncResult {
  /** Units done in this run, with what each imported. */
  done: { unit: string; summary: ImportSummary }[];
  /** Units an earlier, interrupted run had finished (not fetched again). */
  resumed: string[];
  /** `previousData`: the database held this provider's data before, and still does. */
  failed: { unit: string; reason: string; previousData: boolean }[];
  /** Work files of killed runs that this run removed. */
  staleRemoved: string[];
  seconds: number;
}

export type SyncProgress = { kind: 'unit'; unit: string; phase: 'download' | 'import' | 'done' | 'failed' };

export interface SyncOptions {
  config: SyncConfig;
  parsers: readonly FeedParser[];
  providers?: readonly SyncProvider[];
  onProgress?: (event: SyncProgress) => void;
  /**
   * Where downloads are unpacked (default: the system temp folder). Work files of killed runs
   * found there are removed first.
   */
  workDir?: string;
  /** After each unit's commit: which (namespace, package) pairs it changed. */
  onChanges?: (changes: PackageChanges) => void;
}

/**
 * `db update`: every unit (an OSV ecosystem, Debian, Alpine, EPSS, KEV) is downloaded to a temp
 * folder and imported in its own write session, together with the run's progress record; a
 * failed unit keeps its previous data and the others go on. A run after a failed one skips the
 * units that one finished.
 */
export async function syncDatabase(store: VulnStore, options: SyncOptions): Promise<SyncResult> {
  const started = performance.now();
  const providers = options.providers ?? DEFAULT_SYNC_PROVIDERS;
  const previous = await store.syncState(RUN_KEY);
  const finished = new Set<string>(previous ? (JSON.parse(previous) as { done: string[] }).done : []);
  const held = new Set((await store.status()).providers.map((p) => p.provider));
  const parent = options.workDir ?? tmpdir();
  const result: SyncResult = {
    done: [],
    resumed: [],
    failed: [],
    staleRemoved: await removeStaleWork(parent),
    seconds: 0,
  };
  const work = await makeWorkDir(parent);
  try {
    for (const unit of syncUnits(options.config, store, providers)) {
      if (finished.has(unit.name)) {
        result.resumed.push(unit.name);
        continue;
      }
      const dir = await mkdtemp(path.join(work, 'unit-'));
      try {
        options.onProgress?.({ kind: 'unit', unit: unit.name, phase: 'download' });
        const fetched = await unit.fetch(dir);
        options.onProgress?.({ kind: 'unit', unit: unit.name, phase: 'import' });
        const run = JSON.stringify({ done: [...finished, unit.name] });
        const record = async (session: WriteSession): Promise<void> => {
          for (const [key, value] of fetched.state) await session.setSyncState(key, value);
          await session.setSyncState(RUN_KEY, run);
        };
        const summary =
          fetched.files.length > 0
            ? await importFeeds(store, fetched.files, {
                parsers: options.parsers,
                source: fetched.source,
                replace: unit.replace,
                beforeCommit: record,
                ...(options.onChanges ? { onChanges: options.onChanges } : {}),
              })
            : emptySummary();
        const imported = Object.values(summary.records).reduce((a, b) => a + b, 0);
        if (imported === 0) {
          // Nothing new (or nothing usable): still note the unit and its cursor as done.
          const session = await store.begin();
          try {
            await record(session);
            await session.commit();
          } catch (err) {
            await session.rollback();
            throw err;
          }
          if (fetched.files.length > 0 && Object.keys(summary.rejected).length > 0) {
            throw new Error(`nothing usable in ${fetched.source}`);
          }
        }
        finished.add(unit.name);
        result.done.push({ unit: unit.name, summary });
        options.onProgress?.({ kind: 'unit', unit: unit.name, phase: 'done' });
      } catch (err) {
        result.failed.push({
          unit: unit.name,
          reason: (err instanceof Error ? err.message : String(err)).split('\n')[0]!,
          previousData: held.has(unit.provider),
        });
        options.onProgress?.({ kind: 'unit', unit: unit.name, phase: 'failed' });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    if (result.failed.length === 0) {
      const session = await store.begin();
      await session.setSyncState(RUN_KEY, undefined);
      await session.commit();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function emptySummary(): ImportSummary {
  return { files: 0, skipped: 0, records: {}, rejected: {}, seconds: 0 };
}
