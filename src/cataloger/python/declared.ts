import { posix } from 'node:path';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord, FileView } from '../../resolver/file-view.js';
import { readText, unknownAt } from '../read-content.js';
import { decodePythonText } from './decode-text.js';
import type { LockOutcome } from './lock-entry.js';
import { normalisePythonName } from './name.js';
import { type PythonFileKind, pythonFileKind } from './paths.js';
import { parsePipfileLock } from './pipfile-lock.js';
import { locationOf } from '../locations.js';
import type { PythonDraft } from './python-draft.js';
import { parseRequirementsTxt } from './requirements-txt.js';
import { parsePoetryLock, parseUvLock } from './toml-lock.js';

const PARSERS: Partial<Record<PythonFileKind, (text: string) => LockOutcome>> = {
  requirements: parseRequirementsTxt,
  'poetry-lock': parsePoetryLock,
  'pipfile-lock': parsePipfileLock,
  'uv-lock': parseUvLock,
};

const MAX_INCLUDE_DEPTH = 8;

interface Walk {
  view: FileView;
  cataloger: string;
  unknowns: Unknown[];
  drafts: PythonDraft[];
  /** Project directory of the top file; included requirement files count for it too. */
  project: string;
  visiting: Set<string>;
}

function textOf(walk: Walk, record: FileRecord): string | undefined {
  const content = walk.view.content(record);
  return content ? decodePythonText(content) : readText(walk.view, record, walk.cataloger, walk.unknowns);
}

function parseFile(walk: Walk, record: FileRecord, kind: PythonFileKind, depth: number): void {
  const parser = PARSERS[kind];
  if (!parser || walk.visiting.has(record.path)) return;
  const text = textOf(walk, record);
  if (text === undefined) return;
  const outcome = parser(text);
  if (outcome.kind === 'invalid') {
    walk.unknowns.push(unknownAt(record, walk.cataloger, outcome.message));
    return;
  }
  for (const problem of outcome.problems) walk.unknowns.push(unknownAt(record, walk.cataloger, problem));
  for (const entry of outcome.entries) {
    const metadata: Record<string, unknown> = { ...(entry.details ?? {}) };
    if (entry.dev) metadata.dev = true;
    walk.drafts.push({
      name: entry.name,
      version: entry.version,
      scopeDir: walk.project,
      installed: false,
      licenses: [],
      metadata,
      dependsOn: [...new Set(entry.dependsOn.map(normalisePythonName))],
      locations: [locationOf(record)],
    });
  }
  if (depth >= MAX_INCLUDE_DEPTH) return;
  walk.visiting.add(record.path);
  for (const include of outcome.includes ?? []) {
    const target = posix.resolve(posix.dirname(record.path), include);
    const included = walk.view.lookup(target, { follow: true });
    // An include the view did not keep (a name the cataloger does not want) cannot be read.
    if (included?.type === 'file' && walk.view.content(included)) {
      parseFile(walk, included, 'requirements', depth + 1);
    }
  }
  walk.visiting.delete(record.path);
}

/** Packages pinned by requirements files, poetry.lock, Pipfile.lock and uv.lock. */
export function declaredDrafts(view: FileView, cataloger: string, unknowns: Unknown[]): PythonDraft[] {
  const drafts: PythonDraft[] = [];
  const records = view.find((p) => {
    const kind = pythonFileKind(p);
    return kind !== undefined && kind in PARSERS;
  });
  for (const record of records) {
    if (record.type !== 'file') continue;
    const kind = pythonFileKind(record.path) as PythonFileKind;
    const walk: Walk = {
      view,
      cataloger,
      unknowns,
      drafts,
      project: posix.dirname(record.path),
      visiting: new Set(),
    };
    parseFile(walk, record, kind, 0);
  }
  return drafts;
}
