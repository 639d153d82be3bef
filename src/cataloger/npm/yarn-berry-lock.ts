import { parse } from 'yaml';
import { type LockEntry, type LockOutcome, recordField, stringField } from './lock-entry.js';
import { keyDescriptors, splitDescriptor } from './yarn-spec.js';

/** Protocols of entries that are the project's own code, not installed packages. */
const LOCAL_PROTOCOLS = ['workspace:', 'link:', 'portal:', 'file:'];

/** Parses a yarn berry (v2+) yarn.lock, a YAML document with `__metadata`; never throws. */
export function parseYarnBerryLock(source: string): LockOutcome {
  let document: unknown;
  try {
    document = parse(source, {
      schema: 'failsafe',
      maxAliasCount: 100,
      uniqueKeys: false,
      logLevel: 'error',
    });
  } catch (err) {
    return { kind: 'invalid', message: `yarn.lock is not valid YAML: ${(err as Error).message}` };
  }
  const root = recordField(document);
  const problems: string[] = [];
  const keyOf = new Map<string, string>();
  for (const key of Object.keys(root)) {
    if (key === '__metadata') continue;
    for (const d of keyDescriptors(key)) keyOf.set(d, key);
  }
  const entries: LockEntry[] = [];
  for (const [key, raw] of Object.entries(root)) {
    if (key === '__metadata') continue;
    const block = recordField(raw);
    const resolution = stringField(block.resolution) ?? keyDescriptors(key)[0] ?? key;
    const { name, range } = splitDescriptor(resolution);
    if (LOCAL_PROTOCOLS.some((p) => range.startsWith(p))) continue;
    const version = stringField(block.version);
    if (!version) {
      problems.push(`${key}: no version`);
      continue;
    }
    const dependsOn: string[] = [];
    for (const field of ['dependencies', 'optionalDependencies']) {
      for (const [dep, depRange] of Object.entries(recordField(block[field]))) {
        const wanted = String(depRange);
        const target = keyOf.get(`${dep}@${wanted}`) ?? keyOf.get(`${dep}@npm:${wanted}`);
        if (target) dependsOn.push(target);
      }
    }
    const entry: LockEntry = { key, name, version, dependsOn };
    entry.resolved = resolution;
    const checksum = stringField(block.checksum);
    if (checksum) entry.integrity = checksum;
    entries.push(entry);
  }
  return { kind: 'lock', format: 'yarn.lock berry', entries, problems };
}

/** True when a yarn.lock is in the berry format (YAML with `__metadata`). */
export function isYarnBerry(source: string): boolean {
  return /^__metadata:/m.test(source);
}
