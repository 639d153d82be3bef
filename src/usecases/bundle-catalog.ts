import { DEFAULT_RETRIEVE_FILES } from '../cataloger/files/files-cataloger.js';
import type { CatalogOptions } from '../cataloger/types.js';
import type { BundleNeeds } from '../policy/evaluate/index.js';

/**
 * What to collect for a bundle: every file when a rule inspects the whole tree, the default
 * retrieved files plus every path a retrieved_files rule names, ClamAV when a malware rule exists, file digests when a drift rule compares files.
 */
export function catalogForBundle(needs: BundleNeeds): CatalogOptions {
  const defaults = new Set(DEFAULT_RETRIEVE_FILES);
  return {
    files: needs.allFiles ? 'all' : 'notable',
    retrieveFiles: [...DEFAULT_RETRIEVE_FILES, ...needs.retrievedPaths.filter((p) => !defaults.has(p))],
    malware: needs.malware,
    ...(needs.fileDigests ? { fileDigests: true } : {}),
  };
}
