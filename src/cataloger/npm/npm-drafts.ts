import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import { npmPurl } from './purl.js';
import { sortedUniqueLocations } from '../locations.js';

/** What the npm cataloger says about a package beyond name and version. */
export interface NpmMetadata {
  [key: string]: unknown;
  author?: string;
  homepage?: string;
  repository?: string;
  private?: boolean;
  resolved?: string;
  integrity?: string;
  /** Only a development dependency, as the lock file says. */
  dev?: boolean;
  /** The lock file formats that list it ('package-lock v3', 'yarn.lock v1', …). */
  lockFormats?: string[];
}

/** A package being collected: found installed, in lock files, or both. */
export interface NpmDraft {
  key: string;
  name: string;
  version: string;
  /** The install directory, or the project root for a package only a lock file lists. */
  discriminator: string;
  licenses: string[];
  metadata: NpmMetadata;
  /** package.json locations first (the installed package), then lock file locations. */
  primary: Location[];
  secondary: Location[];
}

export function draftToPackage(draft: NpmDraft, foundBy: string): Package {
  const primary = sortedUniqueLocations(draft.primary);
  const secondary = sortedUniqueLocations(draft.secondary).filter(
    (l) => !primary.some((p) => p.path === l.path && p.layerIndex === l.layerIndex),
  );
  const metadata: NpmMetadata = {};
  for (const [key, value] of Object.entries(draft.metadata)) if (value !== undefined) metadata[key] = value;
  const pkg: Package = {
    id: packageId('npm', draft.name, draft.version, draft.discriminator),
    name: draft.name,
    version: draft.version,
    type: 'npm',
    purl: npmPurl(draft.name, draft.version),
    locations: [...primary, ...secondary],
    foundBy,
    metadata,
  };
  if (draft.licenses.length) pkg.licenses = draft.licenses;
  return pkg;
}
