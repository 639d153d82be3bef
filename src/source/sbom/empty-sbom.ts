import type { Distro } from '../../model/distro.js';
import type { Package } from '../../model/package.js';
import type { Relationship, Sbom, SbomSource } from '../../model/sbom.js';
import { customsVersion } from '../../sbom/version.js';
import type { SourceType } from '../types.js';

const SOURCE_TYPES: readonly SourceType[] = ['registry', 'oci-dir', 'oci-archive', 'docker-archive', 'dir'];

export function sourceType(text: string | undefined, fallback: SourceType): SourceType {
  return (SOURCE_TYPES as readonly string[]).includes(text ?? '') ? (text as SourceType) : fallback;
}

export interface ReadParts {
  timestamp?: string;
  source: SbomSource;
  distro: Distro | null;
  packages: Package[];
  relationships: Relationship[];
  warnings?: string[];
}

/** A Customs SBOM from what a foreign document held; the rest of the model stays empty. */
export function sbomFromParts(parts: ReadParts): Sbom {
  return {
    schema: 'customs-sbom/1',
    descriptor: {
      name: 'customs',
      version: customsVersion(),
      timestamp: parts.timestamp ?? new Date().toISOString(),
    },
    scope: 'squashed',
    source: parts.source,
    distro: parts.distro,
    packages: parts.packages,
    relationships: parts.relationships,
    image: null,
    files: [],
    secrets: [],
    users: [],
    groups: [],
    retrievedFiles: [],
    contentMatches: [],
    malware: [],
    unknowns: [],
    warnings: parts.warnings ?? [],
  };
}
