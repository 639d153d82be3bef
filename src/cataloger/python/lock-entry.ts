/** One package a lock or requirements file pins. */
export interface LockEntry {
  name: string;
  version: string;
  /** Names (as written) of the packages this one requires, where the file says. */
  dependsOn: string[];
  dev?: boolean;
  /** Extra details the format gives (source, groups, hashes, markers). */
  details?: Record<string, unknown>;
}

export type LockOutcome =
  | { kind: 'packages'; entries: LockEntry[]; problems: string[]; includes?: string[] }
  | { kind: 'invalid'; message: string };
