import type { FileType } from './file-type.js';

/** One file of the inventory. */
export interface FileEntry {
  path: string;
  type: FileType;
  /** Permission and special bits, e.g. 0o4755 (JSON shows the number; `modeText` the octal). */
  mode: number;
  modeText: string;
  uid: number;
  gid: number;
  size: number;
  sha256?: string;
  linkTarget?: string;
  layer?: string;
  layerIndex?: number;
  /** setuid, setgid, world-writable, sticky. */
  flags?: ('setuid' | 'setgid' | 'world-writable' | 'sticky')[];
  /** Ids of packages that own this file. */
  ownedBy?: string[];
}

/** Content of a configured file, retrieved (size-capped) for policies. */
export interface RetrievedFile {
  path: string;
  layer?: string;
  /** Base64 of the (possibly truncated) content. */
  contentBase64: string;
  size: number;
  truncated: boolean;
}

/** A user-supplied named regex that matched a file. */
export interface ContentMatch {
  path: string;
  layer?: string;
  name: string;
  /** 1-based line numbers of the first matches. */
  lines: number[];
}

export interface MalwareFinding {
  path: string;
  layer?: string;
  signature: string;
  scanner: 'clamav';
}
