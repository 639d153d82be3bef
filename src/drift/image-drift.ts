import type { Match } from '../model/match.js';
import type { Sbom } from '../model/sbom.js';
import { diffConfig } from './diff-config.js';
import { diffFiles } from './diff-files.js';
import { diffPackages } from './diff-packages.js';
import { diffVulnerabilities } from './diff-vulnerabilities.js';
import type { DriftKind, DriftSide, ImageDrift } from './types.js';

/** One image for a drift: its SBOM, and its matches when vulnerability data was read. */
export interface DriftInput {
  sbom: Sbom;
  matches?: readonly Match[];
}

function side(sbom: Sbom): DriftSide {
  return { reference: sbom.source.reference, ...(sbom.source.digest ? { digest: sbom.source.digest } : {}) };
}

/** What changed from `before` to `after` (vulnerabilities only when both have matches). */
export function imageDrift(before: DriftInput, after: DriftInput): ImageDrift {
  return {
    schema: 'customs-diff/1',
    before: side(before.sbom),
    after: side(after.sbom),
    packages: diffPackages(before.sbom.packages, after.sbom.packages),
    files: diffFiles(before.sbom.files, after.sbom.files),
    config: diffConfig(before.sbom.image, after.sbom.image),
    ...(before.matches && after.matches
      ? { vulnerabilities: diffVulnerabilities(before.matches, after.matches) }
      : {}),
  };
}

/** How many changes of each kind a drift holds. */
export function driftCounts(drift: ImageDrift): Record<DriftKind, number> {
  return {
    package_added: drift.packages.added.length,
    package_removed: drift.packages.removed.length,
    package_changed: drift.packages.changed.length,
    file_added: drift.files.added.length,
    file_removed: drift.files.removed.length,
    file_changed: drift.files.changed.length,
    config_changed: drift.config.length,
    vulnerability_introduced: drift.vulnerabilities?.introduced.length ?? 0,
  };
}
