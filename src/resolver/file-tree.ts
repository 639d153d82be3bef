import type { FileRecord } from './file-view.js';
import { baseName, parentOf, splitPath } from '../image-path/path.js';

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';

/** A directory of the squashed tree. Without a record it is an implied directory. */
export interface DirNode {
  record?: FileRecord;
  children: Map<string, TreeNode>;
}

/**
 * An entry of the squashed tree: a directory node, or the record itself for anything else (a
 * file, symlink, link or device has no children, and a tree of 100,000 files keeps no wrapper
 * object per file).
 */
export type TreeNode = DirNode | FileRecord;

export function isDirNode(node: TreeNode): node is DirNode {
  return (node as Partial<FileRecord>).path === undefined;
}

/** The record at a node: a directory's own record (if any) or the record itself. */
export function recordOf(node: TreeNode): FileRecord | undefined {
  return isDirNode(node) ? node.record : node;
}

/** The entries below a node; none for anything but a directory. */
export function childrenOf(node: TreeNode): Map<string, TreeNode> | undefined {
  return isDirNode(node) ? node.children : undefined;
}

export type WhiteoutKind = 'file' | 'opaque';

/** Tells whether `path` is a whiteout marker, and of which kind (without copying the name). */
export function whiteoutKind(path: string): WhiteoutKind | undefined {
  const start = path.lastIndexOf('/') + 1;
  if (!path.startsWith(WHITEOUT_PREFIX, start)) return undefined;
  return path.length - start === OPAQUE_MARKER.length && path.endsWith(OPAQUE_MARKER) ? 'opaque' : 'file';
}

/**
 * The squashed file tree, built layer by layer as the layers stream by. Whiteouts hide what
 * lower layers put at a path (`.wh.name`) or below a directory (`.wh..wh..opq`); entries of the
 * layer that carries the whiteout are never hidden by it, whatever their order in the tar.
 */
export class FileTree {
  readonly root: DirNode = { children: new Map() };

  /** Applies one entry of layer `layerIndex` (whiteouts included). */
  apply(record: FileRecord): void {
    const kind = whiteoutKind(record.path);
    if (kind === 'opaque') {
      const dir = this.node(parentOf(record.path));
      if (dir && isDirNode(dir)) hideLower(dir, record.layerIndex);
      return;
    }
    if (kind === 'file') {
      const target =
        parentOf(record.path) +
        (parentOf(record.path) === '/' ? '' : '/') +
        baseName(record.path).slice(WHITEOUT_PREFIX.length);
      this.remove(target, record.layerIndex);
      return;
    }
    this.put(record);
  }

  /** The node at `path` without following symlinks. */
  node(path: string): TreeNode | undefined {
    let node: TreeNode | undefined = this.root;
    for (const part of splitPath(path)) {
      node = childrenOf(node)?.get(part);
      if (!node) return undefined;
    }
    return node;
  }

  private put(record: FileRecord): void {
    const parts = splitPath(record.path);
    if (parts.length === 0) {
      this.root.record = record;
      return;
    }
    let node = this.root;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = node.children.get(parts[i]!);
      if (!next || !isDirNode(next)) {
        // Nothing there yet, or a lower layer had a file or symlink here that this layer makes a
        // directory.
        next = { children: new Map() };
        node.children.set(parts[i]!, next);
      }
      node = next;
    }
    const name = parts[parts.length - 1]!;
    const existing = node.children.get(name);
    if (record.type !== 'dir') node.children.set(name, record);
    else if (existing && isDirNode(existing)) existing.record = record;
    else node.children.set(name, { record, children: new Map() });
  }

  private remove(path: string, layerIndex: number): void {
    const parts = splitPath(path);
    const name = parts.pop();
    if (name === undefined) return;
    const parent = this.node('/' + parts.join('/'));
    const children = parent && childrenOf(parent);
    const node = children?.get(name);
    if (!children || !node) return;
    const record = recordOf(node);
    if (!record || record.layerIndex < layerIndex) {
      if (!isDirNode(node)) {
        children.delete(name);
        return;
      }
      hideLower(node, layerIndex);
      if (node.children.size === 0) children.delete(name);
      else delete node.record;
    }
  }
}

/** Removes everything below `dir` that a layer before `layerIndex` put there. */
function hideLower(dir: DirNode, layerIndex: number): void {
  for (const [name, child] of dir.children) {
    if (isDirNode(child)) hideLower(child, layerIndex);
    const record = recordOf(child);
    const lower = !record || record.layerIndex < layerIndex;
    if (lower && (!isDirNode(child) || child.children.size === 0)) dir.children.delete(name);
  }
}

/** Every visible record of the tree, in path order. */
export function walkTree(node: TreeNode): FileRecord[] {
  const out: FileRecord[] = [];
  collect(node, out);
  return out;
}

function collect(node: TreeNode, out: FileRecord[]): void {
  if (!isDirNode(node)) {
    out.push(node);
    return;
  }
  if (node.record) out.push(node.record);
  const names = [...node.children.keys()].sort();
  for (const name of names) collect(node.children.get(name)!, out);
}
