import type { Sbom } from '../../model/sbom.js';
import { scanSbom } from '../../scan/index.js';
import type { ScanReport } from '../../scan/types.js';
import { vulnerabilityDataExists, withVulnerabilityStore } from '../../usecases/vulnerability-store.js';
import type { VulnerabilityData } from '../../usecases/types.js';

/** Matches a stored SBOM against the vulnerability data; undefined when there is no data yet. */
export async function scanStoredSbom(
  data: VulnerabilityData,
  sbom: Sbom,
  signal: AbortSignal,
): Promise<ScanReport | undefined> {
  if (!vulnerabilityDataExists(data)) return undefined;
  return withVulnerabilityStore(data, (store) => scanSbom(sbom, store, { signal }));
}
