// Oracle: `npm ls --all --json` by the host's npm in an app directory (e.g. <rootfs>/srv/app).
import { spawnSync } from 'node:child_process';

export interface NpmLsPackage {
  name: string;
  version: string;
}

interface NpmLsNode {
  version?: string;
  missing?: boolean;
  dependencies?: Record<string, NpmLsNode>;
}

/** Flattens an `npm ls --json` tree into unique name@version pairs (the root excluded). */
export function flattenNpmLs(tree: NpmLsNode): NpmLsPackage[] {
  const seen = new Map<string, NpmLsPackage>();
  const walk = (deps: Record<string, NpmLsNode> | undefined): void => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      if (node.version === undefined || node.missing) continue;
      seen.set(`${name}@${node.version}`, { name, version: node.version });
      // A deduped entry may come first, without its children: every occurrence is walked (the
      // JSON tree is finite, so this ends).
      walk(node.dependencies);
    }
  };
  walk(tree.dependencies);
  return [...seen.values()].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name.localeCompare(b.name),
  );
}

/** Installed packages of the app in `appDir` per `npm ls --all --json`. */
export function npmLs(appDir: string): NpmLsPackage[] {
  const r = spawnSync('npm', ['ls', '--all', '--json', '--omit=dev'], {
    cwd: appDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.error) throw r.error;
  // npm ls exits 1 on problems (extraneous, invalid) but still prints the tree.
  if (!r.stdout.trim()) throw new Error(`npm ls printed nothing (exit ${String(r.status)}): ${r.stderr}`);
  return flattenNpmLs(JSON.parse(r.stdout) as NpmLsNode);
}

/** `name@version` strings, for set comparisons. */
export function npmLsKeys(appDir: string): Set<string> {
  return new Set(npmLs(appDir).map((p) => `${p.name}@${p.version}`));
}
