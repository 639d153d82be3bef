import type { SbomFormat } from '../types.js';
import { renderTable } from './render-table.js';
import { findingSections } from './sections.js';

/**
 * A human-readable package list, like syft's table: one row per package; then, when there are
 * any, secrets (redacted), notable files, users of note, malware, unknowns and warnings.
 */
export const tableFormat: SbomFormat = {
  name: 'table',
  description: 'packages as an aligned table, for people',
  encode: (sbom) => {
    const packages =
      sbom.packages.length === 0
        ? 'No packages discovered\n'
        : renderTable(
            ['NAME', 'VERSION', 'TYPE'],
            sbom.packages.map((p) => [p.name, p.version, p.type]),
          );
    return packages + findingSections(sbom);
  },
};
