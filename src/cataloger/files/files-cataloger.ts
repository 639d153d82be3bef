import type { ContentMatch, FileEntry, RetrievedFile } from '../../model/file-entry.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { SkippedInspection } from '../../resolver/inspection.js';
import { unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogOptions, CatalogResult, Cataloger, FileHeader } from '../types.js';
import { compileContentSearch } from './content-search.js';
import { fileFlags, isNotable, modeText } from './file-flags.js';
import {
  inspectFile,
  wantsFileInspection,
  type FileInspection,
  type FileInspectionPlan,
} from './files-inspection.js';
import { ownersByPath } from './owned-paths.js';
import { globsMatcher } from './path-glob.js';

export const FILES_CATALOGER = 'files';
export const DEFAULT_RETRIEVE_FILES: readonly string[] = ['/etc/passwd'];
export const DEFAULT_RETRIEVE_MAX_BYTES = 64 * 1024;

/**
 * The file inventory (notable files by default, every file with `files: 'all'`), retrieval of
 * configured files' contents and the user's content search. Contents are looked at while the
 * layers stream by; only digests, capped retrieved content and line numbers are kept.
 */
export function createFilesCataloger(options: CatalogOptions = {}): Cataloger {
  const inventory = options.files ?? 'notable';
  const retrieveMaxBytes = options.retrieveMaxBytes ?? DEFAULT_RETRIEVE_MAX_BYTES;
  const plan: FileInspectionPlan = {
    digestAll: inventory === 'all' && options.fileDigests === true,
    retrieve: globsMatcher(options.retrieveFiles ?? DEFAULT_RETRIEVE_FILES),
    retrieveMaxBytes,
    patterns: compileContentSearch(options.contentSearch),
  };
  return {
    name: FILES_CATALOGER,
    version: 1,
    wants: () => false,
    wantsInspect: (header: FileHeader) => wantsFileInspection(plan, header),
    inspect: (record, content) => inspectFile(plan, record, content),
    catalog: (context) => catalogFiles(context, inventory, plan),
  };
}

function catalogFiles(
  context: CatalogContext,
  inventory: 'notable' | 'all' | 'none',
  plan: FileInspectionPlan,
): CatalogResult {
  const unknowns: Unknown[] = [];
  const inspected = inspectionsInScope(context);
  const files: FileEntry[] = [];
  if (inventory !== 'none') {
    const owners = ownersByPath(context.packagesSoFar);
    const records = context.files.find(() => true);
    for (const record of records) {
      if (inventory === 'notable' && !isNotable(record.type, record.mode)) continue;
      files.push(fileEntry(record, inspected.get(record), owners.get(record.path)));
    }
  }
  const retrievedFiles: RetrievedFile[] = [];
  const contentMatches: ContentMatch[] = [];
  for (const [record, result] of inspected) {
    if (result instanceof SkippedInspection) {
      if (plan.retrieve(record.path))
        unknowns.push(unknownAt(record, FILES_CATALOGER, `cannot retrieve ${record.path}: ${result.reason}`));
      continue;
    }
    if (result.retrieved)
      retrievedFiles.push({
        path: record.path,
        layer: record.layerDigest,
        ...result.retrieved,
        size: record.size,
      });
    for (const match of result.matches ?? [])
      contentMatches.push({
        path: record.path,
        layer: record.layerDigest,
        name: match.name,
        lines: match.lines,
      });
  }
  return { packages: [], unknowns, files, retrievedFiles, contentMatches };
}

function fileEntry(
  record: FileRecord,
  inspection: FileInspection | SkippedInspection | undefined,
  owners?: string[],
): FileEntry {
  const entry: FileEntry = {
    path: record.path,
    type: record.type,
    mode: record.mode,
    modeText: modeText(record.mode),
    uid: record.uid,
    gid: record.gid,
    size: record.size,
    layer: record.layerDigest,
    layerIndex: record.layerIndex,
  };
  if (inspection && !(inspection instanceof SkippedInspection) && inspection.sha256)
    entry.sha256 = inspection.sha256;
  if (record.linkTarget !== undefined) entry.linkTarget = record.linkTarget;
  const flags = fileFlags(record.type, record.mode);
  if (flags.length > 0) entry.flags = flags;
  if (owners?.length) entry.ownedBy = [...owners];
  return entry;
}

/** The inspection results of the records in the chosen scope (squashed: visible files only). */
function inspectionsInScope(context: CatalogContext): Map<FileRecord, FileInspection | SkippedInspection> {
  const paths = new Set<string>();
  for (const record of context.inspections.keys()) paths.add(record.path);
  const out = new Map<FileRecord, FileInspection | SkippedInspection>();
  if (paths.size === 0) return out;
  for (const record of context.files.find((p) => paths.has(p))) {
    const result = context.inspections.get(record);
    if (result instanceof SkippedInspection || (typeof result === 'object' && result !== null))
      out.set(record, result as FileInspection | SkippedInspection);
  }
  return out;
}
