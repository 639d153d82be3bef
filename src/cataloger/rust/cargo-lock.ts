import { parse } from 'smol-toml';
import type { Crate, CrateOutcome } from './crate.js';

interface LockEntry {
  name: string;
  version: string;
  source?: string;
  checksum?: string;
  dependencies: string[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `name`, `name version` or `name version (source)` → the index of the crate it names (git sources without their `#rev`). */
function resolveDependency(spec: string, entries: readonly LockEntry[]): number {
  const [name, version] = spec.trim().split(/\s+/);
  const source = /\((.*)\)$/.exec(spec)?.[1];
  return entries.findIndex(
    (e) =>
      e.name === name &&
      (version === undefined || e.version === version) &&
      (source === undefined || e.source === source || e.source?.split('#')[0] === source),
  );
}

/**
 * Parses a `Cargo.lock` (v1 to v4): every `[[package]]` with name, version, source, checksum and
 * dependencies. Packages without a source are the workspace's own (path) crates and are kept
 * here with no source; the cataloger decides what is a package.
 */
export function parseCargoLock(text: string): CrateOutcome {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (err) {
    return {
      kind: 'invalid',
      message: `Cargo.lock is not valid TOML: ${(err as Error).message.split('\n')[0]}`,
    };
  }
  const raw = doc.package;
  if (raw !== undefined && !Array.isArray(raw))
    return { kind: 'invalid', message: 'Cargo.lock `package` is not a list' };
  const problems: string[] = [];
  const entries: LockEntry[] = [];
  for (const [i, item] of (raw ?? []).entries()) {
    const table = (item ?? {}) as Record<string, unknown>;
    const name = str(table.name);
    const version = str(table.version);
    if (!name || !version) {
      problems.push(`package #${i + 1} has no name or version`);
      continue;
    }
    const entry: LockEntry = {
      name,
      version,
      dependencies: Array.isArray(table.dependencies)
        ? table.dependencies.filter((d) => typeof d === 'string')
        : [],
    };
    const source = str(table.source);
    const checksum = str(table.checksum);
    if (source) entry.source = source;
    if (checksum) entry.checksum = checksum;
    entries.push(entry);
  }
  const crates = entries.map((e): Crate => {
    const crate: Crate = { name: e.name, version: e.version, dependencies: [] };
    if (e.source) crate.source = e.source;
    if (e.checksum) crate.checksum = e.checksum;
    for (const dep of e.dependencies) {
      const at = resolveDependency(dep, entries);
      // A dependency the lock file does not list (hand-edited files) only loses its edge.
      if (at >= 0) crate.dependencies.push(at);
    }
    return crate;
  });
  return { kind: 'crates', crates, problems };
}
