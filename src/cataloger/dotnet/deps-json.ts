/** One NuGet package a deps.json lists under `libraries`. */
export interface DepsLibrary {
  name: string;
  version: string;
  /** `package`, or `runtimepack` for the runtime a self-contained app carries. */
  type: string;
  sha512?: string;
  path?: string;
  hashPath?: string;
  serviceable?: boolean;
  /** `Name/Version` keys of the libraries it depends on (from `targets`). */
  dependsOn: string[];
}

export type DepsJsonOutcome =
  | { kind: 'libraries'; libraries: DepsLibrary[]; runtimeTarget?: string; problems: string[] }
  | { kind: 'invalid'; message: string };

/**
 * Library types that are NuGet packages. `project` is the app itself or a project it references
 * (first-party code built with it, from no package feed: a `pkg:nuget` purl would name someone
 * else's package); `referenceassembly` is a framework reference resolved from the installed
 * runtime. Neither is a package the app installed.
 */
const PACKAGE_TYPES = new Set(['package', 'runtimepack']);

/** The asset groups of a target entry that put files in the app (the host loads these). */
const DEPLOYED_ASSETS = ['runtime', 'runtimeTargets', 'native', 'resources'] as const;

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `Newtonsoft.Json/13.0.1` → name and version (the name never holds a slash). */
export function splitLibraryKey(key: string): { name: string; version: string } | undefined {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return undefined;
  return { name: key.slice(0, slash), version: key.slice(slash + 1) };
}

/** `Name/Version` → the `Name/Version` keys it depends on, over every target framework. */
function dependencyKeys(targets: Record<string, unknown>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const target of Object.values(targets)) {
    for (const [key, raw] of Object.entries(record(target))) {
      for (const [dep, version] of Object.entries(record(record(raw).dependencies))) {
        if (typeof version !== 'string') continue;
        let set = out.get(key);
        if (!set) out.set(key, (set = new Set()));
        set.add(`${dep}/${version}`);
      }
    }
  }
  return out;
}

/**
 * Libraries the runtime target lists with no file to deploy: no runtime, runtimeTargets, native
 * or resources assets. Such a package puts nothing in the app: a meta-package (only
 * dependencies), or one whose assembly the shared framework already carries (the framework's
 * copy is loaded, e.g. System.Runtime.CompilerServices.Unsafe 6.0.0 on net6.0). Empty when the
 * runtime target is not in the file: then nothing can be told apart.
 */
function librariesWithoutFiles(root: Record<string, unknown>): Set<string> {
  const name = text(record(root.runtimeTarget).name);
  const targets = record(root.targets);
  const out = new Set<string>();
  if (!name || !(name in targets)) return out;
  for (const [key, raw] of Object.entries(record(targets[name]))) {
    const entry = record(raw);
    if (!DEPLOYED_ASSETS.some((group) => Object.keys(record(entry[group])).length > 0)) out.add(key);
  }
  return out;
}

/** Dependencies of `key`, looking through the libraries that are left out to what they bring in. */
function keptDependencies(key: string, deps: Map<string, Set<string>>, leftOut: Set<string>): string[] {
  const out = new Set<string>();
  const seen = new Set<string>([key]);
  const walk = (from: string): void => {
    for (const dep of deps.get(from) ?? []) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      if (leftOut.has(dep)) walk(dep);
      else out.add(dep);
    }
  };
  walk(key);
  return [...out];
}

/** Parses a `*.deps.json`; never throws. */
export function parseDepsJson(source: string): DepsJsonOutcome {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { kind: 'invalid', message: `deps.json is not valid JSON: ${(err as Error).message}` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { kind: 'invalid', message: 'deps.json is not a JSON object' };
  }
  const root = json as Record<string, unknown>;
  const problems: string[] = [];
  const deps = dependencyKeys(record(root.targets));
  const withoutFiles = librariesWithoutFiles(root);
  const leftOut = new Set(withoutFiles);
  for (const [key, raw] of Object.entries(record(root.libraries))) {
    if (!PACKAGE_TYPES.has((text(record(raw).type) ?? '').toLowerCase())) leftOut.add(key);
  }
  const libraries: DepsLibrary[] = [];
  for (const [key, raw] of Object.entries(record(root.libraries))) {
    const entry = record(raw);
    const type = text(entry.type) ?? '';
    if (!PACKAGE_TYPES.has(type.toLowerCase()) || withoutFiles.has(key)) continue;
    const id = splitLibraryKey(key);
    if (!id) {
      problems.push(`library ${key} is not Name/Version`);
      continue;
    }
    // A self-contained app names its runtime `runtimepack.Microsoft.NETCore.App.Runtime.<rid>`.
    const name = type === 'runtimepack' ? id.name.replace(/^runtimepack\./, '') : id.name;
    const library: DepsLibrary = {
      name,
      version: id.version,
      type,
      dependsOn: keptDependencies(key, deps, leftOut),
    };
    const sha512 = text(entry.sha512);
    if (sha512) library.sha512 = sha512;
    const path = text(entry.path);
    if (path) library.path = path;
    const hashPath = text(entry.hashPath);
    if (hashPath) library.hashPath = hashPath;
    if (typeof entry.serviceable === 'boolean') library.serviceable = entry.serviceable;
    libraries.push(library);
  }
  const runtimeTarget = text(record(root.runtimeTarget).name);
  return { kind: 'libraries', libraries, ...(runtimeTarget ? { runtimeTarget } : {}), problems };
}
