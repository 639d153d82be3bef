import type { Sbom } from '../../model/sbom.js';
import { scanSbom } from '../../scan/index.js';
import type { ScanReport } from '../../scan/types.js';
import { vulnerabilityDataExists, withVulnerabilityStore } from '../../usecases/vulnerability-store.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * Matches a stored SBOM against the vulnerability data, through the worker's open reader when
 * it has one (else the store is opened for this scan); undefined when there is no data yet.
 */
export async function scanStoredSbom(
  deps: Pick<WorkerDeps, 'vulnData' | 'vulnReader'>,
  sbom: Sbom,
  signal: AbortSignal,
): Promise<ScanReport | undefined> {
  if (deps.vulnReader) return deps.vulnReader.read((store) => scanSbom(sbom, store, { signal }));
  if (!vulnerabilityDataExists(deps.vulnData)) return undefined;
  return withVulnerabilityStore(deps.vulnData, (store) => scanSbom(sbom, store, { signal }));
}
