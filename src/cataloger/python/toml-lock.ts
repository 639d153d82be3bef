import { parse } from 'smol-toml';
import type { LockEntry, LockOutcome } from './lock-entry.js';

type Table = Record<string, unknown>;

function table(value: unknown): Table | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function parseToml(source: string, what: string): Table | { error: string } {
  try {
    return parse(source.replace(/^\uFEFF/, '')) as Table;
  } catch (err) {
    return { error: `${what} is not valid TOML: ${(err as Error).message.split('\n')[0]}` };
  }
}

/** The `[[package]]` tables of a TOML lock file, with an entry built by `read` for each. */
function packagesOf(
  source: string,
  what: string,
  read: (pkg: Table, name: string, version: string) => LockEntry,
): LockOutcome {
  const doc = parseToml(source, what);
  if (typeof doc.error === 'string') return { kind: 'invalid', message: doc.error };
  const list = (doc as Table).package;
  if (list === undefined) return { kind: 'packages', entries: [], problems: [] };
  if (!Array.isArray(list)) return { kind: 'invalid', message: `${what}: package is not an array of tables` };
  const entries: LockEntry[] = [];
  const problems: string[] = [];
  list.forEach((raw, index) => {
    const pkg = table(raw);
    const name = text(pkg?.name);
    const version = text(pkg?.version);
    if (!pkg || !name) problems.push(`package #${index + 1} has no name`);
    else if (version) entries.push(read(pkg, name, version));
  });
  return { kind: 'packages', entries, problems };
}

/** poetry.lock: `[[package]]` name, version, category/groups, `[package.dependencies]`. */
export function parsePoetryLock(source: string): LockOutcome {
  return packagesOf(source, 'poetry.lock', (pkg, name, version) => {
    const entry: LockEntry = { name, version, dependsOn: Object.keys(table(pkg.dependencies) ?? {}) };
    const category = text(pkg.category);
    const groups = Array.isArray(pkg.groups) ? pkg.groups.filter((g) => typeof g === 'string') : undefined;
    if (category === 'dev' || (groups && groups.length > 0 && !groups.includes('main'))) entry.dev = true;
    const details: Table = {};
    if (category) details.category = category;
    if (groups?.length) details.groups = groups;
    const src = table(pkg.source);
    if (src) details.source = src;
    if (Object.keys(details).length) entry.details = details;
    return entry;
  });
}

/** uv.lock: `[[package]]` name, version, source, `dependencies = [{ name = ... }]`. */
export function parseUvLock(source: string): LockOutcome {
  return packagesOf(source, 'uv.lock', (pkg, name, version) => {
    const deps = Array.isArray(pkg.dependencies) ? pkg.dependencies : [];
    const entry: LockEntry = {
      name,
      version,
      dependsOn: deps.map((d) => text(table(d)?.name)).filter((n): n is string => n !== undefined),
    };
    const src = table(pkg.source);
    if (src) entry.details = { source: src };
    return entry;
  });
}
