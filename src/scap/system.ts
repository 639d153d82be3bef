import type { FileRecord } from '../resolver/file-view.js';
import { childrenOf, FileTree, type TreeNode } from '../resolver/file-tree.js';
import { resolveInTree } from '../resolver/views.js';

/**
 * What OVAL probes read of the system under evaluation: an image's squashed filesystem (never
 * the host's), the contents of the files they ask for, and the image config facts that stand in
 * for a running system's (environment, architecture).
 */
export interface ScanSystem {
  /** The record at `path`, following symlinks in its directories (and in the last component when `follow`). */
  lookup(path: string, follow: boolean): FileRecord | undefined;
  /** The names of the entries directly inside the directory at `path`, sorted. */
  list(path: string): string[] | undefined;
  /** Every path of the filesystem, sorted, without following symlinks (the root excluded). */
  paths(): readonly string[];
  /**
   * The content of a regular file. `undefined` when it is not at hand yet: the system notes the
   * path, and the evaluation is run again once it was read (see TreeSystem.needed).
   */
  content(record: FileRecord): Buffer | undefined;
  /** Why a content can never be had (too large, not read), when so. */
  contentProblem(record: FileRecord): string | undefined;
  /** The image config's environment (`Env`), name → value. */
  environment: ReadonlyMap<string, string>;
  /** The machine class `uname -m` would print for the image's architecture, when known. */
  machine?: string;
}

const impliedDirectory = (path: string): FileRecord => ({
  path,
  type: 'dir',
  mode: 0o755,
  uid: 0,
  gid: 0,
  size: 0,
  layerIndex: 0,
  layerDigest: '',
});

/** A ScanSystem over a squashed file tree and the contents read so far. */
export class TreeSystem implements ScanSystem {
  /** Paths whose content was asked for but is not at hand. */
  readonly needed = new Set<string>();
  private allPaths: string[] | undefined;

  constructor(
    private readonly tree: FileTree,
    private readonly contents: (record: FileRecord) => Buffer | undefined,
    private readonly problems: (record: FileRecord) => string | undefined,
    readonly environment: ReadonlyMap<string, string>,
    readonly machine?: string,
  ) {}

  /** A system of these records (the visible ones, in any order). */
  static of(
    records: readonly FileRecord[],
    contents: (record: FileRecord) => Buffer | undefined,
    problems: (record: FileRecord) => string | undefined = () => undefined,
    environment: ReadonlyMap<string, string> = new Map(),
    machine?: string,
  ): TreeSystem {
    const tree = new FileTree();
    for (const r of [...records].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
      tree.apply(r);
    return new TreeSystem(tree, contents, problems, environment, machine);
  }

  lookup(path: string, follow: boolean): FileRecord | undefined {
    const found = resolveInTree(this.tree.root, path, follow);
    if (found) return found;
    // A directory with no entry of its own in any layer (implied by the files below it).
    const node = this.tree.node(path);
    return node && childrenOf(node) !== undefined ? impliedDirectory(path) : undefined;
  }

  list(path: string): string[] | undefined {
    let node = this.tree.node(path);
    if (!node || childrenOf(node) === undefined) {
      // A directory reached through a symlink (/lib on a merged-/usr system).
      const dir = this.lookup(path, true);
      if (!dir || dir.type !== 'dir') return undefined;
      node = this.tree.node(dir.path);
    }
    const children = node && childrenOf(node);
    return children ? [...children.keys()].sort() : undefined;
  }

  paths(): readonly string[] {
    if (!this.allPaths) {
      const out: string[] = [];
      const walk = (node: TreeNode, path: string): void => {
        const children = childrenOf(node);
        if (!children) return;
        for (const name of [...children.keys()].sort()) {
          const child = path === '/' ? `/${name}` : `${path}/${name}`;
          out.push(child);
          walk(children.get(name)!, child);
        }
      };
      walk(this.tree.root, '/');
      this.allPaths = out;
    }
    return this.allPaths;
  }

  content(record: FileRecord): Buffer | undefined {
    const found = this.contents(record);
    if (found === undefined && !this.problems(record)) this.needed.add(record.path);
    return found;
  }

  contentProblem(record: FileRecord): string | undefined {
    return this.problems(record);
  }
}
