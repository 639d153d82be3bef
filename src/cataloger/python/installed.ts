import { posix } from 'node:path';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord, FileView } from '../../resolver/file-view.js';
import { readText, unknownAt } from '../read-content.js';
import { parseCoreMetadata, parseRequiresTxt } from './core-metadata.js';
import { normalisePythonName } from './name.js';
import { distributionDirs, pythonFileKind } from './paths.js';
import { locationOf } from '../locations.js';
import type { PythonDraft } from './python-draft.js';
import { type OwnedFile, parseInstalledFiles, parseRecordFile } from './record-file.js';

/** A sidecar file of a distribution directory, preferring the version in the same layer. */
function sidecar(
  sidecars: Map<string, FileRecord[]>,
  dir: string,
  name: string,
  layerIndex: number,
): FileRecord | undefined {
  const records = sidecars.get(posix.join(dir, name)) ?? [];
  return (
    records.find((r) => r.layerIndex === layerIndex) ??
    [...records].reverse().find((r) => r.layerIndex <= layerIndex) ??
    records[records.length - 1]
  );
}

function sidecarText(
  view: FileView,
  record: FileRecord | undefined,
  cataloger: string,
  unknowns: Unknown[],
): string | undefined {
  return record ? readText(view, record, cataloger, unknowns) : undefined;
}

function directUrl(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Installed distributions: every METADATA / PKG-INFO / .egg-info file, with RECORD (owned
 * files), top_level.txt, direct_url.json and requires.txt from the same directory.
 */
export function installedDrafts(view: FileView, cataloger: string, unknowns: Unknown[]): PythonDraft[] {
  const records = view.find((p) => pythonFileKind(p) !== undefined).filter((r) => r.type === 'file');
  const sidecars = new Map<string, FileRecord[]>();
  for (const record of records) {
    if (pythonFileKind(record.path) !== 'sidecar') continue;
    sidecars.set(record.path, [...(sidecars.get(record.path) ?? []), record]);
  }
  const drafts: PythonDraft[] = [];
  for (const record of records) {
    if (pythonFileKind(record.path) !== 'metadata') continue;
    const text = readText(view, record, cataloger, unknowns);
    if (text === undefined) continue;
    const outcome = parseCoreMetadata(text);
    if (outcome.kind === 'empty') continue;
    if (outcome.kind === 'invalid') {
      unknowns.push(unknownAt(record, cataloger, outcome.message));
      continue;
    }
    const meta = outcome.metadata;
    const { dir, sitePackages } = distributionDirs(record.path);
    const metadata: Record<string, unknown> = { sitePackages };
    for (const key of [
      'summary',
      'author',
      'authorEmail',
      'homepage',
      'requiresPython',
      'platform',
    ] as const) {
      if (meta[key] !== undefined) metadata[key] = meta[key];
    }
    if (meta.requiresDist.length) metadata.requiresDist = meta.requiresDist;
    let dependsOn = meta.dependsOn;
    if (dir) {
      const read = (name: string): string | undefined =>
        sidecarText(view, sidecar(sidecars, dir, name, record.layerIndex), cataloger, unknowns);
      let files: OwnedFile[] = [];
      const recordText = read('RECORD');
      if (recordText !== undefined) files = parseRecordFile(recordText, sitePackages);
      else {
        const installedFiles = read('installed-files.txt');
        if (installedFiles !== undefined) files = parseInstalledFiles(installedFiles, dir);
      }
      if (files.length) metadata.files = files;
      const topLevel = read('top_level.txt');
      if (topLevel !== undefined) {
        const names = topLevel
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean);
        if (names.length) metadata.topLevelPackages = names;
      }
      const url = directUrl(read('direct_url.json'));
      if (url !== undefined) metadata.directUrl = url;
      const requires = read('requires.txt');
      if (requires !== undefined && dependsOn.length === 0) dependsOn = parseRequiresTxt(requires);
    }
    drafts.push({
      name: meta.name,
      version: meta.version,
      scopeDir: sitePackages,
      installed: true,
      licenses: meta.licenses,
      metadata,
      dependsOn: [...new Set(dependsOn.map(normalisePythonName))],
      locations: [locationOf(record)],
    });
  }
  return drafts;
}
