/** The subset of the SPDX 2.3 JSON document Customs writes (and reads back). */
export interface SpdxAnnotation {
  annotationDate: string;
  annotationType: 'OTHER' | 'REVIEW';
  annotator: string;
  comment: string;
}

export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: string;
  filesAnalyzed?: boolean;
  licenseConcluded?: string;
  licenseDeclared?: string;
  copyrightText?: string;
  primaryPackagePurpose?: string;
  sourceInfo?: string;
  description?: string;
  checksums?: { algorithm: string; checksumValue: string }[];
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
  annotations?: SpdxAnnotation[];
}

export interface SpdxFile {
  SPDXID: string;
  fileName: string;
  checksums: { algorithm: string; checksumValue: string }[];
  licenseConcluded?: string;
  copyrightText?: string;
  annotations?: SpdxAnnotation[];
}

export interface SpdxRelationship {
  spdxElementId: string;
  relatedSpdxElement: string;
  relationshipType: string;
  comment?: string;
}

export interface SpdxDocument {
  spdxVersion: string;
  dataLicense: string;
  SPDXID: string;
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[]; licenseListVersion?: string };
  packages?: SpdxPackage[];
  files?: SpdxFile[];
  hasExtractedLicensingInfos?: { licenseId: string; extractedText: string; name?: string }[];
  relationships?: SpdxRelationship[];
  annotations?: SpdxAnnotation[];
}
