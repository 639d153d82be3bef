import type { FileRecord } from './file-view.js';
import { baseName, parentOf, splitPath } from '../image-path/path.js';

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';

/** A directory entry of the squashed tree. A node without a record is an implied directory. */
export interface TreeNode {
  record?: FileRecord;
  children?: Map<string, TreeNode>;
}

export type WhiteoutKind = 'file' | 'opaque';

/** Tells whether `path` is a whiteout marker, and of which kind. */
export function whiteoutKind(path: string): WhiteoutKind | undefined {
  const name = baseName(path);
  if (!name.startsWith(WHITEOUT_PREFIX)) return undefined;
  return name === OPAQUE_MARKER ? 'opaque' : 'file';
}

/**
 * The squashed file tree, built layer by layer as the layers stream by. Whiteouts hide what
 * lower layers put at a path (`.wh.name`) or below a directory (`.wh..wh..opq`); entries of the
 * layer that carries the whiteout are never hidden by it, whatever their order in the tar.
 */
export class FileTree {
  readonly root: TreeNode = { children: new Map() };

  /** Applies one entry of layer `layerIndex` (whiteouts included). */
  apply(record: FileRecord): void {
    const kind = whiteoutKind(record.path);
    if (kind === 'opaque') {
      const dir = this.node(parentOf(record.path));
      if (dir) hideLower(dir, record.layerIndex);
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
      node = node.children?.get(part);
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
      node.children ??= new Map();
      let next = node.children.get(parts[i]!);
      if (!next) {
        next = { children: new Map() };
        node.children.set(parts[i]!, next);
      } else if (next.record && next.record.type !== 'dir') {
        // A lower layer had a file or symlink here; this layer makes it a directory.
        next = { children: new Map() };
        node.children.set(parts[i]!, next);
      }
      node = next;
    }
    node.children ??= new Map();
    const name = parts[parts.length - 1]!;
    const existing = node.children.get(name);
    if (record.type === 'dir' && existing && (!existing.record || existing.record.type === 'dir')) {
      existing.record = record;
      existing.children ??= new Map();
    } else {
      node.children.set(name, record.type === 'dir' ? { record, children: new Map() } : { record });
    }
  }

  private remove(path: string, layerIndex: number): void {
    const parts = splitPath(path);
    const name = parts.pop();
    if (name === undefined) return;
    const parent = this.node('/' + parts.join('/'));
    const node = parent?.children?.get(name);
    if (!parent || !node) return;
    if (!node.record || node.record.layerIndex < layerIndex) {
      hideLower(node, layerIndex);
      if (!node.children || node.children.size === 0) parent.children!.delete(name);
      else delete node.record;
    }
  }
}

/** Removes everything below `dir` that a layer before `layerIndex` put there. */
function hideLower(dir: TreeNode, layerIndex: number): void {
  if (!dir.children) return;
  for (const [name, child] of dir.children) {
    hideLower(child, layerIndex);
    const lower = !child.record || child.record.layerIndex < layerIndex;
    if (lower && (!child.children || child.children.size === 0)) dir.children.delete(name);
  }
}

/** Every visible record of the tree, in path order. */
export function* walkTree(node: TreeNode, path = ''): Generator<FileRecord> {
  if (node.record) yield node.record;
  if (!node.children) return;
  const names = [...node.children.keys()].sort();
  for (const name of names) yield* walkTree(node.children.get(name)!, `${path}/${name}`);
}
