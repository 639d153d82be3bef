import type { CatalogResult } from '../cataloger/types.js';

export type Findings = Required<Omit<CatalogResult, 'warnings' | 'malwareScanned'>> & {
  warnings: string[];
  malwareScanned: boolean;
};

export function emptyFindings(): Findings {
  return {
    packages: [],
    unknowns: [],
    relationships: [],
    files: [],
    secrets: [],
    users: [],
    groups: [],
    retrievedFiles: [],
    contentMatches: [],
    malware: [],
    malwareScanned: false,
    warnings: [],
  };
}

/** Appends one cataloger's result to what was collected so far. */
export function addFindings(into: Findings, result: CatalogResult): void {
  into.packages.push(...result.packages);
  into.unknowns.push(...result.unknowns);
  into.relationships.push(...(result.relationships ?? []));
  into.files.push(...(result.files ?? []));
  into.secrets.push(...(result.secrets ?? []));
  into.users.push(...(result.users ?? []));
  into.groups.push(...(result.groups ?? []));
  into.retrievedFiles.push(...(result.retrievedFiles ?? []));
  into.contentMatches.push(...(result.contentMatches ?? []));
  into.malware.push(...(result.malware ?? []));
  if (result.malwareScanned === true) into.malwareScanned = true;
  into.warnings.push(...(result.warnings ?? []));
}
