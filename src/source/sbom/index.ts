export { readSbomFile, jsonSbomFormat, MAX_SBOM_BYTES, type SbomFileFormat } from './read-sbom-file.js';
export { parseXml, type XmlNode } from './xml-reader.js';
