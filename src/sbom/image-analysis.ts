import type { Distro } from '../model/distro.js';
import type { ImageMetadata } from '../model/image.js';
import type { Package } from '../model/package.js';
import type { Relationship, Sbom } from '../model/sbom.js';
import type { LayerReadSummary } from '../resolver/read-layer.js';

/**
 * What the analysis of an image finds, apart from how it was named and when: the SBOM's body.
 * It is what an image-level cache entry holds, so it must be plain data.
 */
export interface ImageAnalysis {
  distro: Distro | null;
  packages: Package[];
  relationships: Relationship[];
  image: ImageMetadata | null;
  files: Sbom['files'];
  secrets: Sbom['secrets'];
  users: Sbom['users'];
  groups: Sbom['groups'];
  retrievedFiles: Sbom['retrievedFiles'];
  contentMatches: Sbom['contentMatches'];
  malware: Sbom['malware'];
  malwareScanned: boolean;
  unknowns: Sbom['unknowns'];
  /** The catalogers' warnings (the source's own come from opening it, each run). */
  warnings: string[];
  /** Each layer as read (entries, bytes): replayed as progress when the analysis is cached. */
  layers: LayerReadSummary[];
}
