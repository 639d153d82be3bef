import type { FileEntry } from '../model/file-entry.js';

/** One image as a drift names it. */
export interface DriftSide {
  reference: string;
  digest?: string;
}

/** A package name of one type and the versions of it an image holds. */
export interface PackageVersions {
  type: string;
  name: string;
  versions: string[];
}

export interface PackageChange {
  type: string;
  name: string;
  before: string[];
  after: string[];
}

/** What a drift compares of a file. */
export type FileState = Pick<
  FileEntry,
  'type' | 'modeText' | 'uid' | 'gid' | 'size' | 'sha256' | 'linkTarget'
>;

export type FileChangeKind = 'content' | 'mode' | 'owner' | 'type' | 'target';

export interface FileChange {
  path: string;
  changes: FileChangeKind[];
  before: FileState;
  after: FileState;
}

/** A path and what it is, for a file added or removed. */
export interface FileRef extends FileState {
  path: string;
}

/** One setting of the image configuration that differs (env and labels per key, ports per port). */
export interface ConfigChange {
  field: string;
  /** The variable, label or port within the field, when the field is a list or a map. */
  key?: string;
  before?: string;
  after?: string;
}

/** A vulnerability of a package, as a drift lists one introduced or fixed. */
export interface VulnerabilityRef {
  id: string;
  severity: string;
  packageType: string;
  packageName: string;
  packageVersion: string;
  fixedIn: string[];
}

/** `customs diff A B`: what changed from image A (before) to image B (after). */
export interface ImageDrift {
  schema: 'customs-diff/1';
  before: DriftSide;
  after: DriftSide;
  packages: { added: PackageVersions[]; removed: PackageVersions[]; changed: PackageChange[] };
  files: { added: FileRef[]; removed: FileRef[]; changed: FileChange[] };
  config: ConfigChange[];
  /** Absent when no vulnerability data was read. */
  vulnerabilities?: { introduced: VulnerabilityRef[]; fixed: VulnerabilityRef[] };
}

/** The kinds of change a drift gate can name. */
export const DRIFT_KINDS = [
  'package_added',
  'package_removed',
  'package_changed',
  'file_added',
  'file_removed',
  'file_changed',
  'config_changed',
  'vulnerability_introduced',
] as const;

export type DriftKind = (typeof DRIFT_KINDS)[number];
