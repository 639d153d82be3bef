import { SCHEMA_VERSION } from '../schema/schema-v1.js';
import type { DatabaseStatus } from '../types.js';

/** DatabaseStatus from the rows both stores read (counts may come as strings from PostgreSQL). */
export function buildStatus(
  location: string,
  providers: {
    name: string;
    last_sync: string;
    source: string | null;
    rejected: number;
    vulnerabilities: number | string;
    affected: number | string;
  }[],
  epss: { n: number | string; d: string | null },
  kevEntries: number | string,
  kevVersion: string | undefined,
): DatabaseStatus {
  const status: DatabaseStatus = {
    location,
    schemaVersion: SCHEMA_VERSION,
    providers: providers.map((p) => ({
      provider: p.name,
      vulnerabilities: Number(p.vulnerabilities),
      affected: Number(p.affected),
      lastSync: p.last_sync,
      ...(p.source ? { source: p.source } : {}),
      rejected: Number(p.rejected),
    })),
    epss: { scores: Number(epss.n), ...(epss.d ? { date: epss.d } : {}) },
    kev: { entries: Number(kevEntries), ...(kevVersion ? { catalogVersion: kevVersion } : {}) },
  };
  const last = status.providers
    .map((p) => p.lastSync)
    .sort()
    .at(-1);
  if (last) status.lastSync = last;
  return status;
}
