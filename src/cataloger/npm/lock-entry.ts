/** One package a lock file records, in a form shared by every lock format. */
export interface LockEntry {
  /** Key unique within the lock file; dependency edges point at keys. */
  key: string;
  name: string;
  version: string;
  /** The install path relative to the project ('node_modules/a/node_modules/b'), where the lock says. */
  installPath?: string;
  resolved?: string;
  integrity?: string;
  licenses?: string[];
  dev?: boolean;
  /** Keys of the entries this one depends on. */
  dependsOn: string[];
}

export type LockOutcome =
  | { kind: 'lock'; format: string; entries: LockEntry[]; problems: string[] }
  | { kind: 'invalid'; message: string };

/** A string field, or undefined. */
export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An object field as a record, or an empty one. */
export function recordField(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
