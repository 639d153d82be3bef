import type { Match } from '../../scan/types.js';
import type { ReportFormat } from '../types.js';

/**
 * The ScanReport as JSON, WITHOUT the embedded `sbom` (it would dwarf the findings; `customs sbom
 * -o json` writes it, and every match carries its package). Fields are only ever added.
 */
export const jsonReport: ReportFormat = {
  name: 'json',
  description: 'Customs native JSON (schema customs-scan/1, without the SBOM)',
  encode: (report) => {
    const { sbom: _sbom, ...rest } = report;
    // `epss` and `kev` are always there (null when the database has none), so readers can rely on them.
    const explicit = <T extends Match>(m: T): T => ({
      ...m,
      vulnerability: {
        ...m.vulnerability,
        epss: m.vulnerability.epss ?? null,
        kev: m.vulnerability.kev ?? null,
      },
    });
    const out = {
      ...rest,
      matches: rest.matches.map(explicit),
      ignoredMatches: rest.ignoredMatches.map(explicit),
    };
    return JSON.stringify(out, null, 2) + '\n';
  },
};
