import type { Distro } from '../model/distro.js';
import type { ContentMatch, FileEntry, MalwareFinding, RetrievedFile } from '../model/file-entry.js';
import type { Package } from '../model/package.js';
import type { Relationship } from '../model/sbom.js';
import type { SecretFinding } from '../model/secret.js';
import type { Unknown } from '../model/unknown.js';
import type { GroupEntry, UserAccount } from '../model/user.js';
import type { FileRecord, FileView } from '../resolver/file-view.js';
import type { HeadDecision } from '../resolver/inspection.js';

export interface CatalogContext {
  /** The files in the scope the user asked for. */
  files: FileView;
  /** Always the squashed view (what a container would see). */
  squashed: FileView;
  distro: Distro | null;
  /**
   * What this cataloger's `inspect` returned for each file it inspected, keyed by record (every
   * layer's version; pick the records of `files` to honour the scope).
   */
  inspections: ReadonlyMap<FileRecord, unknown>;
  /** Packages found by the catalogers that ran before this one (OS catalogers run first). */
  packagesSoFar: readonly Package[];
  /** The caller's cancellation: a cataloger that loops long checks it between files. */
  signal?: AbortSignal;
}

export interface CatalogResult {
  packages: Package[];
  unknowns: Unknown[];
  relationships?: Relationship[];
  files?: FileEntry[];
  secrets?: SecretFinding[];
  users?: UserAccount[];
  groups?: GroupEntry[];
  retrievedFiles?: RetrievedFile[];
  contentMatches?: ContentMatch[];
  malware?: MalwareFinding[];
  /** Set by the malware analyzer when it scanned every file it was given. */
  malwareScanned?: boolean;
  warnings?: string[];
}

/** What the streaming pass tells `wantsInspect` about a regular file before reading it. */
export interface FileHeader {
  path: string;
  size: number;
  mode: number;
}

/**
 * A cataloger declares what it reads and parses it; it never walks the image itself.
 *
 * - `wants(path)`: keep this (small, text) file's content for `catalog` (status files, manifests).
 * - `wantsInspect(header)` + `inspect(record, content)`: for files that are big or many
 *   (binaries, archives, every text file for secrets): the content is handed to `inspect` while
 *   the layer streams by and dropped right after; only what `inspect` returns is kept, and
 *   `catalog` finds it in `context.inspections`. `inspect` must not throw: return a finding or a
 *   problem description.
 *
 * `catalog` degrades instead of throwing: a file it cannot parse becomes an Unknown with its
 * location.
 */
export interface Cataloger {
  readonly name: string;
  /**
   * Bump it whenever what the cataloger keeps or inspects changes (wants, wantsInspect, inspect):
   * it is part of the layer cache key, so layers read by an older version are read again.
   */
  readonly version: number;
  /** False when its inspections depend on more than the layer (the malware signature database). */
  readonly cacheable?: boolean;
  wants(path: string): boolean;
  wantsInspect?(header: FileHeader): boolean;
  inspect?(record: FileRecord, content: Buffer): unknown | Promise<unknown>;
  /**
   * Optional: for a file bigger than a head, decide from its first bytes (and its size) what is
   * needed, so that a big file is not held whole: the result at once, a chunk scan, or `whole`.
   * It must give what `inspect` gives for the whole content.
   */
  inspectHead?(record: FileRecord, head: Buffer, size: number): HeadDecision;
  catalog(context: CatalogContext): CatalogResult | Promise<CatalogResult>;
}

/** Options the user sets that shape what catalogers collect. */
export interface CatalogOptions {
  /** 'notable' (default): setuid/setgid/world-writable files; 'all': every file; 'none'. */
  files?: 'notable' | 'all' | 'none';
  /** Compute sha256 of inventory files (always for notable files). */
  fileDigests?: boolean;
  /** Paths (globs) whose content is retrieved; default ['/etc/passwd']. */
  retrieveFiles?: string[];
  /** Maximum bytes of retrieved content per file. */
  retrieveMaxBytes?: number;
  /** Named regexes searched in file contents: { name: regex }. */
  contentSearch?: Record<string, string>;
  /** Secrets scanning (on by default). */
  secrets?: {
    enabled?: boolean;
    /** A YAML or JSON rules file (trivy-secret.yaml style). */
    rulesFile?: string;
    /** Also scan vendor trees, binaries' neighbours and large files. */
    scanAll?: boolean;
  };
  /** ClamAV scan when clamscan is installed. */
  malware?: boolean;
  /** A ClamAV signature database (file or directory) instead of the system's. */
  malwareDatabase?: string;
}
