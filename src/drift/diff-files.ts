import type { FileEntry } from '../model/file-entry.js';
import type { FileChange, FileChangeKind, FileRef, FileState, ImageDrift } from './types.js';

function state(f: FileEntry): FileState {
  return {
    type: f.type,
    modeText: f.modeText,
    uid: f.uid,
    gid: f.gid,
    size: f.size,
    ...(f.sha256 !== undefined ? { sha256: f.sha256 } : {}),
    ...(f.linkTarget !== undefined ? { linkTarget: f.linkTarget } : {}),
  };
}

function changesOf(a: FileState, b: FileState): FileChangeKind[] {
  const out: FileChangeKind[] = [];
  if (a.type !== b.type) out.push('type');
  // Without digests on both sides a size change is all that tells content apart.
  if (a.sha256 !== undefined && b.sha256 !== undefined ? a.sha256 !== b.sha256 : a.size !== b.size)
    out.push('content');
  if (a.modeText !== b.modeText) out.push('mode');
  if (a.uid !== b.uid || a.gid !== b.gid) out.push('owner');
  if ((a.linkTarget ?? '') !== (b.linkTarget ?? '')) out.push('target');
  return out;
}

/** Files by path (the squashed view of each image): added, removed, changed and how. */
export function diffFiles(before: readonly FileEntry[], after: readonly FileEntry[]): ImageDrift['files'] {
  const was = new Map(before.map((f) => [f.path, f]));
  const now = new Map(after.map((f) => [f.path, f]));
  const added: FileRef[] = [];
  const changed: FileChange[] = [];
  for (const [path, file] of now) {
    const old = was.get(path);
    if (!old) {
      added.push({ path, ...state(file) });
      continue;
    }
    const [a, b] = [state(old), state(file)];
    const changes = changesOf(a, b);
    if (changes.length > 0) changed.push({ path, changes, before: a, after: b });
  }
  const removed = [...was].filter(([path]) => !now.has(path)).map(([path, f]) => ({ path, ...state(f) }));
  const byPath = (x: { path: string }, y: { path: string }) =>
    x.path < y.path ? -1 : x.path > y.path ? 1 : 0;
  return { added: added.sort(byPath), removed: removed.sort(byPath), changed: changed.sort(byPath) };
}
