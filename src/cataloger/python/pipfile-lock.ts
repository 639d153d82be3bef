import type { LockEntry, LockOutcome } from './lock-entry.js';

type Table = Record<string, unknown>;

function table(value: unknown): Table | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : undefined;
}

function collect(section: unknown, dev: boolean, entries: LockEntry[]): void {
  for (const [name, raw] of Object.entries(table(section) ?? {})) {
    const spec = table(raw);
    const version = typeof spec?.version === 'string' ? spec.version.replace(/^===?/, '').trim() : '';
    if (!version || /[<>*,!~]/.test(version)) continue; // git/path/editable entries pin no version
    const entry: LockEntry = { name, version, dependsOn: [] };
    if (dev) entry.dev = true;
    const details: Table = {};
    if (Array.isArray(spec?.hashes)) details.hashes = spec.hashes;
    if (typeof spec?.markers === 'string') details.markers = spec.markers;
    if (Object.keys(details).length) entry.details = details;
    entries.push(entry);
  }
}

/** Pipfile.lock: `default` and `develop` maps of name → { version: "==x" }; never throws. */
export function parsePipfileLock(source: string): LockOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { kind: 'invalid', message: `Pipfile.lock is not valid JSON: ${(err as Error).message}` };
  }
  const root = table(doc);
  if (!root) return { kind: 'invalid', message: 'Pipfile.lock is not a JSON object' };
  const entries: LockEntry[] = [];
  collect(root.default, false, entries);
  collect(root.develop, true, entries);
  return { kind: 'packages', entries, problems: [] };
}
