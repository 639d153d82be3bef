import type { Distro } from './distro.js';
import type { ImageMetadata } from './image.js';
import type { Package } from './package.js';
import type { Unknown } from './unknown.js';
import type { ContentMatch, FileEntry, MalwareFinding, RetrievedFile } from './file-entry.js';
import type { SecretFinding } from './secret.js';
import type { GroupEntry, UserAccount } from './user.js';
import type { SourceType } from './source-type.js';

export type Scope = 'squashed' | 'all-layers';

export interface SbomSource {
  type: SourceType;
  reference: string;
  /** Manifest digest for image sources; for dir:, a digest of the tree listing. */
  digest?: string;
  indexDigest?: string;
  configDigest?: string;
  tags?: string[];
  layers: { index: number; digest: string; diffId?: string; mediaType: string; size: number }[];
}

export interface Relationship {
  from: string;
  to: string;
  type: 'owns' | 'depends-on' | 'contains';
}

/** The one model every SBOM format encodes. Fields are only ever added. */
export interface Sbom {
  schema: 'customs-sbom/1';
  descriptor: { name: 'customs'; version: string; timestamp: string };
  scope: Scope;
  source: SbomSource;
  distro: Distro | null;
  packages: Package[];
  relationships: Relationship[];
  image: ImageMetadata | null;
  /** Files of note: setuid/setgid and world-writable by default; every file with `--files all`. */
  files: FileEntry[];
  secrets: SecretFinding[];
  users: UserAccount[];
  groups: GroupEntry[];
  retrievedFiles: RetrievedFile[];
  contentMatches: ContentMatch[];
  malware: MalwareFinding[];
  /**
   * True when a malware scanner ran over the image's files (so an empty `malware` means clean);
   * absent or false when none ran (not asked for, or clamscan/its database missing).
   */
  malwareScanned?: boolean;
  unknowns: Unknown[];
  warnings: string[];
}
