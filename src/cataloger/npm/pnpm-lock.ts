import { parseAllDocuments } from 'yaml';
import { type LockEntry, type LockOutcome, recordField, stringField } from './lock-entry.js';

interface NameVersion {
  name: string;
  version: string;
}

/** Drops peer-dependency suffixes: `1.0.0(react@18.0.0)` (v6+) and `1.0.0_react@18.0.0` (v5). */
function stripPeers(version: string): string {
  const paren = version.indexOf('(');
  const base = paren < 0 ? version : version.slice(0, paren);
  const underscore = base.indexOf('_');
  return underscore < 0 ? base : base.slice(0, underscore);
}

/**
 * Name and version of a `packages`/`snapshots` key: `/name/1.0.0` and `/@s/name/1.0.0_peer` (v5),
 * `/name@1.0.0(peer)` (v6), `name@1.0.0(peer)` (v9).
 */
export function parsePnpmKey(key: string, slashStyle: boolean): NameVersion | undefined {
  const bare = key.startsWith('/') ? key.slice(1) : key;
  const paren = bare.indexOf('(');
  const withoutPeers = paren < 0 ? bare : bare.slice(0, paren);
  const at = withoutPeers.indexOf('@', 1);
  if (!slashStyle && at > 0) {
    return { name: withoutPeers.slice(0, at), version: stripPeers(withoutPeers.slice(at + 1)) };
  }
  const parts = withoutPeers.split('/');
  if (parts.length < 2) return undefined;
  const version = stripPeers(parts[parts.length - 1] as string);
  const scoped = parts.length >= 3 && (parts[parts.length - 3] as string).startsWith('@');
  const name = scoped ? parts.slice(-3, -1).join('/') : (parts[parts.length - 2] as string);
  if (!name || !version || !/^\d/.test(version)) return undefined;
  return { name, version };
}

function lockDocument(source: string): Record<string, unknown> | string {
  try {
    const documents = parseAllDocuments(source, { schema: 'failsafe', uniqueKeys: false, logLevel: 'error' });
    const list = Array.isArray(documents) ? documents : [documents];
    for (const document of list) {
      if (document.errors.length > 0) return document.errors[0]?.message ?? 'invalid YAML';
    }
    // Several documents: the first is pnpm's own environment lock, the project's comes last.
    const objects = list.map((d) => recordField(d.toJS({ maxAliasCount: 100 })));
    return objects.reverse().find((o) => 'packages' in o || 'importers' in o) ?? objects[0] ?? {};
  } catch (err) {
    return (err as Error).message;
  }
}

/** Parses pnpm-lock.yaml (lockfileVersion 5.x, 6.x, 9.x); never throws. */
export function parsePnpmLock(source: string): LockOutcome {
  const document = lockDocument(source);
  if (typeof document === 'string') {
    return { kind: 'invalid', message: `pnpm-lock.yaml is not valid YAML: ${document}` };
  }
  const lockVersion = Number.parseFloat(stringField(document.lockfileVersion) ?? '0');
  const slashStyle = lockVersion > 0 && lockVersion < 6;
  const problems: string[] = [];
  const entries = new Map<string, LockEntry>();
  const identify = (key: string, block: Record<string, unknown>): NameVersion | undefined => {
    const parsed = parsePnpmKey(key, slashStyle);
    const name = stringField(block.name) ?? parsed?.name;
    const version = stringField(block.version) ?? parsed?.version;
    return name && version ? { name, version } : undefined;
  };
  /** Key identity → entry key, where a tarball or git entry names its version in a field. */
  const aliasOf = new Map<string, string>();
  const canonical = (key: string): string => aliasOf.get(key) ?? key;
  const dependencyKey = (dep: string, value: string): string => {
    // An alias points at another key: `/real/1.0.0`, `real@1.0.0`.
    const aliased =
      value.startsWith('/') || value.indexOf('@', 1) > 0 ? parsePnpmKey(value, slashStyle) : undefined;
    return aliased ? `${aliased.name}@${aliased.version}` : `${dep}@${stripPeers(value)}`;
  };
  const edges = new Map<string, Set<string>>();
  const addEdges = (key: string, block: Record<string, unknown>): void => {
    let set = edges.get(key);
    for (const field of ['dependencies', 'optionalDependencies']) {
      for (const [dep, value] of Object.entries(recordField(block[field]))) {
        if (typeof value !== 'string' || value.startsWith('link:')) continue;
        set ??= new Set();
        set.add(dependencyKey(dep, value));
      }
    }
    if (set) edges.set(key, set);
  };
  for (const [key, raw] of Object.entries(recordField(document.packages))) {
    const block = recordField(raw);
    const id = identify(key, block);
    if (!id) {
      problems.push(`${key}: cannot tell the package name and version`);
      continue;
    }
    const entryKey = `${id.name}@${id.version}`;
    const parsed = parsePnpmKey(key, slashStyle);
    if (parsed) aliasOf.set(`${parsed.name}@${parsed.version}`, entryKey);
    addEdges(entryKey, block);
    if (entries.has(entryKey)) continue; // the same package with other peers
    const entry: LockEntry = { key: entryKey, name: id.name, version: id.version, dependsOn: [] };
    const resolution = recordField(block.resolution);
    const integrity = stringField(resolution.integrity);
    if (integrity) entry.integrity = integrity;
    const tarball = stringField(resolution.tarball);
    if (tarball) entry.resolved = tarball;
    if (block.dev === 'true') entry.dev = true;
    entries.set(entryKey, entry);
  }
  for (const [key, raw] of Object.entries(recordField(document.snapshots))) {
    const id = parsePnpmKey(key, false);
    if (id) addEdges(canonical(`${id.name}@${id.version}`), recordField(raw));
  }
  for (const [key, targets] of edges) {
    const entry = entries.get(canonical(key));
    if (!entry) continue;
    const resolved = new Set([...entry.dependsOn, ...[...targets].map(canonical)]);
    entry.dependsOn = [...resolved].filter((t) => t !== entry.key && entries.has(t));
  }
  return {
    kind: 'lock',
    format: `pnpm-lock v${lockVersion || '?'}`,
    entries: [...entries.values()],
    problems,
  };
}
