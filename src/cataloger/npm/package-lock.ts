import { npmLicenses } from './license.js';
import { type LockEntry, type LockOutcome, recordField, stringField } from './lock-entry.js';

const NODE_MODULES = 'node_modules/';

/** The package name an install path ends in: 'node_modules/a/node_modules/@s/b' → '@s/b'. */
function nameFromPath(installPath: string): string {
  const at = installPath.lastIndexOf(NODE_MODULES);
  return at < 0 ? installPath : installPath.slice(at + NODE_MODULES.length);
}

function parentDir(installPath: string): string {
  const at = installPath.lastIndexOf(NODE_MODULES);
  return at <= 0 ? '' : installPath.slice(0, at - 1);
}

/** Node's lookup inside the lock's `packages` map: own node_modules first, then each ancestor's. */
function resolveIn(packages: Record<string, unknown>, fromPath: string, name: string): string | undefined {
  let dir = fromPath;
  for (;;) {
    const candidate = dir === '' ? `${NODE_MODULES}${name}` : `${dir}/${NODE_MODULES}${name}`;
    if (candidate in packages) return candidate;
    if (dir === '') return undefined;
    dir = parentDir(dir);
  }
}

function depNames(entry: Record<string, unknown>, fields: string[]): string[] {
  const names = new Set<string>();
  for (const field of fields) for (const name of Object.keys(recordField(entry[field]))) names.add(name);
  return [...names];
}

/** v2/v3: the flat `packages` map keyed by install path ('' is the project itself). */
function parsePackagesMap(packages: Record<string, unknown>, problems: string[]): LockEntry[] {
  const entries: LockEntry[] = [];
  for (const [installPath, raw] of Object.entries(packages)) {
    if (installPath === '' || !installPath.includes(NODE_MODULES)) continue; // the project, workspaces
    const entry = recordField(raw);
    if (entry.link === true) continue; // a symlink to a workspace: its target has its own entry
    const version = stringField(entry.version);
    if (!version) {
      problems.push(`${installPath}: no version`);
      continue;
    }
    // Aliases (`"x": "npm:real@1.0.0"`) install under the alias path but carry the real `name`.
    const name = stringField(entry.name) ?? nameFromPath(installPath);
    const result: LockEntry = {
      key: installPath,
      name,
      version,
      installPath,
      dependsOn: depNames(entry, ['dependencies', 'optionalDependencies', 'peerDependencies'])
        .map((dep) => resolveIn(packages, installPath, dep))
        .filter((key): key is string => key !== undefined),
    };
    const resolved = stringField(entry.resolved);
    if (resolved) result.resolved = resolved;
    const integrity = stringField(entry.integrity);
    if (integrity) result.integrity = integrity;
    const licenses = npmLicenses(entry.license, entry.licenses);
    if (licenses.length) result.licenses = licenses;
    if (entry.dev === true || entry.devOptional === true) result.dev = true;
    entries.push(result);
  }
  return entries;
}

/** v1: the nested `dependencies` tree, `requires` naming what each entry needs. */
function parseDependencyTree(root: Record<string, unknown>, problems: string[]): LockEntry[] {
  const entries: LockEntry[] = [];
  const keys = new Set<string>();
  const walk = (deps: Record<string, unknown>, parent: string): void => {
    for (const name of Object.keys(deps)) {
      keys.add(parent === '' ? `${NODE_MODULES}${name}` : `${parent}/${NODE_MODULES}${name}`);
    }
    for (const [alias, raw] of Object.entries(deps)) {
      const entry = recordField(raw);
      const key = parent === '' ? `${NODE_MODULES}${alias}` : `${parent}/${NODE_MODULES}${alias}`;
      let version = stringField(entry.version);
      let name = alias;
      const aliasMatch = version && /^npm:((?:@[^/@]+\/)?[^@]+)@(.+)$/.exec(version);
      if (aliasMatch) {
        name = aliasMatch[1] as string;
        version = aliasMatch[2] as string;
      }
      if (!version) problems.push(`${key}: no version`);
      else {
        const result: LockEntry = { key, name, version, installPath: key, dependsOn: [] };
        const resolved = stringField(entry.resolved);
        if (resolved) result.resolved = resolved;
        const integrity = stringField(entry.integrity);
        if (integrity) result.integrity = integrity;
        if (entry.dev === true) result.dev = true;
        entries.push(result);
        const nested = recordField(entry.dependencies);
        walk(nested, key);
        for (const dep of Object.keys(recordField(entry.requires))) {
          let dir = key;
          for (;;) {
            const candidate = dir === '' ? `${NODE_MODULES}${dep}` : `${dir}/${NODE_MODULES}${dep}`;
            if (keys.has(candidate)) {
              result.dependsOn.push(candidate);
              break;
            }
            if (dir === '') break;
            dir = parentDir(dir);
          }
        }
        continue;
      }
      walk(recordField(entry.dependencies), key);
    }
  };
  walk(recordField(root.dependencies), '');
  return entries;
}

/** Parses package-lock.json / npm-shrinkwrap.json (lockfileVersion 1, 2 or 3); never throws. */
export function parsePackageLock(source: string): LockOutcome {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { kind: 'invalid', message: `package-lock.json is not valid JSON: ${(err as Error).message}` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { kind: 'invalid', message: 'package-lock.json is not a JSON object' };
  }
  const root = json as Record<string, unknown>;
  const problems: string[] = [];
  const lockVersion = typeof root.lockfileVersion === 'number' ? root.lockfileVersion : 1;
  if (root.packages && typeof root.packages === 'object') {
    const entries = parsePackagesMap(recordField(root.packages), problems);
    return { kind: 'lock', format: `package-lock v${lockVersion}`, entries, problems };
  }
  const entries = parseDependencyTree(root, problems);
  return { kind: 'lock', format: 'package-lock v1', entries, problems };
}
