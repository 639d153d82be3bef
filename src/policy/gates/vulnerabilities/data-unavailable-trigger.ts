import type { BuiltinTrigger } from '../types.js';

/**
 * The scan reports a distro without data as a warning only (src/matcher/match-warnings.ts):
 * `no vulnerability data for <distro> in the database (…): N OS packages were not checked`.
 * Language ecosystems without data share the start but not the end, and do not count here.
 */
const NO_DATA_START = 'no vulnerability data for ';
const NO_DATA_END = ' OS packages were not checked';

/** The scan's warning that OS packages went unchecked for want of distro data, if any. */
export function distroDataWarning(warnings: unknown): string | undefined {
  if (!Array.isArray(warnings)) return undefined;
  return warnings.find(
    (w): w is string => typeof w === 'string' && w.startsWith(NO_DATA_START) && w.endsWith(NO_DATA_END),
  );
}

function distroName(distro: { id?: unknown; versionId?: unknown } | null | undefined): string {
  if (typeof distro?.id !== 'string' || distro.id === '') return 'unknown distro';
  return typeof distro.versionId === 'string' && distro.versionId !== ''
    ? `${distro.id}:${distro.versionId}`
    : distro.id;
}

/** Fires once when there is no vulnerability data for the image's distro, or no scan at all. */
export const vulnerabilityDataUnavailableTrigger: BuiltinTrigger = {
  name: 'vulnerability_data_unavailable',
  description:
    "Fires when the vulnerability database has no data for the image's distro, so its OS packages could not be checked (language packages are not considered), or when no vulnerability scan ran.",
  params: [],
  evaluate(context) {
    const scan = context.scan;
    const distro = distroName(scan?.distro ?? context.sbom?.distro);
    if (scan === undefined) {
      return [{ message: `No vulnerability scan of this image (${distro}) is available`, identity: distro }];
    }
    // The structured count when the scan has it; the warning's fixed wording for older reports.
    const warning =
      scan.osPackagesUnchecked !== undefined
        ? scan.osPackagesUnchecked > 0
          ? `${scan.osPackagesUnchecked} OS packages were not checked`
          : undefined
        : distroDataWarning(scan.warnings);
    if (warning === undefined) return [];
    return [{ message: `No vulnerability data for ${distro}: ${warning}`, identity: distro }];
  },
};
