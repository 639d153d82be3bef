/** Lock files the npm cataloger reads, by base name. */
export const LOCK_FILE_NAMES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];

const NODE_MODULES = '/node_modules/';

/**
 * Global module directories Debian's node packages install into (node-lodash puts lodash in
 * /usr/share/nodejs/lodash): a package.json right under one is an installed module.
 */
const DISTRO_MODULE_DIR =
  /^\/usr\/(?:share\/nodejs|lib\/nodejs|lib\/[^/]+\/nodejs)\/(?:@[^/]+\/)?[^/@]+\/package\.json$/;

/** A package.json installed as a module directly in a distro's global module directory. */
export function isDistroModuleManifest(path: string): boolean {
  return DISTRO_MODULE_DIR.test(path);
}

/** Cheap path test: installed package.json files under node_modules, and lock files. */
export function wantsNpmPath(path: string): boolean {
  if (path.endsWith('/package.json')) return path.includes(NODE_MODULES) || isDistroModuleManifest(path);
  return (
    path.endsWith('/package-lock.json') ||
    path.endsWith('/yarn.lock') ||
    path.endsWith('/pnpm-lock.yaml') ||
    path.endsWith('/npm-shrinkwrap.json')
  );
}

/** The directory holding `path` ('/' for a file at the root). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** The project a path belongs to: everything before its first node_modules directory. */
export function projectRootOf(path: string): string {
  const at = path.indexOf(NODE_MODULES);
  return at < 0 ? dirOf(path) : at === 0 ? '/' : path.slice(0, at);
}

/** Joins a project root and a relative path inside it. */
export function joinPath(root: string, relative: string): string {
  return root === '/' ? `/${relative}` : `${root}/${relative}`;
}
