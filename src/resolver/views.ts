import type { Scope } from '../model/sbom.js';
import type { FileRecord, FileView } from './file-view.js';
import { childrenOf, recordOf, walkTree, type FileTree, type TreeNode } from './file-tree.js';
import { splitPath } from '../image-path/path.js';

const MAX_SYMLINK_HOPS = 40;

/** Captured content, shared by both views of one image. */
export interface ContentStore {
  content: Map<FileRecord, Buffer>;
  problems: Map<FileRecord, string>;
}

abstract class BaseView implements FileView {
  abstract readonly scope: Scope;

  constructor(
    protected readonly tree: FileTree,
    protected readonly store: ContentStore,
  ) {}

  abstract find(pred: (path: string) => boolean): FileRecord[];

  lookup(path: string, options: { follow?: boolean } = {}): FileRecord | undefined {
    return resolveInTree(this.tree.root, path, options.follow ?? false);
  }

  content(record: FileRecord): Buffer | undefined {
    return this.store.content.get(record);
  }

  contentProblem(record: FileRecord): string | undefined {
    return this.store.problems.get(record);
  }
}

export class SquashedView extends BaseView {
  readonly scope = 'squashed' as const;
  private visible: FileRecord[] | undefined;

  find(pred: (path: string) => boolean): FileRecord[] {
    this.visible ??= walkTree(this.tree.root);
    return this.visible.filter((r) => pred(r.path));
  }
}

export class AllLayersView extends BaseView {
  readonly scope = 'all-layers' as const;
  private sorted: FileRecord[] | undefined;

  constructor(
    tree: FileTree,
    store: ContentStore,
    private readonly records: FileRecord[],
  ) {
    super(tree, store);
  }

  find(pred: (path: string) => boolean): FileRecord[] {
    this.sorted ??= [...this.records].sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : a.layerIndex - b.layerIndex,
    );
    return this.sorted.filter((r) => pred(r.path));
  }
}

/**
 * Walks `path` from the image root, following symlinks in directories (and in the last
 * component when `follow`), never leaving the tree: absolute targets restart at the image root
 * and `..` stops there. Loops end after 40 hops with no answer.
 */
export function resolveInTree(root: TreeNode, path: string, follow: boolean): FileRecord | undefined {
  let pending = splitPath(path);
  let dir: string[] = [];
  let node: TreeNode = root;
  let hops = 0;
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (name === '..') {
      dir.pop();
      node = nodeAt(root, dir) ?? root;
      continue;
    }
    const child = childrenOf(node)?.get(name);
    if (!child) return undefined;
    const last = pending.length === 0;
    const record = recordOf(child);
    if (record?.type === 'symlink' && (!last || follow)) {
      if (++hops > MAX_SYMLINK_HOPS) return undefined;
      const target = record.linkTarget ?? '';
      if (target.startsWith('/')) dir = [];
      pending = [...splitPath(target), ...pending];
      node = nodeAt(root, dir) ?? root;
      continue;
    }
    dir.push(name);
    node = child;
  }
  return recordOf(node);
}

function nodeAt(root: TreeNode, parts: string[]): TreeNode | undefined {
  let node: TreeNode | undefined = root;
  for (const part of parts) {
    node = node && childrenOf(node)?.get(part);
    if (!node) return undefined;
  }
  return node;
}
