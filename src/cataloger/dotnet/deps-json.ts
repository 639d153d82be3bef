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

/** Library types that are NuGet packages; `project` (the app itself) and reference assemblies are not. */
const PACKAGE_TYPES = new Set(['package', 'runtimepack']);

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
  const libraries: DepsLibrary[] = [];
  for (const [key, raw] of Object.entries(record(root.libraries))) {
    const entry = record(raw);
    const type = text(entry.type) ?? '';
    if (!PACKAGE_TYPES.has(type.toLowerCase())) continue;
    const id = splitLibraryKey(key);
    if (!id) {
      problems.push(`library ${key} is not Name/Version`);
      continue;
    }
    // A self-contained app names its runtime `runtimepack.Microsoft.NETCore.App.Runtime.<rid>`.
    const name = type === 'runtimepack' ? id.name.replace(/^runtimepack\./, '') : id.name;
    const library: DepsLibrary = { name, version: id.version, type, dependsOn: [...(deps.get(key) ?? [])] };
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
