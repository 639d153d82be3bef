import type { FeedFile, FeedParser } from '../providers/types.js';
import type { PackageChanges, VulnStore, WriteSession } from '../store/types.js';
import { checkPaths, walkFeedFiles } from './feed-files.js';

/** How many rejection reasons each provider keeps for the report. */
export const REJECTION_SAMPLES = 10;

/** Rejections that did not belong to any parser: files or archives that could not be read. */
export const UNREADABLE = '(unreadable)';

export interface Rejections {
  count: number;
  samples: { location: string; reason: string }[];
}

export interface ImportSummary {
  /** Feed files seen (zip and gz entries count one each). */
  files: number;
  /** Files no parser claimed (README.md, index.json…). */
  skipped: number;
  /** Vulnerability records written, per provider; EPSS scores and KEV entries under theirs. */
  records: Record<string, number>;
  rejected: Record<string, Rejections>;
  seconds: number;
}

export type ImportProgress = { kind: 'file'; location: string; files: number; records: number };

export interface ImportOptions {
  parsers: readonly FeedParser[];
  onProgress?: (event: ImportProgress) => void;
  /** Stored as each provider's source (default `import:<paths>`). */
  source?: string;
  /** Stored as each provider's last sync time (default now). */
  now?: Date;
  /**
   * false: add and update records without dropping the provider's others (a sync of one OSV
   * ecosystem, or of changed records only). Default true.
   */
  replace?: boolean;
  /** Runs in the session just before commit (sync bookkeeping that must commit with the data). */
  beforeCommit?: (session: WriteSession) => Promise<void>;
  /** After commit: which (namespace, package) pairs the import changed (not called when nothing was written). */
  onChanges?: (changes: PackageChanges) => void;
}

/**
 * Imports feed files into the store in ONE write session: everything or nothing. Each provider
 * that yielded records replaces what it had before; providers that yielded nothing keep theirs.
 */
export async function importFeeds(
  store: VulnStore,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportSummary> {
  await checkPaths(paths);
  const started = performance.now();
  const summary: ImportSummary = { files: 0, skipped: 0, records: {}, rejected: {}, seconds: 0 };
  let total = 0;
  const session = await store.begin();
  try {
    let kevVersion: string | undefined;
    for await (const source of walkFeedFiles(paths)) {
      if (source.kind === 'unreadable') {
        summary.files++;
        reject(summary, UNREADABLE, source.location, source.reason);
        continue;
      }
      summary.files++;
      const file = source.file;
      const parser = options.parsers.find((p) => safeDetect(p, file));
      if (!parser) {
        summary.skipped++;
        continue;
      }
      try {
        for await (const item of parser.parse(file)) {
          switch (item.kind) {
            case 'vulnerability':
              await session.putVulnerability(item.vulnerability, item.affected);
              count(summary, item.vulnerability.provider);
              break;
            case 'epss':
              await session.putEpss(item.score, parser.name);
              count(summary, parser.name);
              break;
            case 'kev':
              await session.putKev(item.entry, parser.name);
              kevVersion ??= catalogVersion(file);
              count(summary, parser.name);
              break;
            case 'rejected':
              reject(summary, parser.name, item.location, item.reason);
              continue;
          }
          total++;
        }
      } catch (err) {
        if (isStoreError(err)) throw err;
        reject(summary, parser.name, file.location, `cannot parse: ${firstLine(err)}`);
      }
      options.onProgress?.({ kind: 'file', location: file.location, files: summary.files, records: total });
    }
    if (total === 0) {
      await session.rollback();
    } else {
      const lastSync = (options.now ?? new Date()).toISOString();
      const source = options.source ?? `import:${paths.join(',')}`;
      for (const provider of Object.keys(summary.records)) {
        if (options.replace !== false) await session.replaceProvider(provider);
        const rejected = summary.rejected[provider]?.count ?? 0;
        await session.recordProvider({ provider, lastSync, source, rejected });
      }
      if (kevVersion) await session.setKevCatalogVersion(kevVersion);
      await options.beforeCommit?.(session);
      await session.commit();
      options.onChanges?.(session.changes());
    }
  } catch (err) {
    await session.rollback();
    throw err;
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

function safeDetect(parser: FeedParser, file: FeedFile): boolean {
  try {
    return parser.detect(file);
  } catch {
    return false;
  }
}

function count(summary: ImportSummary, provider: string): void {
  summary.records[provider] = (summary.records[provider] ?? 0) + 1;
}

function reject(summary: ImportSummary, provider: string, location: string, reason: string): void {
  const r = (summary.rejected[provider] ??= { count: 0, samples: [] });
  r.count++;
  if (r.samples.length < REJECTION_SAMPLES) r.samples.push({ location, reason });
}

/** The KEV catalog's version, read from the head of the catalog file. */
function catalogVersion(file: FeedFile): string | undefined {
  return /"catalogVersion"\s*:\s*"([^"]{1,40})"/.exec(file.content.subarray(0, 4096).toString('utf8'))?.[1];
}

function isStoreError(err: unknown): boolean {
  return (err as { code?: string }).code === 'database';
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
