/** Media types of the Harbor pluggable scanner adapter API (spec v1.2, which includes 1.0 and 1.1). */
export const HARBOR_MIME = {
  metadata: 'application/vnd.scanner.adapter.metadata+json; version=1.1',
  scanRequest: 'application/vnd.scanner.adapter.scan.request+json',
  scanResponse: 'application/vnd.scanner.adapter.scan.response+json; version=1.0',
  error: 'application/vnd.scanner.adapter.error+json; version=1.0',
  /** Harbor 2.x asks for this one. */
  vulnerabilityReport: 'application/vnd.security.vulnerability.report; version=1.1',
  /** Harbor 1.10 and older adapters' clients. */
  legacyVulnerabilityReport: 'application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0',
  rawReport: 'application/vnd.scanner.adapter.vuln.report.raw',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** The report types GET /scan/{id}/report can answer, by what an Accept header names. */
export type HarborReportType = 'harbor' | 'raw';

/**
 * The report type an Accept header asks for: the first listed media type Customs produces
 * (parameters other than `version` ignored, blanks tolerated). No header, or `*\/*`, means the
 * Harbor report; `undefined` means nothing acceptable (the adapter answers 501).
 */
export function acceptedReportType(accept: string | undefined): HarborReportType | undefined {
  if (accept === undefined || accept.trim() === '') return 'harbor';
  for (const part of accept.split(',')) {
    const wanted = normalise(part);
    if (wanted === '*/*' || wanted === normalise(HARBOR_MIME.vulnerabilityReport)) return 'harbor';
    if (wanted === normalise(HARBOR_MIME.legacyVulnerabilityReport)) return 'harbor';
    if (wanted === normalise(HARBOR_MIME.rawReport)) return 'raw';
  }
  return undefined;
}

/** `type/subtype; version=x`, lower-case, without blanks or other parameters. */
function normalise(mediaType: string): string {
  const [type = '', ...params] = mediaType.split(';').map((p) => p.trim().toLowerCase());
  const version = params.find((p) => p.startsWith('version='));
  return version ? `${type}; ${version.replace(/\s+/g, '')}` : type;
}
