import type { FileRecord, FileView } from '../../src/resolver/file-view.js';
import type { FileType } from '../../src/source/layer-entry.js';
import type { Scope } from '../../src/model/sbom.js';

/**
 * One entry of an in-memory image, as a layer adds it. `deleted: true` is a whiteout: the path
 * (and everything under it) disappears from that layer on. Paths are absolute; they are
 * normalised here, so '/etc//os-release' and '/etc/./os-release' are fine.
 */
export interface MemoryFileSpec {
  path: string;
  content?: string | Buffer;
  /** Default 'symlink' when `linkTarget` is given, else 'file'. */
  type?: FileType;
  /** Default 0. */
  layerIndex?: number;
  /** Default `sha256:layer<index>` (a fake digest, enough for tests). */
  layerDigest?: string;
  linkTarget?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  deleted?: boolean;
  /** Pretend the content was wanted but not captured, for this reason. */
  contentProblem?: string;
}

export interface MemoryImage {
  squashed: FileView;
  allLayers: FileView;
}

const MAX_LINKS = 40;

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

function isUnder(path: string, dir: string): boolean {
  return path === dir || (dir === '/' ? true : path.startsWith(dir + '/'));
}

interface Entry {
  record: FileRecord;
  content?: Buffer;
  problem?: string;
  deleted: boolean;
}

function toEntry(spec: MemoryFileSpec): Entry {
  const layerIndex = spec.layerIndex ?? 0;
  const type: FileType = spec.type ?? (spec.linkTarget !== undefined ? 'symlink' : 'file');
  const content =
    spec.content === undefined
      ? undefined
      : Buffer.isBuffer(spec.content)
        ? spec.content
        : Buffer.from(spec.content, 'utf8');
  const record: FileRecord = {
    path: normalise(spec.path),
    type,
    mode: spec.mode ?? (type === 'dir' ? 0o755 : 0o644),
    uid: spec.uid ?? 0,
    gid: spec.gid ?? 0,
    size: content?.length ?? 0,
    layerIndex,
    layerDigest: spec.layerDigest ?? `sha256:layer${layerIndex}`,
  };
  if (spec.linkTarget !== undefined) record.linkTarget = spec.linkTarget;
  const entry: Entry = { record, deleted: spec.deleted === true };
  if (content !== undefined && type === 'file') entry.content = content;
  if (spec.contentProblem !== undefined) entry.problem = spec.contentProblem;
  return entry;
}

function byPathThenLayer(a: FileRecord, b: FileRecord): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.layerIndex - b.layerIndex;
}

/** Applies the layers bottom-up: later layers replace paths, whiteouts remove whole subtrees. */
function squash(entries: Entry[]): Map<string, Entry> {
  const ordered = [...entries].sort((a, b) => a.record.layerIndex - b.record.layerIndex);
  const visible = new Map<string, Entry>();
  for (const entry of ordered) {
    const path = entry.record.path;
    if (entry.deleted || entry.record.type !== 'dir') {
      for (const key of [...visible.keys()]) if (isUnder(key, path)) visible.delete(key);
    }
    if (!entry.deleted) visible.set(path, entry);
  }
  return visible;
}

/**
 * Resolves `path` inside the image: symlinks in parent directories are always followed, the
 * last component only when `follow`. Absolute targets restart at the image root, `..` stops at
 * the root; the host file system is never consulted.
 */
function resolve(visible: Map<string, Entry>, path: string, follow: boolean): Entry | undefined {
  let pending = normalise(path).split('/').filter(Boolean);
  let current: string[] = [];
  let links = 0;
  while (pending.length > 0) {
    const part = pending[0] as string;
    pending = pending.slice(1);
    if (part === '..') {
      current.pop();
      continue;
    }
    if (part === '.') continue;
    const candidate = '/' + [...current, part].join('/');
    const entry = visible.get(candidate);
    const isLast = pending.length === 0;
    if (entry?.record.type === 'symlink' && entry.record.linkTarget !== undefined && (!isLast || follow)) {
      if (++links > MAX_LINKS) return undefined;
      const target = entry.record.linkTarget;
      const targetParts = target.split('/').filter(Boolean);
      if (target.startsWith('/')) current = [];
      pending = [...targetParts, ...pending];
      continue;
    }
    current.push(part);
  }
  const finalPath = '/' + current.join('/');
  return visible.get(finalPath);
}

/** Builds an in-memory image from file specs; both scopes share the same records. */
export function memoryImage(specs: MemoryFileSpec[]): MemoryImage {
  const entries = specs.map(toEntry);
  const visible = squash(entries);
  const contentOf = new Map<FileRecord, Entry>();
  for (const entry of entries) contentOf.set(entry.record, entry);

  const base = {
    lookup(path: string, options?: { follow?: boolean }): FileRecord | undefined {
      return resolve(visible, path, options?.follow === true)?.record;
    },
    content(record: FileRecord): Buffer | undefined {
      return contentOf.get(record)?.content;
    },
    contentProblem(record: FileRecord): string | undefined {
      return contentOf.get(record)?.problem;
    },
  };

  const squashed: FileView = {
    scope: 'squashed' satisfies Scope,
    find(pred) {
      return [...visible.values()]
        .map((e) => e.record)
        .filter((r) => pred(r.path))
        .sort(byPathThenLayer);
    },
    ...base,
  };
  const allLayers: FileView = {
    scope: 'all-layers' satisfies Scope,
    find(pred) {
      return entries
        .filter((e) => !e.deleted && pred(e.record.path))
        .map((e) => e.record)
        .sort(byPathThenLayer);
    },
    ...base,
  };
  return { squashed, allLayers };
}

/** The squashed view of an in-memory image (the common case in unit tests). */
export function memoryFileView(specs: MemoryFileSpec[], scope: Scope = 'squashed'): FileView {
  const image = memoryImage(specs);
  return scope === 'squashed' ? image.squashed : image.allLayers;
}
