import type { SbomFormat } from '../types.js';
import { renderTable } from './render-table.js';

/** A human-readable package list, like syft's table: one row per package. */
export const tableFormat: SbomFormat = {
  name: 'table',
  description: 'packages as an aligned table, for people',
  encode: (sbom) => {
    if (sbom.packages.length === 0) return 'No packages discovered\n';
    const rows = sbom.packages.map((p) => [p.name, p.version, p.type]);
    return renderTable(['NAME', 'VERSION', 'TYPE'], rows);
  },
};
