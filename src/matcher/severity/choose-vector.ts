import type { Cvss } from '../../vulndb/model.js';

/** How NVD names its own (Primary) scores; other sources on an NVD record are CNAs. */
const NVD_ANALYST = 'nvd@nist.gov';

const major = (c: Cvss): string => c.version.split('.')[0]!;

/**
 * The vector of `versions` (major versions, in preference order) a severity is read from: the
 * first version that has any; within it NVD's own analysis before a CNA's, the newer minor
 * version (3.1 before 3.0), then the higher score. Undefined when none of them is there.
 */
export function chooseVector(cvss: readonly Cvss[], versions: readonly string[]): Cvss | undefined {
  for (const wanted of versions) {
    const candidates = cvss.filter((c) => major(c) === wanted && Number.isFinite(c.baseScore));
    if (!candidates.length) continue;
    return [...candidates].sort(
      (a, b) =>
        Number(b.source === NVD_ANALYST) - Number(a.source === NVD_ANALYST) ||
        Number(b.version) - Number(a.version) ||
        b.baseScore - a.baseScore,
    )[0];
  }
  return undefined;
}
