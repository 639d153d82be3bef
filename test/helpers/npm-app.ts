import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_CACHE_DIR } from '../images/index.js';

/** Exact old versions: known vulnerabilities, a scoped package, and a tree with nested installs. */
export const NPM_APP_DEPENDENCIES: Readonly<Record<string, string>> = {
  lodash: '4.17.11',
  minimist: '1.2.0',
  '@sindresorhus/is': '0.7.0',
  express: '4.17.1',
  debug: '4.1.1',
};

const APP_VERSION = 'npm-app-v1';

export interface NpmApp {
  /** The app directory: package.json, package-lock.json (v3) and a real node_modules. */
  dir: string;
}

/** True when `npm` can be run here. */
export function npmAvailable(): boolean {
  try {
    execFileSync('npm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A small Node app installed with the real `npm install`, built once and cached under the test
 * cache dir (built in a temporary dir, then renamed into place so a half-built app is never used).
 */
export function npmApp(): NpmApp {
  const dir = join(TEST_CACHE_DIR, APP_VERSION);
  if (existsSync(join(dir, 'package-lock.json')) && existsSync(join(dir, 'node_modules'))) return { dir };
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  writeFileSync(
    join(building, 'package.json'),
    JSON.stringify(
      { name: 'customs-npm-app', version: '1.0.0', private: true, dependencies: NPM_APP_DEPENDENCIES },
      null,
      2,
    ),
  );
  execFileSync(
    'npm',
    ['install', '--lockfile-version=3', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact'],
    { cwd: building, stdio: 'ignore', timeout: 600_000 },
  );
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return { dir };
}

/** `npm ls --all --json` over the app, flattened to the set of name@version. */
export function npmLsPackages(app: NpmApp): Set<string> {
  const out = execFileSync('npm', ['ls', '--all', '--json'], {
    cwd: app.dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const found = new Set<string>();
  type Node = { version?: string; dependencies?: Record<string, Node> };
  const walk = (deps: Record<string, Node> | undefined): void => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      if (node.version) found.add(`${name}@${node.version}`);
      walk(node.dependencies);
    }
  };
  walk((JSON.parse(out) as Node).dependencies);
  return found;
}
