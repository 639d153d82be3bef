import type { NamedValue } from './package-properties.js';

/** The subset of the CycloneDX 1.6 JSON document Customs writes (and reads back). */
export interface CdxLicenseEntry {
  license?: { id?: string; name?: string };
  expression?: string;
}

export interface CdxHash {
  alg: 'SHA-256';
  content: string;
}

export interface CdxComponent {
  type: 'application' | 'library' | 'container' | 'operating-system' | 'file';
  'bom-ref': string;
  name: string;
  version?: string;
  description?: string;
  hashes?: CdxHash[];
  licenses?: CdxLicenseEntry[];
  purl?: string;
  properties?: NamedValue[];
}

export interface CdxDependency {
  ref: string;
  dependsOn?: string[];
}

export interface CdxBom {
  $schema?: string;
  bomFormat: 'CycloneDX';
  specVersion: string;
  serialNumber?: string;
  version: number;
  metadata?: {
    timestamp?: string;
    tools?: { components?: CdxComponent[] };
    component?: CdxComponent;
    properties?: NamedValue[];
  };
  components?: CdxComponent[];
  dependencies?: CdxDependency[];
  properties?: NamedValue[];
}
