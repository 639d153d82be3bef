import type { DatabaseStatus } from '../store/types.js';

/** Names inside a bundle (a tar): the manifest first, so an importer reads it before the data. */
export const MANIFEST_NAME = 'customs-vulndb-manifest.json';
export const DIGESTS_NAME = 'SHA256SUMS';
export const SIGNATURE_NAME = 'customs-vulndb-manifest.json.sig';
export const DATABASE_NAME = 'vulndb.sqlite';
export const BUNDLE_FORMAT = 'customs-vulndb-bundle/1';

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  created: string;
  schemaVersion: number;
  database: { name: string; size: number; sha256: string };
  providers: DatabaseStatus['providers'];
  epss: DatabaseStatus['epss'];
  kev: DatabaseStatus['kev'];
}

export function digestsFile(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([name, digest]) => `${digest}  ${name}\n`)
    .join('');
}

export function parseDigests(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}
