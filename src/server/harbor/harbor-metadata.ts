import { HARBOR_MIME } from './mime-types.js';
import type { HarborScanner } from './harbor-report.js';

export interface HarborScannerMetadata {
  scanner: HarborScanner;
  capabilities: {
    type: 'vulnerability';
    consumes_mime_types: string[];
    produces_mime_types: string[];
  }[];
  properties: Record<string, string>;
}

/**
 * What GET /api/v1/metadata answers: Customs scans OCI and Docker v2 image manifests into
 * vulnerability reports; the properties say when the vulnerability data was last updated.
 */
export function harborMetadata(
  scanner: HarborScanner,
  databaseUpdatedAt: string | undefined,
): HarborScannerMetadata {
  return {
    scanner,
    capabilities: [
      {
        type: 'vulnerability',
        consumes_mime_types: [HARBOR_MIME.ociManifest, HARBOR_MIME.dockerManifest],
        produces_mime_types: [
          HARBOR_MIME.vulnerabilityReport,
          HARBOR_MIME.legacyVulnerabilityReport,
          HARBOR_MIME.rawReport,
        ],
      },
    ],
    properties: {
      'harbor.scanner-adapter/scanner-type': 'os-package-vulnerability',
      'harbor.scanner-adapter/vulnerability-database-updated-at': databaseUpdatedAt ?? '',
      'harbor.scanner-adapter/registry-authorization-type': 'Basic',
    },
  };
}
